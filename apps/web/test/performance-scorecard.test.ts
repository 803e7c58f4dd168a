import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_PLAN_IDS } from '@footprint/partnership';
import { IndicatorValueStore, type IndicatorValue } from '@footprint/performance';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

const HTN_AMBITION = `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-03`;
const HTN = 'hypertension-treated-to-target';
const CM = 'E54000008';
const LIVERPOOL = 'E08000012';
const WIRRAL = 'E08000015';

/** Monthly hypertension control from 2023-04 to 2024-09 (trajectory 66.4% in 2024-09): the footprint flat near 62% (off track), Liverpool rising to 70% (on track), Wirral flat near 60%. */
function hypertensionValues(): IndicatorValue[] {
  const row = (areaCode: string, areaType: IndicatorValue['areaType'], period: string, numerator: number, denominator: number): IndicatorValue => ({
    indicatorId: HTN, areaCode, areaType, period, breakdown: '', value: (100 * numerator) / denominator, numerator, denominator,
    lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic: false,
  });
  return Array.from({ length: 18 }, (_x, i) => {
    const m = 2023 * 12 + 3 + i;
    const period = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    return [row(CM, 'footprint', period, 62_000 + (i % 2) * 400, 100_000), row(LIVERPOOL, 'place', period, 12_000 + 150 * i, 20_000), row(WIRRAL, 'place', period, 9_000 + (i % 2) * 60, 15_000)];
  }).flat();
}

