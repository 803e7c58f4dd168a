import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createRecord, staffContext, type AccessContext } from '@footprint/record';
import { openWarehouseHandle, type WarehouseHandle } from '@footprint/warehouse';
import { buildServer, buildWeb, DEFAULT_WEB_DIST, testLogger, findStaffUser, platformMigrations, seedDemoIdentities, seedDemoUsers, seedEngagementDemo, seedPartnershipDemo, seedPerformanceDemo, type DemoIdentities, type DemoUserCredentials } from '@footprint/server';
import { requireChromium } from './chromium';

/** Where the browser tests save their screenshots (gitignored). */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface WebTestEnvironment {
  baseUrl: string;
  browser: Browser;
  users: DemoUserCredentials[];
  /** The demo identity provider's citizens and staff, when it runs (`identityProvider`). */
  identities?: DemoIdentities;
  platform: { record: Awaited<ReturnType<typeof createRecord>>['repo']; sql: Awaited<ReturnType<typeof createRecord>>['sql']; dataDir: string; warehouse: WarehouseHandle };
  close(): Promise<void>;
}

/**
 * A real Footprint for the browser: embedded PGlite in a temporary data directory, the demo data
 * loaded by `load`, demo users seeded (and with `identityProvider`, the demo OpenID Connect provider
 * running with its citizens and staff), the web app built, the full server listening on a free
 * port, and Debian's Chromium driven by playwright-core.
 */
export async function startWebTestEnvironment(
  load: (platform: WebTestEnvironment['platform']) => Promise<void>,
  options: { identityProvider?: boolean } = {},
): Promise<WebTestEnvironment> {
  const executablePath = requireChromium();
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-web-test-'));
  const opened = await createRecord({ dataDir: join(dataDir, 'pglite'), migrations: platformMigrations });
  const platform = { record: opened.repo, sql: opened.sql, dataDir, warehouse: openWarehouseHandle({ dataDir }) };
  await load(platform);
  await seedPartnershipDemo(platform);
  await seedPerformanceDemo(platform);
  await seedEngagementDemo(platform);
  await buildWeb();
  const app = buildServer(platform, { logger: testLogger(), webDist: DEFAULT_WEB_DIST, demoIdentityProvider: options.identityProvider ?? false, demoUsers: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const users = await seedDemoUsers(platform);
  const identities = options.identityProvider ? await seedDemoIdentities(platform) : undefined;
  const port = (app.server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    users,
    ...(identities ? { identities } : {}),
    platform,
    async close() {
      await browser.close().catch(() => undefined);
      await app.close();
      await platform.warehouse.close();
      await opened.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The record's access context of a demo user, as the web app builds it (their organisation and
 * role): searching with it finds only the people that user has a care relationship with, so a
 * test picks a person the signed-in user may see.
 */
export async function contextOf(env: WebTestEnvironment, user: DemoUserCredentials): Promise<AccessContext> {
  const staff = await findStaffUser(env.platform.sql, user.username);
  if (!staff) throw new Error(`no demo user ${user.username}`);
  return staffContext(staff, 'TREAT');
}

/** Laptop and tablet viewports the app must work on. */
export const VIEWPORTS = {
  laptop: { width: 1366, height: 900 },
  tablet: { width: 820, height: 1180 },
  phone: { width: 390, height: 844 },
} as const;

export async function newPage(env: WebTestEnvironment, viewport: keyof typeof VIEWPORTS = 'laptop'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ viewport: VIEWPORTS[viewport], baseURL: env.baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  (page as Page & { problems?: string[] }).problems = problems;
  return { context, page };
}

/** Script errors the page raised so far. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, user: DemoUserCredentials): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${user.displayName}` }).waitFor();
}

/** Fills the demo identity provider's sign-in page (after "Sign in as a citizen"), as a person would. */
export async function signInAtProvider(page: Page, login: string, password: string): Promise<void> {
  await page.waitForURL(/\/idp\/interaction\//);
  await page.getByLabel('Email address').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the current page and returns its violations. */
export async function accessibilityViolations(page: Page): Promise<Array<{ id: string; impact: string | null; help: string; targets: string[] }>> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses inline <script> tags.
  await page.evaluate(`${axe.source}\n;undefined`);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Chromium cannot capture a page taller than its largest texture in one full-page shot. */
const MAX_SCREENSHOT_HEIGHT = 16_000;

/** A full-page screenshot for people to look at, cut at MAX_SCREENSHOT_HEIGHT for very long pages. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`);
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  if (height <= MAX_SCREENSHOT_HEIGHT) await page.screenshot({ path, fullPage: true });
  else await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height: MAX_SCREENSHOT_HEIGHT } });
}

/** Waits until no loading message is showing. */
export async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.footprint-loading').length === 0, undefined, { timeout: 30_000 });
}
