import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { buildServer, DEFAULT_WEB_DIST } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Signs in through the form without expecting the home page (a temporary password leads elsewhere). */
async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('staff accounts in a real browser', { timeout: 240_000 }, () => {
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

  it('an administrator adds a GP, who must change the temporary password before reaching their home page; disabling blocks sign-in', async () => {
    const administrator = env.users.find((u) => u.role === 'administrator')!;
    const admin = await newPage(env);
    await signIn(admin.page, administrator);
    await admin.page.getByRole('link', { name: 'Staff accounts' }).first().click();
    await admin.page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    await loaded(admin.page);
    await expect.poll(() => admin.page.getByTestId('accounts').textContent()).toContain('Administrator (R8008)');
    await expectAccessible(admin.page, 'accounts page');

    // A precise error from the server, shown in the error summary.
    await admin.page.getByLabel('Username', { exact: true }).fill('new.gp');
    await admin.page.getByLabel('Name', { exact: true }).fill('Dr New Person');
    await admin.page.locator('#role').selectOption('gp_clinician');
    await admin.page.getByRole('button', { name: 'Add member of staff' }).click();
    await expect.poll(() => admin.page.getByTestId('add-account-error-problem').textContent()).toContain('works for an organisation');

    await admin.page.locator('#organisation').selectOption('N81001');
    await admin.page.getByRole('button', { name: 'Add member of staff' }).click();
    const shown = admin.page.getByTestId('temporary-password');
    await shown.waitFor();
    const temporaryPassword = (await shown.textContent())!.trim();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const row = admin.page.locator('tr[data-username="new.gp"]');
    await expect.poll(() => row.textContent()).toContain('GP practice clinician (R8000)');
    expect(await row.textContent()).toContain('Riverside Surgery (N81001)');
    expect(await row.textContent()).toContain('Temporary password not yet changed');
    await screenshot(admin.page, 'accounts-added');

    // The new GP signs in with the temporary password and is held on the change-password page.
    const gp = await newPage(env);
    await submitSignIn(gp.page, 'new.gp', temporaryPassword);
    await gp.page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await gp.page.getByRole('link', { name: 'Shared care record' }).count()).toBe(0);
    const refused = await gp.page.evaluate(async () => {
      const response = await fetch('/api/footprint', { headers: { accept: 'application/json' } });
      return { status: response.status, body: (await response.json()) as { type: string } };
    });
    expect(refused).toMatchObject({ status: 403, body: { type: 'https://footprint.nhs.uk/problems/password-change-required' } });
    await gp.page.goto('/care-record');
    await gp.page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectAccessible(gp.page, 'change-password page');

    await gp.page.getByLabel('Temporary password').fill(temporaryPassword);
    await gp.page.getByLabel('New password', { exact: true }).fill('hello new.gp friend');
    await gp.page.getByLabel('Confirm new password').fill('hello new.gp friend');
    await gp.page.getByRole('button', { name: 'Save new password' }).click();
    await expect.poll(() => gp.page.locator('.nhsuk-error-summary').textContent()).toContain('Your new password must not contain your username');
    await screenshot(gp.page, 'change-password-error');

    await gp.page.getByLabel('New password', { exact: true }).fill('kettle orbit meadow');
    await gp.page.getByLabel('Confirm new password').fill('kettle orbit meadow');
    await gp.page.getByRole('button', { name: 'Save new password' }).click();
    await gp.page.getByRole('heading', { level: 1, name: 'Welcome, Dr New Person' }).waitFor();
    expect(await gp.page.getByRole('link', { name: 'Shared care record' }).count()).toBeGreaterThan(0);

    // The administrator disables the account: the GP's session ends and sign-in is refused.
    await admin.page.reload();
    await loaded(admin.page);
    await admin.page.getByRole('button', { name: 'Disable new.gp' }).click();
    await expect.poll(() => admin.page.getByTestId('accounts-message').textContent()).toContain('new.gp is disabled');
    await expect.poll(() => admin.page.locator('tr[data-username="new.gp"]').textContent()).toContain('Disabled');

    const status = await gp.page.evaluate(async () => (await fetch('/api/session')).status);
    expect(status).toBe(401);
    await submitSignIn(gp.page, 'new.gp', 'kettle orbit meadow');
    await expect.poll(() => gp.page.getByTestId('sign-in-problem').textContent()).toContain('Your account is disabled');
    await screenshot(gp.page, 'sign-in-disabled');

    expect(pageErrors(admin.page)).toEqual([]);
    expect(pageErrors(gp.page)).toEqual([]);
    await admin.context.close();
    await gp.context.close();
  });

  it('hides the password form when local passwords are switched off', async () => {
    const app = buildServer(env.platform, { logger: false, webDist: DEFAULT_WEB_DIST, localPasswords: false, bootstrapAdministrator: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const context = await env.browser.newContext({ baseURL: `http://127.0.0.1:${(app.server!.address() as AddressInfo).port}` });
    try {
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByTestId('local-passwords-off').waitFor();
      expect(await page.getByLabel('Password').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
      await expectAccessible(page, 'sign-in page with local passwords off');
    } finally {
      await context.close();
      await app.close();
    }
  });
});
