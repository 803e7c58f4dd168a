import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_PLAN_IDS } from '@footprint/partnership';
import { IndicatorValueStore, type IndicatorValue } from '@footprint/performance';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, VIEWPORTS, type WebTestEnvironment } from './harness';

const HTN_AMBITION = `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-03`;
const HTN = 'hypertension-treated-to-target';

/**
 * Monthly hypertension control for the footprint (large counts, shown) and Liverpool (5 people a
 * month, hidden by disclosure control): a small synthetic footprint's own counts are all small.
 */
function hypertensionValues(): IndicatorValue[] {
  const row = (areaCode: string, areaType: IndicatorValue['areaType'], period: string, numerator: number, denominator: number): IndicatorValue => ({
    indicatorId: HTN, areaCode, areaType, period, breakdown: '', value: (100 * numerator) / denominator, numerator, denominator,
    lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic: true,
  });
  return Array.from({ length: 18 }, (_x, i) => {
    const m = 2023 * 12 + 3 + i;
    const period = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    return [row('E54000008', 'footprint', period, 62_000 + (i % 2) * 400 + 150 * i, 100_000), row('E08000012', 'place', period, 5, 9)];
  }).flat();
}

/** Each public content page, what its main heading says, and something of its content. */
const PAGES: Array<{ path: string; heading: string | RegExp; shows: string }> = [
  { path: '/public', heading: 'Cheshire and Merseyside Health and Care Partnership', shows: 'Who is in the partnership' },
  { path: '/public/plan', heading: 'Our plan', shows: 'Fewer people dying from cancer, heart attacks and strokes' },
  { path: `/public/plan/ambitions/${HTN_AMBITION}`, heading: 'All communities supported to lead healthy lives', shows: 'We asked, you said, we did' },
  { path: '/public/progress', heading: 'How we are doing', shows: 'Mental health services consistently high quality' },
  { path: '/public/news', heading: 'News', shows: 'Our plan is now online in plain English' },
  { path: '/public/news/our-plan-online', heading: 'Our plan is now online in plain English', shows: 'is illustrative' },
  { path: '/public/questions', heading: 'Questions people ask', shows: 'Why are some figures hidden?' },
  { path: '/public/easy-read', heading: 'Our plan: easy read', shows: 'We want everyone to be healthy.' },
  { path: '/public/accessibility', heading: 'Accessibility statement', shows: 'WCAG' },
  { path: '/public/privacy', heading: 'How we use your information', shows: 'You do not need an account' },
  { path: '/public/accessibility/history', heading: /^History of/, shows: 'First published' },
];

