import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

async function pdfText(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: pdf });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** The board report in a real browser: the page for a month, the period picker, and the PDF its link downloads. */
describe('the board report in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    // The harness seeds the performance demo: the synthetic national series among it.
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
  }, 600_000);
  afterAll(async () => env?.close());

  async function checkPage(page: Page, name: string): Promise<void> {
    await loaded(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('shows the report for a month with every section, the changed indicators charted, and another month from the picker', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/performance/report?period=2025-09');
    await page.getByRole('heading', { level: 1, name: /Board report, September 2025/ }).waitFor();
    await loaded(page);
    expect(await page.locator('main h2, #maincontent h2').allInnerTexts()).toEqual(expect.arrayContaining(['The plan’s scorecard', 'Indicators that changed', 'Progress ratings', 'Milestones due and missed', 'Top risks', 'Decisions and actions']));
    expect(await page.getByTestId('report-scorecard').first().innerText()).toContain('Measured by');
    const changed = page.getByTestId('report-changed-indicator');
    const summary = await page.getByTestId('report-changed-summary').innerText();
    const count = Number(/^(\d+) of the/.exec(summary)?.[1]);
    expect(await changed.count()).toBe(count);
    expect(count).toBeGreaterThan(0);
    expect(await changed.first().getByTestId('spc-chart').count()).toBe(1);
    expect(await changed.first().getByTestId('spc-description').innerText()).toMatch(/^Statistical process control chart of /);
    expect(await page.getByTestId('report-decisions').innerText()).toContain('PB-2025-18: Approved the winter plan 2025/26.');
    expect(await page.getByTestId('report-risks').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('report-ratings-computed').innerText()).toContain('STP');
    expect(await page.getByTestId('report-pdf-link').getAttribute('href')).toBe('/api/performance/report.pdf?period=2025-09');
    await checkPage(page, 'performance-report');

    await page.getByLabel('Month to report on').fill('2026-09');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('heading', { level: 1, name: /Board report, September 2026/ }).waitFor();
    await loaded(page);
    expect(page.url()).toContain('period=2026-09');
    expect(await page.getByTestId('report-decisions').innerText()).toContain('PB-2026-21: Approved the annual report 2025/26 for publication.');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('downloads the same report as a PDF whose text says what the page says, the same bytes each time', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('analyst'));
    await page.goto('/performance/report?period=2025-09');
    await page.getByRole('heading', { level: 1, name: /Board report, September 2025/ }).waitFor();
    await loaded(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the report (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('board-report-cheshire-and-merseyside-health-and-care-partnership-2025-09.pdf');
    const pdf = await readFile((await download.path())!);
    // pdf.js takes over the bytes it is given: parse a copy.
    const text = await pdfText(new Uint8Array(pdf));
    expect(text).toContain('Board report Cheshire and Merseyside Health and Care Partnership September 2025');
    for (const section of ['The plan’s scorecard', 'Indicators that changed', 'Progress ratings', 'Milestones due and missed', 'Top risks', 'Decisions and actions']) expect(text).toContain(section);
    expect(text).toContain('PB-2025-18: Approved the winter plan 2025/26.');
    const firstChanged = (await page.getByTestId('report-changed-indicator').first().locator('h3').innerText()).replace(/\s*Synthetic$/, '');
    expect(text).toContain(firstChanged);
    expect(text).toMatch(/Page 1 of \d+/);
    const again = await page.request.get('/api/performance/report.pdf?period=2025-09');
    expect(again.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await again.body()).equals(pdf)).toBe(true);
    await context.close();
  });

  it('says what is wrong with a bad month and lets the user choose another', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('gp_clinician'));
    await page.goto('/performance/report?period=2025-13');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('period must be a month YYYY-MM');
    await page.getByLabel('Month to report on').fill('2025-09');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('heading', { level: 1, name: /Board report, September 2025/ }).waitFor();
    await checkPage(page, 'performance-report-after-bad-month');
    await context.close();
  });
});
