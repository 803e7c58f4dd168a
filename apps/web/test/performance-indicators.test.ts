import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

const AE = 'ae-four-hour-performance';

/** The indicator pages in a real browser, on the demo's synthetic national series: the catalogue, then A&E four-hour's SPC chart and table. */
describe('the performance indicator pages in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 30));
  }, 600_000);
  afterAll(async () => env?.close());

  async function checkPage(page: Page, name: string): Promise<void> {
    await loaded(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('lists the indicators by gap with their definitions, polarity in words and latest footprint value tagged synthetic', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('analyst'));
    await page.goto('/performance/indicators');
    await page.getByRole('heading', { level: 1, name: /Indicators/ }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('indicator-gap').locator('h2').allInnerTexts()).toEqual(['Health and wellbeing gap', 'Care and quality gap', 'Finance and efficiency gap']);
    const row = page.locator(`[data-testid=indicator-row][data-indicator="${AE}"]`);
    const text = await row.innerText();
    expect(text).toContain('Higher is better');
    expect(text).toContain('Source: NHS England, A&E Attendances and Emergency Admissions');
    expect(text).toContain('Synthetic');
    expect(await row.getByTestId('latest-value').innerText()).toMatch(/^\d+\.\d% \(95% CI \d+\.\d% to \d+\.\d%\)$/);
    expect(await row.getByText('A&E attendances (all types) admitted').isVisible()).toBe(false);
    await row.getByText('Definition').click();
    expect(await row.getByText('A&E attendances (all types) admitted').isVisible()).toBe(true);
    await checkPage(page, 'performance-indicators');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('charts A&E four-hour performance with SPC, its icons in words and a table of the same points, for the footprint and a place', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('analyst'));
    await page.goto('/performance/indicators');
    await loaded(page);
    await page.getByRole('link', { name: 'A&E four-hour performance' }).click();
    await page.getByRole('heading', { level: 1, name: /A&E four-hour performance/ }).waitFor();
    await page.getByTestId('spc-chart').waitFor();
    await loaded(page);
    expect(await page.getByTestId('indicator-definition').innerText()).toContain('Wilson score confidence intervals');

    const chart = page.getByTestId('spc-chart');
    const svg = chart.getByTestId('spc-chart-svg');
    expect(await svg.getAttribute('role')).toBe('img');
    const described = await page.locator(`[id="${await svg.getAttribute('aria-labelledby')}"]`).innerText();
    expect(described).toContain('Statistical process control chart of A&E four-hour performance, Cheshire and Merseyside Health and Care Partnership: 36 monthly values from Oct 2023 to Sep 2026.');
    expect(described).toMatch(/points? shows? special cause variation \(\d+ improvement/);
    expect(described).toContain('Target 78.0%');

    const variation = await chart.getByTestId('spc-variation').innerText();
    expect(variation).toMatch(/^(Common cause variation|Special cause of (improving|concerning|neutral) variation, (higher|lower))$/);
    expect(await chart.getByTestId('spc-variation').getAttribute('data-variation')).not.toBeNull();
    expect(await chart.getByTestId('spc-assurance').innerText()).toMatch(/^(Consistently passing the target|Consistently failing the target|Hit and miss: the target may or may not be met)$/);
    expect(await chart.locator('svg[role=img] title').first().textContent()).toBe(variation);

    const table = chart.getByTestId('spc-table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Month', 'Value', 'Mean', 'Lower process limit', 'Upper process limit', 'Target', 'Point type', 'Rule']);
    expect(await table.locator('tbody tr').count()).toBe(36);
    const types = await table.locator('[data-column=pointType]').allInnerTexts();
    expect(types).toContain('Special cause: improvement');
    expect(await svg.locator('circle[data-point-type=special_cause_improvement]').count()).toBe(types.filter((t) => t === 'Special cause: improvement').length);
    expect(await table.locator('tbody tr').first().locator('[data-column=date]').innerText()).toBe('Oct 2023');
    expect(await page.getByTestId('values-csv').getAttribute('href')).toBe(`/api/performance/indicators/export.csv?indicator=${AE}&area=E54000008`);
    await checkPage(page, 'performance-indicator-ae');

    await page.getByLabel('Area').selectOption({ label: 'Liverpool (E08000012)' });
    await page.getByRole('button', { name: 'Show this area' }).click();
    await page.getByRole('heading', { level: 2, name: /Liverpool/ }).waitFor();
    await page.getByTestId('spc-chart').waitFor();
    await loaded(page);
    expect(page.url()).toContain('area=E08000012');
    expect(await page.getByTestId('spc-description').innerText()).toContain('A&E four-hour performance, Liverpool: 36 monthly values');
    await checkPage(page, 'performance-indicator-ae-liverpool');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
