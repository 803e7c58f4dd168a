import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

/** The register's pages in a real browser: every footprint on a date, one footprint's history, and its places edited by a partnership lead. */
describe('the footprints register pages in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
  }, 600_000);
  afterAll(async () => env?.close());

  it('lists every footprint on a chosen date, accessible, at tablet width', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/partnership/footprints?on=2017-04-01');
    await page.getByRole('heading', { level: 1, name: 'Footprints and history' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('footprint-count').innerText()).toBe('44 footprints on 1 Apr 2017');
    expect(await page.getByTestId('footprints-table').locator('tbody tr').count()).toBe(44);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-footprints-2017');

    await page.getByLabel('On which date').fill('2023-04-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByTestId('footprint-count').getByText('42 footprints on 1 Apr 2023').waitFor();
    const surrey = page.getByTestId('footprints-table').locator('tbody tr', { hasText: 'E54000063' });
    expect(await surrey.innerText()).toContain('NHS Surrey Heartlands Integrated Care Board');
    expect(await surrey.innerText()).toContain('E54000052');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Download as CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('footprints-2023-04-01.csv');
    const csv = await (await file.createReadStream()).toArray();
    const text = Buffer.concat(csv as Buffer[]).toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(43);

    await page.setViewportSize({ width: 768, height: 1024 });
    await loaded(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the footprints page is wider than a 768 px tablet').toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-footprints-tablet');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("shows a footprint's history from STP to ICB and its lineage, linked both ways", async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('gp_clinician'));
    await page.goto('/partnership/footprints/E54000049?on=2019-01-01');
    await page.getByRole('heading', { level: 1, name: /Cumbria and North East/ }).waitFor();
    await loaded(page);
    const lineage = page.getByTestId('footprint-lineage');
    expect(await lineage.getByRole('link').allInnerTexts()).toEqual(['E54000045', 'E54000046', 'E54000047', 'E54000050']);
    expect(await page.getByTestId('footprint-timeline').locator('li h3').allInnerTexts()).toEqual(['STP: Sustainability and Transformation Partnership', 'ICS: Integrated Care System']);
    expect(await page.getByTestId('places-elsewhere').innerText()).toContain('not of E54000049');
    await lineage.getByRole('link', { name: 'E54000046' }).click();
    await page.getByRole('heading', { level: 1, name: /Northumberland, Tyne and Wear and North Durham/ }).waitFor();
    expect(await page.getByTestId('footprint-lineage').getByRole('link').allInnerTexts()).toEqual(['E54000049']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("lets a partnership lead change a place of Cheshire and Merseyside, with a link to its history; a clinician sees no edit controls", async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/partnership/footprints/E54000008?on=2017-06-01');
    await page.getByRole('heading', { level: 1, name: /NHS Cheshire and Merseyside Integrated Care Board/ }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('footprint-timeline').locator('li h3').allInnerTexts()).toEqual([
      'STP: Sustainability and Transformation Partnership',
      'ICS: Integrated Care System',
      'ICB: Integrated Care Board',
    ]);
    expect(await page.getByTestId('places-table').locator('tbody tr').count()).toBe(9);
    expect(await page.getByTestId('delivery-systems-table').locator('tbody tr').count()).toBe(3);
    const halton = page.getByTestId('places-table').locator('tbody tr', { hasText: 'Halton' });
    expect(await halton.getByRole('link', { name: 'History of Halton' }).getAttribute('href')).toBe('/partnership/changes/place-E54000008-E06000006');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-footprint-cheshire-and-merseyside');

    await halton.getByRole('button', { name: 'Change Halton' }).click();
    const form = page.getByTestId('place-form');
    await form.getByLabel('Name').fill('Halton Place');
    await form.getByLabel('Source').fill('Partnership board, 1 June 2017');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-footprint-edit-place');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('places-table').getByRole('cell', { name: 'Halton Place', exact: true }).waitFor();
    const { rows } = await env.platform.sql.query<{ changed_by_name: string; change: string }>("SELECT changed_by_name, change FROM partnership_item_version WHERE id = 'place-E54000008-E06000006' ORDER BY version");
    expect(rows.map((r) => [r.change, r.changed_by_name])).toEqual([
      ['imported', 'Footprint (seed data)'],
      ['updated', user('partnership_lead').displayName],
    ]);

    // A clearly wrong edit is refused on the page, and nothing is saved.
    await page.getByRole('button', { name: 'Add a delivery system' }).click();
    await page.getByTestId('place-form').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('Choose at least one place').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByTestId('place-form').getByRole('button', { name: 'Cancel' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the footprint page is wider than a 768 px tablet').toBeLessThanOrEqual(0);
    await screenshot(page, 'partnership-footprint-tablet');
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    const clinician = await newPage(env);
    await signIn(clinician.page, user('gp_clinician'));
    await clinician.page.goto('/partnership/footprints/E54000008?on=2017-06-01');
    await clinician.page.getByTestId('places-table').waitFor();
    expect(await clinician.page.getByTestId('places-table').getByRole('cell', { name: 'Halton Place', exact: true }).count()).toBe(1);
    expect(await clinician.page.getByRole('button', { name: /^Change / }).count()).toBe(0);
    expect(await clinician.page.getByRole('button', { name: 'Add a place' }).count()).toBe(0);
    await clinician.context.close();
  });
});
