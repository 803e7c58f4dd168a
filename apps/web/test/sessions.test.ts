import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

/** Console messages in which Chromium reports something the Content-Security-Policy blocked. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) found.push(message.text());
  });
  return found;
}

describe('your sessions, under the strict Content-Security-Policy, in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;

  beforeAll(async () => {
    env = await startWebTestEnvironment(async (platform) => {
      await platform.record.create(systemContext(), {
        resourceType: 'Organization',
        name: 'Riverside Surgery',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }],
      });
    });
  }, 600_000);
  afterAll(async () => env?.close());

  it('serves the web app with the strict policy, and it renders and works without a single violation', async () => {
    const { page } = await newPage(env);
    const violations = cspViolations(page);
    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await page.getByTestId('demo-users').waitFor();
    await screenshot(page, 'csp-start-page');
    const analyst = env.users.find((u) => u.role === 'analyst')!;
    await signIn(page, analyst);
    await page.getByRole('link', { name: 'Footprint overview' }).first().click();
    await loaded(page);
    await screenshot(page, 'csp-footprint-overview');
    expect(violations).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('lists the user’s sessions in each browser and signs another one out', async () => {
    const analyst = env.users.find((u) => u.role === 'analyst')!;
    const laptop = await newPage(env);
    const other = await newPage(env, 'tablet');
    const violations = cspViolations(laptop.page);
    await signIn(other.page, analyst);
    await signIn(laptop.page, analyst);

    await laptop.page.getByRole('link', { name: 'Your sessions' }).click();
    await laptop.page.getByRole('heading', { level: 1, name: 'Your sessions' }).waitFor();
    await loaded(laptop.page);
    const rows = laptop.page.getByTestId('sessions').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => laptop.page.getByTestId('sessions').textContent()).toContain('This session');
    expect(await laptop.page.getByTestId('sessions').textContent()).toContain('127.0.0.1');
    expect(await accessibilityViolations(laptop.page)).toEqual([]);
    await screenshot(laptop.page, 'sessions-page');

    await laptop.page.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await laptop.page.getByText('Your other sessions have been signed out.').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await laptop.page.getByText('You are not signed in anywhere else.').waitFor();
    await screenshot(laptop.page, 'sessions-page-others-signed-out');

    // The other browser's session has ended: its next request is refused and it is asked to sign in again.
    const status = await other.page.evaluate(async () => (await fetch('/api/session', { credentials: 'same-origin' })).status);
    expect(status).toBe(401);
    // This one carries on.
    const mine = await laptop.page.evaluate(async () => (await fetch('/api/session', { credentials: 'same-origin' })).status);
    expect(mine).toBe(200);
    expect(violations).toEqual([]);
    expect(pageErrors(laptop.page)).toEqual([]);
  });
});
