import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { IndicatorValueStore, PublishedRatingStore, type IndicatorValue } from '@footprint/performance';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

const value = (indicatorId: string, areaCode: string, areaType: IndicatorValue['areaType'], v: number): IndicatorValue => ({
  indicatorId, areaCode, areaType, period: '2026-10', breakdown: '', value: v, numerator: null, denominator: null, lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic: false,
});

/** The progress ratings page in a real browser: published beside computed, each explained; a lead records a published rating. */
describe('progress ratings in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
    // Latest values for Cheshire and Merseyside and for Lancashire and South Cumbria, so the oversight engine has a league of two.
    await new IndicatorValueStore(env.platform.sql).upsert([
      value('ae-four-hour-performance', 'E54000008', 'footprint', 91),
      value('rtt-18-weeks', 'E54000008', 'footprint', 81),
      value('cancer-62-day', 'E54000008', 'footprint', 70),
      value('finance-against-plan', 'E54000008', 'footprint', -12),
      value('hypertension-treated-to-target', 'E54000008', 'footprint', 85),
      value('mental-health-investment-standard', 'E54000008', 'footprint', 0.2),
      value('ae-four-hour-performance', 'E54000048', 'footprint', 75),
      value('hypertension-treated-to-target', 'E54000048', 'footprint', 80),
      value('finance-against-plan', 'E54000048', 'footprint', 3),
    ]);
  }, 600_000);
  afterAll(async () => env?.close());

  async function openRatings(page: Page): Promise<void> {
    await page.goto('/performance/ratings');
    await page.getByRole('heading', { level: 1, name: 'Progress ratings' }).waitFor();
    await loaded(page);
  }

  it('shows the published rating with its source, and each engine’s computed result explained, for a clinician who cannot record', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('gp_clinician'));
    await openRatings(page);
    const england = page.getByTestId('published-england');
    expect(await england.locator('tbody tr').first().innerText()).toMatch(/Lancashire and South Cumbria \(E54000048\)\s+STP progress dashboard\s+July 2017\s+Published Category 2 – Advanced\s+.*own statement/);
    expect(await page.getByTestId('published-footprint').innerText()).toContain('No published rating of');

    // STP: hospital 2 (A&E 91 → 2, RTT 81 → 2); patient-focused (cancer 70 → 3, MHIS 0.2 → 2) 2.5; transformation (finance −12 → 3 ×2, hypertension 85 → 1) 7/3.
    expect(await page.getByTestId('stp-rating').innerText()).toMatch(/Computed\s+Category 2 – Advanced/);
    expect(await page.getByTestId('stp-notes').innerText()).toMatch(/Illustrative weights and cut points/);
    const hospital = page.getByTestId('stp-items-hospital-performance');
    expect(await hospital.locator('tbody tr').first().innerText()).toContain('A&E four-hour performance: 91 % (2026-10) scores 2 of 4');
    expect(await page.getByTestId('stp-domains').locator('tbody tr').allInnerTexts()).toHaveLength(3);

    // Oversight: Cheshire and Merseyside scores best but is in deficit, so it is capped at segment 3.
    expect(await page.getByTestId('oversight-rating').innerText()).toMatch(/Computed\s+Segment 3/);
    expect(await page.getByTestId('oversight-items-financial-override').innerText()).toContain('segment 1 became 3');
    const league = page.getByTestId('oversight-league-table').locator('tbody tr');
    expect(await league.locator('[data-column=code]').allInnerTexts()).toEqual(['E54000008', 'E54000048']);
    expect(await league.nth(1).locator('[data-column=name]').innerText()).toBe('NHS Lancashire and South Cumbria Integrated Care Board');

    // The seeded demo self-assessment: developing overall, limited by leadership and finance.
    expect(await page.getByTestId('maturity-rating').innerText()).toMatch(/Computed\s+Developing/);
    expect(await page.getByTestId('maturity-domains').locator('tbody tr [data-column=score]').allInnerTexts()).toEqual(['developing', 'maturing', 'developing']);
    expect(await page.getByTestId('published-rating-form').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'performance-ratings');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lets a partnership lead record a published rating, refusing a bad period first', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await openRatings(page);
    const form = page.getByTestId('published-rating-form');
    await form.getByLabel('Period').fill('2017');
    await form.getByLabel('Rating as published').selectOption({ label: '3: Making progress' });
    await form.getByLabel('Source', { exact: true }).fill('A test citation of the July 2017 dashboard');
    await form.getByRole('button', { name: 'Record the rating' }).click();
    const error = form.locator('#published-period-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('A month YYYY-MM or a financial year YYYY/YY');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'performance-ratings-form-error');
    expect(await new PublishedRatingStore(env.platform.sql).list({ footprintCode: 'E54000008' })).toEqual([]);

    await form.getByLabel('Period').fill('2017-07');
    await form.getByRole('button', { name: 'Record the rating' }).click();
    await form.getByTestId('published-rating-saved').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=published-footprint] tbody')?.textContent?.includes('Category 3 – Making progress'));
    const stored = await new PublishedRatingStore(env.platform.sql).list({ footprintCode: 'E54000008' });
    expect(stored.map((r) => [r.scheme, r.period, r.rating, r.source])).toEqual([['stp-progress-dashboard', '2017-07', '3', 'A test citation of the July 2017 dashboard']]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
