import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUserCredentials } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';
import { loadSyntheticFootprint } from './demo-footprint';

/** The register of member organisations in a real browser: search, open, a lead's change seen in the history, a clinician kept out. */
describe('the register of member organisations in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 60));
  }, 600_000);
  afterAll(async () => env?.close());

  it('searches the directory, opens an organisation, and a partnership lead changes a membership and sees it in the history', async () => {
    const { context, page } = await newPage(env);
    const lead = user('partnership_lead');
    await signIn(page, lead);
    await page.goto('/partnership/organisations');
    await page.getByRole('heading', { level: 1, name: 'Member organisations' }).waitFor();
    await loaded(page);
    await expect.poll(() => page.getByTestId('counts-by-kind').innerText()).toContain('NHS commissioner: 22');
    await page.getByLabel('Name or code').fill('Knowsley');
    await page.getByLabel('Kind').selectOption('commissioner');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toContain('q=Knowsley');
    await loaded(page);
    const names = async () => page.getByTestId('organisations').locator('tbody td[data-column="name"] a').allInnerTexts();
    await expect.poll(names).toEqual(['Cheshire and Merseyside ICB: Knowsley place', 'NHS Knowsley CCG']);
    expect(await page.getByTestId('organisations').innerText()).toMatch(/Knowsley place\s*Illustrative/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-organisations');

    await page.getByRole('link', { name: 'NHS Knowsley CCG' }).click();
    await page.getByRole('heading', { level: 1, name: 'NHS Knowsley CCG' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('organisation-summary').innerText()).toMatch(/ODS code\s+01J/);
    const memberships = await page.getByTestId('memberships').locator('tbody tr').allInnerTexts();
    expect(memberships.some((row) => row.includes('Mid Mersey (the Alliance)'))).toBe(true);
    expect(memberships.some((row) => /Cheshire and Merseyside Health and Care Partnership\s+NHS commissioner\s+1 Apr 2016\s+30 Jun 2022\s+Ended/.test(row))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Membership', { exact: true }).selectOption('aff-01J');
    await page.getByLabel('Start', { exact: true }).fill('2016-05-01');
    await page.getByRole('button', { name: 'Save change' }).click();
    await page.getByTestId('membership-saved').waitFor();
    await expect.poll(() => page.getByTestId('history').locator('tbody tr').first().innerText()).toContain(`${lead.displayName} (partnership_lead)`);
    expect(await page.getByTestId('history').locator('tbody tr').first().innerText()).toContain('NHS commissioner of Cheshire and Merseyside Health and Care Partnership, 2016-05-01 to 2022-06-30');
    await expect.poll(async () => (await page.getByTestId('memberships').locator('tbody tr').allInnerTexts()).join('\n')).toContain('1 May 2016');

    // A bad date is refused in the form and nothing is sent.
    await page.getByLabel('End', { exact: true }).fill('30/06/2022');
    await page.getByRole('button', { name: 'Save change' }).click();
    await page.getByRole('link', { name: 'Enter the end as a date, for example 2022-06-30' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-organisation');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('works at tablet width (768 px) without sideways scrolling', async () => {
    const context = await env.browser.newContext({ viewport: { width: 768, height: 1024 }, baseURL: env.baseUrl });
    const page = await context.newPage();
    await signIn(page, user('partnership_lead'));
    for (const [path, name] of [['/partnership/organisations', 'partnership-organisations-tablet'], ['/partnership/organisations/org-QYG', 'partnership-organisation-tablet']] as const) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await loaded(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the tablet screen`).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, name);
    }
    await context.close();
  });

  it('lets a clinician read the register but not change it', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('gp_clinician'));
    await page.goto('/partnership/organisations/org-01J');
    await page.getByRole('heading', { level: 1, name: 'NHS Knowsley CCG' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('membership-form').count()).toBe(0);
    const status = await page.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken?: string };
      const response = await fetch('/api/partnership/organisations/org-01J/memberships/aff-01J', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        body: JSON.stringify({ start: '2016-06-01' }),
      });
      return { status: response.status, title: ((await response.json()) as { title?: string }).title };
    });
    expect(status).toEqual({ status: 403, title: 'Not allowed for your role' });
    await context.close();
  });
});