/** The public's content pages in a real browser: readable with JavaScript off, accessible at laptop and phone width, and published by staff. */
describe('the partnership in plain English, in a real browser', { timeout: 600_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
    await new IndicatorValueStore(env.platform.sql).replace([HTN], hypertensionValues());
  }, 600_000);
  afterAll(async () => env?.close());

  /** A browser with JavaScript switched off, as some people (and some assistive setups) read the web. */
  async function withoutScript(viewport: keyof typeof VIEWPORTS = 'laptop') {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[viewport], baseURL: env.baseUrl });
    return { context, page: await context.newPage() };
  }
  const heading = (page: Page) => page.locator('h1').first().innerText();

  it('shows every public page with JavaScript disabled', async () => {
    const { context, page } = await withoutScript();
    for (const p of PAGES) {
      const response = await page.goto(p.path);
      expect(response?.status(), p.path).toBe(200);
      const h1 = await heading(page);
      if (typeof p.heading === 'string') expect(h1, p.path).toBe(p.heading);
      else expect(h1, p.path).toMatch(p.heading);
      expect(await page.locator('main').innerText(), p.path).toContain(p.shows);
    }
    // The map is drawn by the server: nine places, each labelled, with the same places as a list.
    await page.goto('/public');
    expect(await page.locator('[data-testid=places-map] path').count()).toBe(9);
    expect(await page.locator('[data-testid=places-map] text').allTextContents()).toContain('St Helens');
    expect(await page.getByTestId('places-list').locator('li').count()).toBe(9);
    // An ambition's chart, its icons explained in words, and its table, all without a script.
    await page.goto(`/public/plan/ambitions/${HTN_AMBITION}`);
    const indicator = page.locator('[data-testid=public-indicator][data-indicator=hypertension-treated-to-target]');
    expect(await indicator.getByTestId('public-spc-svg').count(), await page.locator('main').innerText()).toBe(1);
    expect(await indicator.getByTestId('variation-meaning').innerText()).toMatch(/chance/);
    expect(await indicator.getByTestId('public-spc-table').locator('tbody tr').count()).toBe(18);
    // Liverpool counts 5 people a month: its figure is hidden, and the page says why.
    expect(await indicator.getByTestId('places-table').locator('tr', { hasText: 'Liverpool' }).innerText()).toContain('Hidden (small number)');
    expect(await indicator.getByTestId('places-suppressed-note').innerText()).toContain('fewer than 8 people');
    await screenshot(page, 'engage-public-ambition-no-script');
    await context.close();
  });

  it('passes axe (WCAG 2.2 AA) on every public page at laptop and phone width', async () => {
    for (const viewport of ['laptop', 'phone'] as const) {
      const { context, page } = await newPage(env, viewport);
      for (const p of PAGES) {
        await page.goto(p.path);
        expect(await accessibilityViolations(page), `${p.path} at ${viewport} width`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${p.path} scrolls sideways at ${viewport} width`).toBeLessThanOrEqual(0);
      }
      await page.goto('/public');
      await screenshot(page, `engage-public-home-${viewport}`);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }
  });

  it('lets a staff member edit and publish a page, and the public sees the new version and its history', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/engage');
    await page.getByRole('heading', { level: 1, name: 'Engagement' }).waitFor();
    expect(await page.getByTestId('engage-areas').locator('a').allInnerTexts()).toEqual(['Content', 'Enquiries inbox', 'Consultations', 'Moderation']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('engage-areas').getByRole('link', { name: 'Content', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Public content' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'engage-content-list');
    await page.getByTestId('content-table-page').getByRole('link', { name: 'Accessibility statement', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();

    const text = page.getByLabel('Text', { exact: true });
    const before = await text.inputValue();
    await text.fill(`${before}\n\n## Last reviewed\n\nWe last reviewed this statement in December 2026.`);
    // Publishing needs the publisher to say what changed.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Say what changed').first().waitFor();
    await page.getByLabel('What changed').fill('Added when we last reviewed the statement');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('content-message').getByText('Published as version 2').waitFor();
    expect(await page.getByTestId('content-status-words').innerText()).toBe('Published (version 2)');
    const history = page.getByTestId('staff-history');
    expect(await history.locator('h3').first().innerText()).toMatch(new RegExp(`^Version 2: .* by ${user('partnership_lead').displayName}$`));
    await history.getByText('What changed from version 1').click();
    expect(await history.getByTestId('version-diff').locator('ins').allTextContents()).toEqual(expect.arrayContaining(['Added: ## Last reviewed']));
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'engage-content-edit');
    await context.close();

    const reader = await withoutScript('phone');
    await reader.page.goto('/public/accessibility');
    expect(await reader.page.locator('main h2').allInnerTexts()).toContain('Last reviewed');
    expect(await reader.page.getByTestId('provenance').innerText()).toContain('Version 2');
    await reader.page.getByRole('link', { name: /See the page’s history/ }).click();
    const versions = reader.page.getByTestId('history').locator('li[data-version]');
    expect(await versions.count()).toBe(2);
    expect(await versions.first().getByTestId('history-change').innerText()).toBe('Added when we last reviewed the statement');
    // The public history does not say which member of staff published.
    expect(await reader.page.locator('main').innerText()).not.toContain(user('partnership_lead').displayName);
    await reader.context.close();
  });
});
