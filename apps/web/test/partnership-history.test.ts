import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate, PartnershipStore, registerItemKinds, runningFootprint, text, type Editor, type ItemKind } from '@footprint/partnership';
import { findStaffUser, type DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

/** Kinds as the plan's part defines them (that part's own kinds are not on this branch). */
const PROGRAMME: ItemKind<{ name: string; description?: string }> = {
  kind: 'browser-test-programme',
  label: 'programme',
  schema: z.object({ name: text(100), description: z.string().max(4000).optional() }).strict(),
  title: (d) => d.name,
};
const MILESTONE: ItemKind<{ name: string; dueDate: string; status: 'planned' | 'done'; owners?: string[] }> = {
  kind: 'browser-test-milestone',
  label: 'milestone',
  parentKind: 'browser-test-programme',
  schema: z.object({ name: text(100), dueDate: isoDate, status: z.enum(['planned', 'done']), owners: z.array(z.string()).optional() }).strict(),
  title: (d) => d.name,
};
registerItemKinds(PROGRAMME as ItemKind<never>, MILESTONE as ItemKind<never>);

describe('the partnership’s changes and an item’s history in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  let milestoneId: string;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 60));
    const footprint = (await runningFootprint(env.platform.record))!.onsCode;
    const staff = await findStaffUser(env.platform.sql, user('partnership_lead').username);
    const lead: Editor = { id: staff!.id, name: staff!.displayName, role: staff!.role };
    const admin = await findStaffUser(env.platform.sql, user('administrator').username);
    const store = new PartnershipStore(env.platform.sql);
    const programme = await store.create(PROGRAMME, { footprint, data: { name: 'Urgent and emergency care', description: 'Care closer to home,\nso fewer people need A&E.' } }, { id: admin!.id, name: admin!.displayName, role: admin!.role });
    // Enough other changes that the first page (50) does not hold them all.
    for (let i = 1; i <= 52; i++) await store.create(MILESTONE, { footprint, parentId: programme.id, data: { name: `Checkpoint ${i}`, dueDate: '2025-01-31', status: 'planned' } }, lead);
    const milestone = await store.create(MILESTONE, { footprint, parentId: programme.id, data: { name: 'Open the urgent treatment centre', dueDate: '2025-03-01', status: 'planned' } }, lead);
    milestoneId = milestone.id;
    await store.update(MILESTONE, milestone.id, { name: 'Open the urgent treatment centre', dueDate: '2025-06-30', status: 'done', owners: ['Countess of Chester Hospital', 'Cheshire West Place'] }, lead);
  }, 900_000);
  afterAll(async () => env?.close());

  it('lists recent changes, follows an item to its history, and shows who changed which field from what to what', async () => {
    const { context, page } = await newPage(env);
    const lead = user('partnership_lead');
    await signIn(page, lead);
    await page.goto('/partnership/changes');
    await page.getByRole('heading', { level: 1, name: 'Changes to the register and plan' }).waitFor();
    await loaded(page);
    const table = page.getByTestId('partnership-changes');
    expect(await table.locator('tbody tr[data-row]').count()).toBe(50);
    const first = table.locator('tbody tr[data-row]').first();
    expect(await first.locator('[data-column=who]').innerText()).toBe(`${lead.displayName} (Partnership lead)`);
    expect(await first.getByTestId('change-kind').innerText()).toBe('milestone');
    expect(await first.locator('[data-column=changes] .nhsuk-tag').innerText()).toBe('Updated');
    const summary = await first.locator('[data-column=changes]').innerText();
    expect(summary).toContain('Due date: 1 March 2025 → 30 June 2025');
    expect(summary).toContain('Status: planned → done');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-changes');

    // Older changes: the page after holds the rest, with no repeats.
    const titles = (texts: string[]) => texts.map((t) => t.trim().replace(/: history$/, ''));
    const newest = titles(await table.locator('[data-column=item] a').allTextContents());
    await page.getByRole('link', { name: 'Older changes' }).click();
    await page.waitForURL(/before=/);
    await page.getByRole('link', { name: 'Newest changes' }).waitFor();
    await loaded(page);
    const older = titles(await page.getByTestId('partnership-changes').locator('[data-column=item] a').allTextContents());
    // The page after the newest 50 goes on where they stopped: this test's four oldest checkpoints
    // and the programme, then what the demo seeded before them.
    expect(older.slice(0, 5)).toEqual(['Checkpoint 4', 'Checkpoint 3', 'Checkpoint 2', 'Checkpoint 1', 'Urgent and emergency care']);
    expect(older.filter((t) => newest.includes(t))).toEqual([]);
    await page.getByRole('link', { name: 'Newest changes' }).click();
    await page.waitForURL((url) => !url.search.includes('before'));
    await loaded(page);

    await page.getByTestId('partnership-changes').locator('tbody tr[data-row]').first().getByRole('link', { name: /Open the urgent treatment centre/ }).click();
    await page.waitForURL(`**/partnership/changes/${milestoneId}`);
    await page.getByRole('heading', { level: 1, name: /Open the urgent treatment centre/ }).waitFor();
    await loaded(page);
    expect(await page.locator('.nhsuk-caption-l').innerText()).toBe('History of a milestone');
    const latest = page.getByTestId('version-2');
    expect(await latest.locator('[data-field=who]').innerText()).toBe(`${lead.displayName} (Partnership lead)`);
    const rows = latest.locator('tbody tr');
    const cells = async (field: string) => latest.locator(`tr[data-field="${field}"] td`).allInnerTexts();
    expect(await rows.locator('[data-column=field]').allInnerTexts()).toEqual(['Due date', 'Status', 'Owners']);
    expect(await cells('dueDate')).toEqual(['1 March 2025', '30 June 2025']);
    expect(await cells('status')).toEqual(['planned', 'done']);
    expect(await cells('owners')).toEqual(['Not set', 'Countess of Chester Hospital\nCheshire West Place']);
    expect(await page.getByTestId('version-1').innerText()).toContain('The item was created with these values.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-item-history');

    // The parent's history: long text shown as text.
    await page.getByRole('link', { name: 'Urgent and emergency care' }).click();
    await page.getByRole('heading', { level: 1, name: 'Urgent and emergency care' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('version-1').locator('tr[data-field=description] td').nth(1).innerText()).toBe('Care closer to home,\nso fewer people need A&E.');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('filters by kind, offers that kind as CSV, and works at tablet width', async () => {
    const context = await env.browser.newContext({ viewport: { width: 768, height: 1024 }, baseURL: env.baseUrl, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, user('hospital_clinician'));
    await page.goto('/partnership/changes');
    await loaded(page);
    await page.getByLabel('Kind of item').selectOption('browser-test-programme');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.waitForURL(/kind=browser-test-programme/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=partnership-changes] tbody tr[data-row]').length === 1);
    expect(await page.getByTestId('change-kind').allInnerTexts()).toEqual(['programme']);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download every programme as CSV' }).click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      let text = '';
      for await (const chunk of stream) text += String(chunk);
      return text;
    });
    expect(csv.split('\r\n')[0]).toBe('id,parent_id,version,updated_at,updated_by,name,description');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-changes-tablet');
    await page.goto(`/partnership/changes/${milestoneId}`);
    await page.getByTestId('version-2').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'partnership-item-history-tablet');
    await page.goto('/partnership/changes/no-such-item');
    await page.getByRole('heading', { name: 'No such item' }).waitFor();
    // With the session's own CSRF token, so the refusal is the role's.
    const refused = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/partnership/import/browser-test-programme', { method: 'POST', headers: { 'content-type': 'text/csv', 'x-csrf-token': csrfToken }, body: 'id,name\r\n,x\r\n' });
      return { status: response.status, title: ((await response.json()) as { title: string }).title };
    });
    expect(refused).toEqual({ status: 403, title: 'Not allowed for your role' });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
