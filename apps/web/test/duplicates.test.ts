import type { Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import type { DuplicatesView } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

async function queue(page: Page, status = 'pending'): Promise<DuplicatesView> {
  return page.evaluate(async (url) => (await fetch(url, { headers: { accept: 'application/json' } })).json() as Promise<DuplicatesView>, `/api/duplicates?status=${status}`);
}

/** The card of one review on the page. */
const card = (page: Page, id: string) => page.locator(`[data-testid="duplicate-pair"][data-review="${id}"]`);

describe('the administrator’s duplicates page in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40, 20261201, { duplicates: true }));
  }, 600_000);
  afterAll(async () => env?.close());

  it('lists the constructed duplicates side by side, and confirms, rejects, merges and unmerges them', async () => {
    const admin = env.users.find((u) => u.role === 'administrator')!;
    const { context, page } = await newPage(env);
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Duplicate records' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suspected duplicate records' }).waitFor();
    await loaded(page);
    await expect.poll(() => page.getByTestId('duplicate-pair').count()).toBe(4);
    const violations = await accessibilityViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'administrator-duplicates');

    const pending = await queue(page);
    expect(pending.pairs.map((p) => p.grade).sort()).toEqual(['certain', 'probable', 'probable', 'probable']);
    const byKind = (suffix: string) => pending.pairs.find((p) => p.patientId.endsWith(suffix) || p.candidateId.endsWith(suffix))!;
    const typo = byKind('-surname-typo');
    await card(page, typo.id).waitFor();
    const differing = await card(page, typo.id).locator('tr[data-differs] th').allInnerTexts();
    expect(differing).toContain('Surname (differs)');
    expect(differing).not.toContain('Date of birth (differs)');
    expect(await card(page, typo.id).innerText()).toMatch(/Surname one letter apart or sounds alike/);

    const changed = byKind('-changed-surname');
    await card(page, changed.id).getByRole('button', { name: 'Not the same person' }).click();
    await page.getByTestId('duplicate-done').getByText('Marked as not the same person.').waitFor();
    await expect.poll(() => page.getByTestId('duplicate-pair').count()).toBe(3);
    await page.getByRole('link', { name: 'Not the same person', exact: true }).click();
    await loaded(page);
    await expect.poll(() => card(page, changed.id).getByTestId('pair-status').innerText()).toBe('Not the same person');

    await page.getByRole('link', { name: 'Waiting for review', exact: true }).click();
    await loaded(page);
    const unnumbered = byKind('-no-nhs-number');
    const source = unnumbered.patientId.endsWith('-no-nhs-number') ? unnumbered.patientId : unnumbered.candidateId;
    const survivor = unnumbered.candidateId;
    await card(page, unnumbered.id).getByRole('button', { name: 'Merge, keeping the existing record' }).click();
    await page.getByTestId('duplicate-done').getByText(/^Merged/).waitFor();
    await expect.poll(() => page.getByTestId('duplicate-pair').count()).toBe(2);
    const merged = await env.platform.record.read<Patient>(systemContext(), 'Patient', source);
    expect(merged.active).toBe(false);
    expect(merged.link).toEqual([{ other: { reference: `Patient/${survivor}` }, type: 'replaced-by' }]);

    await page.getByRole('link', { name: 'Same person', exact: true }).click();
    await loaded(page);
    await card(page, unnumbered.id).getByTestId('pair-merged').waitFor();
    await screenshot(page, 'administrator-duplicates-merged');
    await card(page, unnumbered.id).getByRole('button', { name: 'Unmerge these records' }).click();
    await page.getByTestId('duplicate-done').getByText(/^Unmerged/).waitFor();
    const restored = await env.platform.record.read<Patient>(systemContext(), 'Patient', source);
    expect(restored.active).toBe(true);
    expect(restored.link).toBeUndefined();
    expect((await queue(page)).pairs.map((p) => p.id)).toContain(unnumbered.id);

    const { rows } = await env.platform.sql.query<{ content: string }>("SELECT content FROM audit_event WHERE content LIKE '%$match-review%'");
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.content).not.toContain(typo.patient?.family ?? '¬');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('refuses the queue to a clinician, on the page and in the API', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, env.users.find((u) => u.role === 'gp_clinician')!);
    await page.goto('/duplicates');
    await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/duplicates')).status);
    expect(status).toBe(403);
    await context.close();
  });
});
