import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

const ACTION = 'Review the digital inclusion programme’s risks with the places.';

/** The page is no wider than the window (wide tables scroll inside their own container); if it is, which elements reach past the edge. */
async function noSidewaysScroll(page: Page): Promise<void> {
  const wider = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`).slice(0, 10);
  });
  expect(wider).toEqual([]);
}

/** The partnership's governance in a real browser, on the demo's seeded Cheshire and Merseyside bodies. */
describe('the partnership’s governance in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 60));
  }, 600_000);
  afterAll(async () => env?.close());

  it('lets a partnership lead record an action’s completion on a meeting page and find it in the action log', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/partnership/governance');
    await page.getByRole('heading', { level: 1, name: 'Governance' }).waitFor();
    await loaded(page);
    const bodies = page.getByTestId('governance-bodies');
    expect(await bodies.locator('[data-column=name]').allInnerTexts()).toEqual(['Partnership Board', 'Health and Care Partnership Assembly', 'Collaborative Commissioning Forum', 'Cancer Network', 'Cardiovascular Network', 'Clinical Leadership Group']);
    const overdueBefore = Number(await page.getByTestId('overdue-actions').innerText());
    expect(overdueBefore).toBeGreaterThan(0);
    expect(await page.locator('main').innerText()).toContain('illustrative');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-governance');

    await bodies.getByRole('link', { name: 'Partnership Board', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Partnership Board/ }).waitFor();
    await loaded(page);
    const members = await page.getByTestId('body-members').locator('[data-column=organisation]').allInnerTexts();
    expect(members).toContain('Cheshire and Merseyside Health and Care Partnership (QYG)');
    expect(members.some((m) => /Council/.test(m))).toBe(true);
    expect(await page.getByTestId('terms-of-reference').innerText()).toContain('Quorum.');
    expect(await page.getByRole('link', { name: /History of the terms of reference/ }).getAttribute('href')).toBe('/partnership/changes/gov-board-tor');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-governance-body');

    await page.getByTestId('body-meetings').getByRole('link', { name: /^24 Sept? 2026$/ }).click();
    await page.getByRole('heading', { level: 1, name: /Meeting of 24 Sept? 2026/ }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('meeting-agenda').locator('[data-column=title]').first().innerText()).toBe('Welcome, apologies and declarations of interest');
    expect(await page.getByTestId('meeting-minutes').innerText()).toContain('annual report');
    const row = page.getByTestId('meeting-actions').locator('tbody tr', { hasText: ACTION });
    expect(await row.locator('[data-column=status]').innerText()).toMatch(/Open\s*Overdue/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-governance-meeting');

    await row.getByRole('button', { name: /Update/ }).click();
    const form = page.getByTestId('action-update-form');
    await form.getByLabel('Done').check();
    await form.getByLabel('Completed on').fill('');
    await form.getByRole('button', { name: 'Save the action' }).click();
    await form.getByRole('link', { name: 'Enter the date the action was completed' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-governance-action-form-error');
    await form.getByLabel('Completed on').fill('2026-12-01');
    await form.getByLabel('Completion note').fill('Reviewed with all nine places; two risks closed.');
    await form.getByRole('button', { name: 'Save the action' }).click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction((text) => [...document.querySelectorAll('[data-testid=meeting-actions] tbody tr')].some((r) => r.textContent?.includes(text) && r.querySelector('[data-column=status]')?.textContent === 'Done'), ACTION);
    expect(await row.locator('[data-column=completed]').innerText()).toBe('1 Dec 2026: Reviewed with all nine places; two risks closed.');
    expect(await row.getByRole('link', { name: /History/ }).getAttribute('href')).toBe('/partnership/changes/gov-board-2026-09-24-x1');

    const paperForm = page.getByTestId('paper-form');
    await paperForm.getByLabel('Title').fill('Digital inclusion risks: notes');
    await paperForm.getByLabel('Upload a file').check();
    await paperForm.getByLabel('File', { exact: true }).setInputFiles({ name: 'digital-inclusion-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Risks reviewed with the nine places.\n') });
    await paperForm.getByRole('button', { name: 'Add the paper' }).click();
    const uploaded = page.getByTestId('meeting-papers').getByRole('link', { name: 'Digital inclusion risks: notes', exact: true });
    await uploaded.waitFor();
    expect(await uploaded.getAttribute('href')).toMatch(/^\/api\/partnership\/governance\/documents\/[0-9a-f-]{36}$/);
    const served = await page.evaluate(async (href) => {
      const response = await fetch(href!);
      return { disposition: response.headers.get('content-disposition'), text: await response.text() };
    }, await uploaded.getAttribute('href'));
    expect(served).toEqual({ disposition: `attachment; filename="digital-inclusion-notes.txt"; filename*=UTF-8''digital-inclusion-notes.txt`, text: 'Risks reviewed with the nine places.\n' });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto('/partnership/governance/actions');
    await page.getByRole('heading', { level: 1, name: 'Action log' }).waitFor();
    await loaded(page);
    await page.getByLabel('Status').selectOption('done');
    await page.getByLabel('Body').selectOption({ label: 'Partnership Board' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=done/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=action-log] [data-column=status]')].every((c) => c.textContent === 'Done'));
    await loaded(page);
    const logged = page.getByTestId('action-log').locator('tbody tr', { hasText: ACTION });
    expect(await logged.locator('[data-column=completed]').innerText()).toBe('1 Dec 2026: Reviewed with all nine places; two risks closed.');
    expect(await logged.locator('[data-column=owner]').innerText()).toMatch(/^Director of Public Health, .+ Council$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-governance-actions');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these actions as CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,body,meeting,meeting_date,decision,description,owner_organisation,/);
    expect(csv).toContain('gov-board-2026-09-24-x1,Partnership Board');
    expect(csv).toContain('Reviewed with all nine places; two risks closed.');

    await page.goto('/partnership/governance');
    await loaded(page);
    expect(Number(await page.getByTestId('overdue-actions').innerText())).toBe(overdueBefore - 1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('works at tablet width, read-only for a clinician, whose change the server refuses', async () => {
    const { context, page } = await newPage(env, 'tablet');
    await signIn(page, user('gp_clinician'));
    for (const [path, heading, name] of [
      ['/partnership/governance', 'Governance', 'tablet-partnership-governance'],
      ['/partnership/governance/bodies/gov-clinical', 'Clinical Leadership Group', 'tablet-partnership-governance-body'],
      ['/partnership/governance/meetings/gov-board-2025-09-25', 'Meeting of 25 Sept 2025', 'tablet-partnership-governance-meeting'],
      ['/partnership/governance/actions?overdue=true', 'Action log', 'tablet-partnership-governance-actions'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: new RegExp(heading.replace('Sept', 'Sept?')) }).waitFor();
      await loaded(page);
      expect(await page.locator('main form').count()).toBe(path.includes('/actions') ? 1 : 0);
      expect(await page.getByRole('button', { name: /Update/ }).count()).toBe(0);
      await screenshot(page, name);
      await noSidewaysScroll(page);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    expect(await page.getByTestId('action-log').locator('[data-column=status]').allInnerTexts()).not.toHaveLength(0);
    // With the session's own CSRF token, so the refusal is the role's, not the missing token's.
    const refused = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/partnership/governance/bodies', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'X', type: 'committee', purpose: 'X' }) });
      return { status: response.status, body: (await response.json()) as { title: string } };
    });
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ title: 'Not allowed for your role' }) });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