/** The plan's scorecard, its drill-down to an indicator's SPC chart, and the comparison page, in a real browser. */
describe('the plan’s scorecard in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
    // The constructed series for the footprint and two places; the practices keep the values computed from the warehouse.
    const store = new IndicatorValueStore(env.platform.sql);
    const practices = await store.list({ indicatorId: HTN, areaType: 'practice' });
    await store.replace([HTN], [...hypertensionValues(), ...practices]);
  }, 600_000);
  afterAll(async () => env?.close());

  async function checkPage(page: Page, name: string): Promise<void> {
    await loaded(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }
  const row = (page: Page, ambitionId: string) => page.locator(`[data-testid=scorecard-row][data-ambition="${ambitionId}"]`);

  it('shows where the plan is off track and whether that is signal or noise, then drills down gap → ambition → indicator', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/performance');
    await page.getByRole('heading', { level: 1, name: "The plan's scorecard" }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('scorecard-gap-section').locator('h2').allInnerTexts()).toEqual(['Health and wellbeing', 'Care and quality', 'Finance and efficiency']);
    expect(await page.getByTestId('scorecard-row').count()).toBe(7);
    const htn = row(page, HTN_AMBITION);
    expect(await htn.getAttribute('data-status')).toBe('off-track');
    expect(await htn.getByTestId('scorecard-reason').innerText()).toMatch(/^Off track: 62\.4% in 2024-09, 4 worse than the trajectory of 66\.4%/);
    // The icons carry their words: a flat footprint is common cause, and it cannot meet the trajectory.
    expect(await htn.getByTestId('spc-variation').innerText()).toMatch(/Common cause variation$/);
    expect(await htn.getByTestId('spc-assurance').innerText()).toMatch(/Consistently failing the target$/);
    expect(await htn.getByTestId('scorecard-trend').innerText()).toBe('No significant change');
    // The first ambition's deaths are too few in a footprint of 40 people to publish a rate: it stays, saying so.
    expect(await row(page, `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-01`).getByTestId('scorecard-reason').innerText()).toMatch(/^No data yet: there are no values for Cheshire and Merseyside/);
    await checkPage(page, 'performance-scorecard');

    await page.getByLabel('Show the scorecard for').selectOption({ label: 'Liverpool' });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/area=E08000012/);
    // The rows re-render for Liverpool: wait for the summary to name it.
    await page.getByTestId('scorecard-summary').filter({ hasText: 'for Liverpool' }).waitFor();
    expect(await htn.getAttribute('data-status')).toBe('on-track');
    expect(await htn.getByTestId('scorecard-trend').innerText()).toBe('Improving');
    await screenshot(page, 'performance-scorecard-liverpool');

    await htn.getByRole('link', { name: 'All communities supported to lead healthy lives' }).click();
    await page.getByRole('heading', { level: 1, name: 'All communities supported to lead healthy lives' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('drill-reason').innerText()).toMatch(/^On track: /);
    const primary = page.locator('[data-testid=drill-indicator][data-role=primary]');
    expect(await primary.locator('h2').innerText()).toContain('Hypertension treated to target');
    const wirral = primary.locator(`[data-testid=drill-area][data-area="${WIRRAL}"]`);
    expect(await wirral.getByTestId('scorecard-status').innerText()).toBe('Off track');
    expect(await page.locator('[data-testid=drill-indicator][data-role=supporting]').count()).toBe(2);
    // Practices of the footprint's places, each with its own row and chart link.
    const practiceRows = primary.getByTestId('drill-practices').getByTestId('drill-area');
    expect(await practiceRows.count()).toBeGreaterThan(0);
    const practice = practiceRows.first();
    const practiceCode = (await practice.getAttribute('data-area'))!;
    expect(await practice.locator('th').innerText()).toContain(`Practice ${practiceCode}`);
    expect(await practice.getByTestId('drill-chart-link').getAttribute('href')).toBe(`/performance/indicators/${HTN}?area=${practiceCode}&ambition=${HTN_AMBITION}`);
    const wirralTrajectory = await wirral.locator('td').nth(1).innerText();
    await checkPage(page, 'performance-ambition');

    // The primary indicator's chart for Wirral, judged against the ambition's own trajectory.
    await primary.getByRole('link', { name: 'SPC chart for Wirral' }).click();
    await page.waitForURL(new RegExp(`/performance/indicators/${HTN}\\?area=${WIRRAL}&ambition=${HTN_AMBITION}$`));
    await page.getByRole('heading', { level: 1, name: 'Hypertension treated to target' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('spc-ambition').innerText()).toContain('Judged against the plan’s ambition All communities supported to lead healthy lives');
    const chart = page.getByTestId('spc-chart');
    expect(await chart.getByTestId('spc-chart-svg').count()).toBe(1);
    expect(await chart.getByTestId('spc-target-line').count()).toBeGreaterThan(0);
    expect(await chart.getByTestId('spc-legend').innerText()).toContain('Trajectory');
    // Wirral is flat near 60%, below a trajectory rising past 66%: it cannot meet it.
    expect(await chart.getAttribute('data-assurance')).toBe('consistent_fail');
    const table = chart.getByTestId('spc-table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Month', 'Value', 'Mean', 'Lower process limit', 'Upper process limit', 'Trajectory', 'Point type', 'Rule']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(18);
    // The table's last trajectory is the one the drill-down showed for Wirral.
    expect(await rows.last().locator('td[data-column=target]').innerText()).toBe(wirralTrajectory);
    expect(await rows.first().locator('td[data-column=date]').innerText()).toBe('Apr 2023');
    expect(await rows.last().locator('td[data-column=date]').innerText()).toBe('Sep 2024');
    await checkPage(page, 'performance-indicator-ambition');

    // Back without the ambition: the catalogue's target (none for hypertension), so no trajectory line.
    await page.getByRole('link', { name: 'Show the chart against the catalogue’s target instead' }).click();
    await page.waitForURL(new RegExp(`/performance/indicators/${HTN}\\?area=${WIRRAL}$`));
    await page.getByTestId('spc-table').waitFor();
    await loaded(page);
    expect(await page.getByTestId('spc-ambition').count()).toBe(0);
    expect(await page.getByTestId('spc-target-line').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('compares places on a funnel plot with a table of the same numbers, Better/Similar/Worse against the footprint', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('analyst'));
    await page.goto('/performance/compare');
    await page.getByRole('heading', { level: 1, name: 'Comparisons' }).waitFor();
    await loaded(page);
    await page.getByLabel('Indicator').selectOption({ label: 'Hypertension treated to target' });
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByTestId('comparison').waitFor();
    await loaded(page);
    expect(await page.getByTestId('comparison-benchmark').innerText()).toMatch(/^Benchmark: .*, 62\.4% \(95% CI/);
    const rows = page.getByTestId('comparison-row');
    expect(await rows.count()).toBe(2);
    // Liverpool 72.75% against 62.4%: better, far above the funnel; Wirral 60.4%: worse, below it.
    expect(await page.locator(`[data-testid=comparison-row][data-area="${LIVERPOOL}"]`).getAttribute('data-comparison')).toBe('Better');
    expect(await page.locator(`[data-testid=comparison-row][data-area="${WIRRAL}"]`).getAttribute('data-comparison')).toBe('Worse');
    const plot = page.getByTestId('funnel-plot');
    expect(await plot.getByRole('img').getAttribute('aria-labelledby')).toBe('funnel-title funnel-desc');
    expect(await plot.locator('desc').textContent()).toMatch(/^2 areas against an average of/);
    expect(await page.getByTestId('funnel-point').evaluateAll((els) => els.map((e) => e.getAttribute('data-significance')))).toEqual(['High (0.001)', 'Low (0.001)']);
    await checkPage(page, 'performance-compare');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
