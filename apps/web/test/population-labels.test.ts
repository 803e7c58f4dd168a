import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrendAnswer } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url, { headers: { accept: 'application/json' } })).json() as Promise<never>, path);
}

/** The names of the lines a trend chart draws, from its legend. */
async function chartSeries(page: Page): Promise<string[]> {
  return page.locator('.recharts-legend-item-text').allInnerTexts();
}

// Group names come from insight through the API; the web keeps none of its own. The Core20
// trend once drew a single line because the web looked for a group called 'true'.
describe('breakdown labels in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 400));
  }, 600_000);
  afterAll(async () => env?.close());

  it('draws the Core20 trend as two lines, Core20 and the rest of the footprint, each with its own numbers', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, env.users.find((u) => u.role === 'analyst')!);
    await page.goto('/population/trends?register=hypertension&by=core20&months=12');
    await page.getByRole('heading', { level: 1, name: /Trends/ }).waitFor();
    await loaded(page);
    await page.locator('.recharts-legend-item-text').first().waitFor();

    const series = await chartSeries(page);
    expect(series).toContain('Core20 (most deprived 20%)');
    expect(series).toContain('Rest of footprint');
    expect(new Set(series).size).toBe(series.length);
    expect(await page.locator('.recharts-line').count()).toBe(series.length);

    // The table names the same groups, and the API's two groups are labelled differently.
    const answer = await apiGet<TrendAnswer>(page, '/api/population/trends?register=hypertension&by=core20&months=12');
    const groups = [...new Set(answer.figure.rows.map((r) => r.group).filter((g): g is string => g !== null))].sort();
    expect(groups).toEqual(['Core20', 'Not Core20']);
    expect(answer.labels).toMatchObject({ Core20: 'Core20 (most deprived 20%)', 'Not Core20': 'Rest of footprint' });
    const shown = await page.getByTestId('trends').locator('td[data-column=group]').allInnerTexts();
    expect(new Set(shown)).toEqual(new Set(series));
    await screenshot(page, 'trend-by-core20');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('names deciles in the prevalence chart and table from the labels the API serves', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, env.users.find((u) => u.role === 'analyst')!);
    await page.goto('/population/prevalence?register=hypertension&by=imd_decile');
    await page.getByRole('heading', { level: 1, name: /Register prevalence/ }).waitFor();
    await loaded(page);
    const cells = await page.getByTestId('prevalence').locator('td[data-column=group]').allInnerTexts();
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) expect(cell).toMatch(/^Decile (10|[1-9])$|^Unknown$/);
    await context.close();
  });
});
