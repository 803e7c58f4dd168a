import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MILESTONE, PartnershipStore, SEED_PLAN_IDS } from '@footprint/partnership';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

const PLAN = SEED_PLAN_IDS.cheshireAndMerseyside2021;
const PROGRAMME = `${PLAN}-programme-0101-early-diagnosis`;
const LUNG_CHECKS = `${PROGRAMME}-m02`;

/** The plan's pages in a real browser: a partnership lead edits a programme's milestone; a clinician only reads. */
describe('the partnership plan in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;
  const store = () => new PartnershipStore(env.platform.sql);

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
  }, 600_000);
  afterAll(async () => env?.close());

  async function checkPage(page: Page, name: string): Promise<void> {
    await loaded(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }
  const milestoneRow = (page: Page, id: string) => page.locator(`[data-testid=milestone-row][data-id="${id}"]`);

  it('lets a partnership lead change a milestone and see it in the plan, with who changed what in its history', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/partnership/plan');
    await page.getByRole('heading', { level: 1, name: /Cheshire and Merseyside Health and Care Partnership plan/ }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('mission').innerText()).toContain('To tackle inequalities and “improve the lives of our poorest, fastest”.');
    expect(await page.getByTestId('ambition-gap').locator('h3').allInnerTexts()).toEqual(['Health and wellbeing', 'Care and quality', 'Finance and efficiency']);
    const ambitions = page.getByTestId('ambition-row');
    expect(await ambitions.count()).toBe(7);
    for (const text of await ambitions.allInnerTexts()) expect(text).toContain('Illustrative');
    expect(await page.getByTestId('illustrative-warning').isVisible()).toBe(true);
    const summary = page.getByTestId('programme-row').filter({ hasText: 'Early cancer diagnosis' }).getByTestId('milestone-summary');
    expect(await summary.innerText()).toBe('3 milestones: 1 complete, 1 overdue, 1 at risk or delayed');
    await checkPage(page, 'partnership-plan');

    await page.getByRole('link', { name: 'Early cancer diagnosis' }).click();
    await page.getByRole('heading', { level: 1, name: /Early cancer diagnosis/ }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('programme-details').innerText()).toMatch(/Royal Liverpool and Broadgreen University Hospitals NHS Trust \(RQ6\)/i);
    const row = milestoneRow(page, LUNG_CHECKS);
    expect(await row.locator('[data-column=status]').innerText()).toBe('Delayed Overdue');
    await checkPage(page, 'partnership-plan-programme');

    await row.getByRole('button', { name: /Change/ }).click();
    const form = page.getByTestId('milestone-form');
    await form.getByLabel('Status').selectOption({ label: 'On track' });
    await form.getByLabel('Due date').fill('2027-05-31');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-plan-milestone-form');
    await form.getByRole('button', { name: 'Save milestone' }).click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction((id) => document.querySelector(`[data-id="${id}"] [data-column=status]`)?.textContent === 'On track', LUNG_CHECKS);
    expect(await row.locator('[data-column=due]').innerText()).toBe('31 May 2027');

    // In the plan: the programme's summary no longer counts it overdue or delayed.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'The plan' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Cheshire and Merseyside/ }).waitFor();
    await loaded(page);
    expect(await summary.innerText()).toBe('3 milestones: 1 complete');

    // In its history: the new version says who changed which fields, and when.
    const [latest, first] = await store().history(LUNG_CHECKS);
    expect(latest).toMatchObject({ version: 2, change: 'updated', changedFields: ['due', 'status'], changedBy: { name: user('partnership_lead').displayName, role: 'partnership_lead' }, data: { status: 'on-track', due: '2027-05-31' } });
    expect(first).toMatchObject({ version: 1, change: 'imported', data: { status: 'delayed', due: '2026-06-30' } });
    expect(Date.now() - Date.parse(latest.updatedAt)).toBeLessThan(10 * 60_000);

    // A risk rescored: likelihood 4 → 2 with impact 4 is 8, high.
    await page.getByRole('link', { name: 'Early cancer diagnosis' }).click();
    await loaded(page);
    const risk = page.locator(`[data-testid=risk-row][data-id="${PROGRAMME}-r01"]`);
    expect(await risk.locator('[data-column=score] strong').innerText()).toBe('16 Extreme');
    await risk.getByRole('button', { name: /Change/ }).click();
    const riskForm = page.getByTestId('risk-form');
    await riskForm.getByLabel('Likelihood').selectOption('2');
    expect(await riskForm.getByTestId('risk-form-score').innerText()).toBe('8');
    expect(await accessibilityViolations(page)).toEqual([]);
    await riskForm.getByRole('button', { name: 'Save risk' }).click();
    await riskForm.waitFor({ state: 'detached' });
    await page.waitForFunction((id) => document.querySelector(`[data-testid=risk-row][data-id="${id}"] [data-column=score] strong`)?.textContent === '8 High', `${PROGRAMME}-r01`);
    expect((await store().history(`${PROGRAMME}-r01`))[0]).toMatchObject({ changedFields: ['likelihood'], changedBy: { role: 'partnership_lead' } });

    // The History link goes to the item's changes page.
    await milestoneRow(page, LUNG_CHECKS).getByRole('link', { name: /History/ }).click();
    await page.waitForURL(`**/partnership/changes/${LUNG_CHECKS}`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the milestone’s change on its history page (the changes page from part F)', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto(`/partnership/changes/${LUNG_CHECKS}`);
    await loaded(page);
    const main = page.locator('main');
    await main.getByText(user('partnership_lead').displayName).first().waitFor({ timeout: 15_000 });
    expect(await main.innerText()).toMatch(/status/i);
    await context.close();
  });

  it('shows a clinician the plan without edit controls, and refuses their write through the API', async () => {
    const clinician = user('gp_clinician');
    const { context, page } = await newPage(env);
    await signIn(page, clinician);
    await page.goto(`/partnership/plan/${PLAN}/programmes/${PROGRAMME}`);
    await page.getByRole('heading', { level: 1, name: /Early cancer diagnosis/ }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('milestone-row').count()).toBe(3);
    expect(await page.getByRole('button', { name: /Change/ }).count()).toBe(0);
    expect(await page.getByTestId('milestone-form').count()).toBe(0);

    const session = await fetch(`${env.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: clinician.username, password: clinician.password }) });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const before = await store().get(MILESTONE, LUNG_CHECKS);
    const refused = await fetch(`${env.baseUrl}/api/partnership/plans/${PLAN}/milestones/${LUNG_CHECKS}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ ifVersion: before.version, data: { ...before.data, status: 'complete', completed: '2026-11-01' } }),
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await store().get(MILESTONE, LUNG_CHECKS)).version).toBe(before.version);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('works at tablet width: the plan, a programme, the risk register and an ambition, each accessible', async () => {
    const context = await env.browser.newContext({ viewport: { width: 768, height: 1024 }, baseURL: env.baseUrl });
    const page = await context.newPage();
    await signIn(page, user('partnership_lead'));
    const pages: Array<[string, RegExp, string]> = [
      ['/partnership/plan', /Cheshire and Merseyside Health and Care Partnership plan/, 'partnership-plan-tablet'],
      [`/partnership/plan/${PLAN}/programmes/${PROGRAMME}`, /Early cancer diagnosis/, 'partnership-plan-programme-tablet'],
      [`/partnership/plan/${PLAN}/risks`, /Risk register/, 'partnership-plan-risks-tablet'],
      [`/partnership/plan/${PLAN}/ambitions/${PLAN}-ambition-01`, /Fewer people dying from cancer, heart attacks and strokes/, 'partnership-plan-ambition-tablet'],
    ];
    for (const [url, heading, name] of pages) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await checkPage(page, name);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    }
    await page.goto(`/partnership/plan/${PLAN}/risks`);
    await loaded(page);
    const ordered = (await page.getByTestId('risk-row').locator('[data-column=score] strong').allInnerTexts()).map((t) => Number(t.split(' ')[0]));
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    expect(ordered[0]).toBe(16);
    // The version picker shows the superseded 2016 STP.
    await page.goto('/partnership/plan');
    await loaded(page);
    await page.getByLabel('Version of the plan').selectOption({ label: '2016 STP (superseded)' });
    await page.getByRole('button', { name: 'Show this version' }).click();
    await page.getByText('This version has been superseded.').waitFor();
    await checkPage(page, 'partnership-plan-2016-tablet');
    expect(await page.getByTestId('new-version-form').count()).toBe(0);

    // A new version from the current one: the tree copied, the 2021 ambitions superseded.
    await page.goto('/partnership/plan');
    await loaded(page);
    await page.getByText('Start a new version of the plan').click();
    await page.getByRole('button', { name: 'Start the new version' }).click();
    await page.getByRole('link', { name: 'Enter what the new version is called, for example 2025 refresh' }).waitFor();
    await page.getByLabel('Name of the new version').fill('2025 refresh');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start the new version' }).click();
    await page.waitForURL(/version=(?!plan-e54000008-2021)/);
    await page.waitForFunction(() => document.querySelector('#plan-version option:checked')?.textContent === '2025 refresh (current)');
    await loaded(page);
    expect(await page.getByTestId('ambition-row').count()).toBe(7);
    expect((await page.getByLabel('Version of the plan').locator('option').allInnerTexts())).toEqual(['2025 refresh (current)', '2021 ambitions (superseded)', '2016 STP (superseded)']);
    await checkPage(page, 'partnership-plan-new-version-tablet');
    await context.close();
  });
});
