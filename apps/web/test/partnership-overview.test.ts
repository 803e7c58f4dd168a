import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, SCREENSHOTS, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

/** Cheshire and Merseyside's 9 places (2019 district codes) and 3 local delivery systems, as the register seeds them. */
const PLACES = ['E06000049', 'E06000050', 'E06000006', 'E08000011', 'E08000012', 'E08000014', 'E08000013', 'E06000007', 'E08000015'];
const DELIVERY_SYSTEMS = ['North Mersey', 'Mid Mersey (the Alliance)', 'Cheshire and Wirral'];

/** Collects the Content-Security-Policy refusals the browser reports, to prove Leaflet draws under the strict policy. */
function cspRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

describe('the partnership overview and its map in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
  }, 600_000);
  afterAll(async () => env?.close());

  async function expectOverview(page: Page): Promise<void> {
    await page.goto('/partnership');
    await loaded(page);
    await page.getByTestId('map-canvas').locator('path.footprint-map__place').first().waitFor();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/Cheshire and Merseyside/);
    const identity = await page.getByTestId('partnership-identity').innerText();
    expect(identity).toContain('E54000008');
    expect(identity).toMatch(/Integrated Care Board \(ICB\) since 1 Jul 2022/);

    // One shape per place, each a keyboard-reachable link named after its place.
    const shapes = page.getByTestId('map-canvas').locator('path.footprint-map__place');
    expect(await shapes.count()).toBe(PLACES.length);
    expect((await shapes.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')))).sort()).toEqual([...PLACES].sort());
    for (const code of PLACES) {
      const shape = shapes.and(page.locator(`[data-code="${code}"]`));
      expect(await shape.getAttribute('tabindex')).toBe('0');
      expect(await shape.getAttribute('role')).toBe('link');
      expect((await shape.getAttribute('d'))!.length).toBeGreaterThan(50);
    }
    // Places of one delivery system share a colour; the three systems have three colours.
    const fills = await shapes.evaluateAll((paths) => Object.fromEntries(paths.map((p) => [p.getAttribute('data-code'), p.getAttribute('fill')])));
    expect(fills.E08000012).toBe(fills.E08000014);
    expect(new Set(Object.values(fills)).size).toBe(3);
    // Labels: every place named on the map.
    const labels = await page.locator('.footprint-map__label').allInnerTexts();
    expect(labels).toHaveLength(PLACES.length);
    expect(labels).toContain('Liverpool');

    const legend = await page.getByTestId('map-legend').locator('li').allInnerTexts();
    expect(legend.map((l) => l.trim())).toEqual(DELIVERY_SYSTEMS.slice().sort((a, b) => a.localeCompare(b)));
    const attribution = await page.getByTestId('map-attribution').innerText();
    expect(attribution).toContain('Martin Chorley');
    expect(attribution).toContain('CC BY 4.0');
    expect(attribution).toContain('Ordnance Survey');
    expect(await page.getByTestId('map-attribution').isVisible()).toBe(true);

    // The text alternative: the same places and delivery systems as tables.
    const rows = page.getByTestId('partnership-places').locator('tbody tr[data-row]');
    expect(await rows.count()).toBe(PLACES.length);
    const liverpool = rows.filter({ hasText: 'Liverpool' });
    expect(await liverpool.locator('[data-column=system]').innerText()).toBe('North Mersey');
    expect(await page.getByTestId('partnership-delivery-systems').locator('tbody tr[data-row]').count()).toBe(3);
    expect(await page.getByTestId('partnership-pages').getByRole('link').count()).toBe(5);
  }

  it('shows a partnership lead the footprint, its places on the map and in tables, its members and its pages; the map passes axe', async () => {
    const { context, page } = await newPage(env);
    const refusals = cspRefusals(page);
    await signIn(page, user('partnership_lead'));
    await expectOverview(page);
    expect(await page.getByTestId('partnership-member-kinds').locator('tbody tr[data-row]').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-overview-lead');
    await page.getByTestId('places-map').screenshot({ path: join(SCREENSHOTS, 'partnership-map-lead.png') });

    // A place is a link by keyboard: focus Liverpool's shape and press Enter to open its place page.
    await page.getByTestId('map-canvas').locator('path[data-code="E08000012"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/footprint\/places\/E08000012$/);
    await page.getByRole('heading', { level: 1, name: /Liverpool/ }).waitFor();

    expect(refusals).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows a clinician the same overview (read-only), at tablet width (768 px) without sideways scrolling', async () => {
    const { context, page } = await newPage(env);
    const refusals = cspRefusals(page);
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, user('gp_clinician'));
    await expectOverview(page);
    expect(await page.getByRole('button', { name: /edit|add|change/i }).count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    expect(box.width).toBeGreaterThan(600);
    expect(box.width).toBeLessThanOrEqual(768);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-overview-clinician-tablet');
    expect(refusals).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('has the footprint overview name the footprint and list its places from the register, with the warehouse’s figures', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('analyst'));
    await page.goto('/footprint');
    await loaded(page);
    const identity = await page.getByTestId('footprint-identity').innerText();
    expect(identity).toContain('E54000008');
    expect(identity).toContain('QYG');
    const rows = page.getByTestId('places').locator('tbody tr[data-row]');
    expect(await rows.count()).toBe(PLACES.length);
    expect((await rows.locator('[data-column=code]').allInnerTexts()).sort()).toEqual([...PLACES].sort());
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'footprint-overview-from-register');
    await context.close();
  });
});
