import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';
import { definition, insertConsultation, insertResponse, pdfText } from '@footprint/engage/test-fixtures';

const ID = 'wirral-urgent-care-2026';
const NHS = '943 476 5919';
const EMAIL = 'jo.bloggs@example.com';
const COMMENT = `Please keep the walk-in centre open. My NHS number is ${NHS} and you can email me at ${EMAIL}.`;

/**
 * Moderation through to published results in a real browser: a privacy officer sees an NHS number
 * and an email address flagged in a publishable answer and redacts both; a partnership lead records
 * what changed and publishes; the public page shows suppressed counts, the redacted text and the
 * outcome, passes axe at laptop and phone width, and the report downloads as HTML and PDF.
 */
describe('moderation, results and the report in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 20));
    await insertConsultation(env.platform.sql, ID, { definition: definition({ title: 'Urgent care in Wirral', opensOn: '2026-01-05', closesOn: '2026-03-01' }) });
    for (let i = 0; i < 11; i++) await insertResponse(env.platform.sql, ID, { answers: { q1: i < 9 ? 'a' : 'b', q3: 4 }, aboutYou: { ageBand: i < 3 ? '16-24' : '65-74' } });
    await insertResponse(env.platform.sql, ID, { answers: { q1: 'a', q6: COMMENT }, publishFreeText: true });
  }, 600_000);
  afterAll(async () => env?.close());

  async function accessible(page: Page, name: string): Promise<void> {
    await loaded(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('lets a privacy officer see the NHS number and the email flagged, and redact both', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('privacy_officer'));
    await page.goto('/engage/moderation');
    await page.getByRole('link', { name: 'Urgent care in Wirral' }).click();
    await page.getByRole('heading', { level: 1, name: /Urgent care in Wirral/ }).waitFor();
    const text = page.locator('.fp-moderation-text').first();
    expect(await text.locator('mark[data-kind="nhs-number"]').innerText()).toBe(`${NHS} (NHS number)`);
    expect(await text.locator('mark[data-kind="email"]').innerText()).toBe(`${EMAIL} (email address)`);
    await accessible(page, 'engage-moderation');
    await page.getByRole('button', { name: `Redact the NHS number “${NHS}”` }).click();
    await page.getByRole('button', { name: `Redact the email address “${EMAIL}”` }).click();
    await page.locator('mark').first().waitFor({ state: 'detached' });
    const published = page.locator('[data-testid$="-published"]').first();
    expect(await published.innerText()).toBe('Please keep the walk-in centre open. My NHS number is [redacted: personal data] and you can email me at [redacted: personal data].');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Approve for publication' }).click();
    await page.getByText('Published as:').waitFor();
    await page.getByText('History (3)').click();
    expect(await page.locator('.nhsuk-details__text').first().innerText()).toContain('flagged as NHS number');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lets a partnership lead record an outcome linked to an ambition and publish the results', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto(`/engage/consultations/${ID}/results`);
    await page.getByRole('heading', { level: 1, name: /Urgent care in Wirral/ }).waitFor();
    await loaded(page);
    await page.getByLabel('What people raised that no question asked about').fill('Parking at the hospital.');
    await page.getByRole('button', { name: 'Save themes' }).click();
    await page.getByText('Themes saved.').waitFor();
    await page.getByLabel('We asked', { exact: true }).fill('Should the walk-in centre stay open in the evening?');
    await page.getByLabel('You said', { exact: true }).fill('Most of you said yes.');
    await page.getByLabel('We did', { exact: true }).fill('We will keep the walk-in centre open until 10pm.');
    const select = page.getByLabel('What it changed in the plan');
    await select.locator('optgroup[label="Ambitions"] option').first().waitFor({ state: 'attached' });
    const ambition = await select.locator('optgroup[label="Ambitions"] option').first().getAttribute('value');
    await select.selectOption([ambition!]);
    await page.getByRole('button', { name: 'Save outcomes' }).click();
    await page.getByText('Saved. They show on the results page').waitFor();
    await page.getByRole('button', { name: 'Publish the results' }).click();
    await page.getByText('The results are published.').waitFor();
    expect(await page.getByTestId('publication-status').innerText()).toContain('Published on');
    expect(pageErrors(page)).toEqual([]);

    const planId = (await (await page.request.get('/api/partnership/plans')).json()) as { current: string };
    await page.goto(`/partnership/plan/${planId.current}/ambitions/${ambition!.split('/')[1]}`);
    await page.getByTestId('plan-item-outcomes').waitFor();
    expect(await page.getByTestId('plan-item-outcomes').innerText()).toContain('We will keep the walk-in centre open until 10pm.');
    await context.close();
  });

  it('shows the public suppressed counts, the redacted text and the outcome without JavaScript', async () => {
    const context = await env.browser.newContext({ baseURL: env.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`/public/consultations/${ID}/results`);
    expect(response!.status()).toBe(200);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Please keep the walk-in centre open. My NHS number is [redacted: personal data] and you can email me at [redacted: personal data].');
    expect(await page.content()).not.toContain('5919');
    expect(await page.content()).not.toContain(EMAIL);
    expect(main).toContain('We will keep the walk-in centre open until 10pm.');
    expect(main).toContain('Parking at the hospital.');
    const table = page.locator('section[data-question="q1"] table');
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/Option A\s+10\s+100%/); // 10 of 12 truly, published as 10 of 10
    expect(await table.locator('tbody tr').nth(1).innerText()).toMatch(/Option B\s+\*\s+\*/);
    expect(await page.locator('section[data-question="q1"] svg rect').count()).toBe(3);
    await context.close();
  });

  it('passes axe on the public results page at laptop and phone width', async () => {
    for (const viewport of ['laptop', 'phone'] as const) {
      const { context, page } = await newPage(env, viewport);
      await page.goto(`/public/consultations/${ID}/results`);
      await accessible(page, `engage-results-public-${viewport}`);
      await context.close();
    }
  });

  it('downloads the report as HTML and as PDF from the results page', async () => {
    const { context, page } = await newPage(env);
    await page.goto(`/public/consultations/${ID}/results`);
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'as a web page (HTML)' }).click()]);
    const report = await readFile((await html.path())!, 'utf8');
    expect(report).toContain('Which option do you prefer?');
    expect(report).toContain('We will keep the walk-in centre open until 10pm.');
    expect(report).not.toContain('5919');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'as a PDF' }).click()]);
    const text = await pdfText(new Uint8Array(await readFile((await pdf.path())!)));
    expect(text).toContain('What people told us');
    expect(text).toContain('[redacted: personal data]');
    expect(text).not.toContain('5919');
    await context.close();
  });
});
