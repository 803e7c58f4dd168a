import type { MedicationRequest, Organization, Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ODS_SYSTEM } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, contextOf, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

/** A medicine the generator never prescribes, stopped by the person's practice after two issues. */
const STOPPED = { coding: [{ system: 'http://snomed.info/sct', code: '42291411000001103', display: 'Naproxen 500mg tablets' }] };

interface Chosen {
  patientId: string;
  /** The medicine with the most issues, its count and last issue date. */
  repeat: { display: string; issues: number; lastIssued: string };
  medicines: number;
  practiceName: string;
}

/** The text of each body row's cells of a table on the page. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

/** 2025-04-13 → 13 Apr 2025, formatted by the browser as the page formats dates. */
async function shownDate(page: Page, day: string): Promise<string> {
  return page.evaluate((d) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }), day);
}

describe('medications in the shared care record, in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  let chosen: Chosen;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 150));
    const platform = env.platform;
    const ctx = systemContext('SYSADMIN', 'web-test');
    // Among the people the signed-in GP's practice has a care relationship with, the living person
    // with the most issues of one medicine: their repeats are what the page groups.
    const gp = await contextOf(env, env.users.find((u) => u.role === 'gp_clinician')!);
    const active = (await platform.record.search(gp, 'MedicationRequest', [['status', 'active'], ['_count', '1000']])).matches as MedicationRequest[];
    let best: { patientId: string; issues: MedicationRequest[]; code: string } | undefined;
    for (const patientId of new Set(active.map((m) => m.subject!.reference!.replace('Patient/', '')))) {
      const issues = (await platform.record.search(ctx, 'MedicationRequest', [['patient', `Patient/${patientId}`], ['_count', '1000']])).matches as MedicationRequest[];
      const byCode = new Map<string, number>();
      for (const m of issues) byCode.set(m.medicationCodeableConcept!.coding![0].code!, (byCode.get(m.medicationCodeableConcept!.coding![0].code!) ?? 0) + 1);
      const [code, count] = [...byCode].sort((a, b) => b[1] - a[1])[0];
      if (!best || count > best.issues.filter((m) => m.medicationCodeableConcept!.coding![0].code === best!.code).length) best = { patientId, issues, code };
    }
    if (!best) throw new Error('the synthetic footprint has no one on a repeat medicine');
    const patient = await platform.record.read<Patient>(ctx, 'Patient', best.patientId);
    const practiceRef = patient.generalPractitioner![0].reference!;
    const practice = (await platform.record.search(ctx, 'Organization', [['_id', practiceRef.replace('Organization/', '')]])).matches[0] as Organization;
    for (const [authoredOn, status] of [['2023-05-02', 'completed'], ['2023-06-01', 'stopped']] as const) {
      await platform.record.create<MedicationRequest>(ctx, {
        resourceType: 'MedicationRequest',
        status,
        intent: 'order',
        medicationCodeableConcept: STOPPED,
        subject: { reference: `Patient/${best.patientId}` },
        authoredOn,
        requester: { reference: practiceRef },
      });
    }
    const repeats = best.issues.filter((m) => m.medicationCodeableConcept!.coding![0].code === best.code);
    chosen = {
      patientId: best.patientId,
      repeat: {
        display: repeats[0].medicationCodeableConcept!.coding![0].display!,
        issues: repeats.length,
        lastIssued: repeats.map((m) => m.authoredOn!.slice(0, 10)).sort().at(-1)!,
      },
      medicines: new Set(best.issues.map((m) => m.medicationCodeableConcept!.coding![0].code)).size,
      practiceName: practice.name!,
    };
    expect(practice.identifier?.some((i) => i.system === ODS_SYSTEM)).toBe(true);
  }, 600_000);
  afterAll(async () => env?.close());

  it('shows one row per medicine with its issues and last issue date, current and past medicines in separate tables', async () => {
    expect(chosen.repeat.issues, 'the chosen person has repeat issues').toBeGreaterThan(2);
    const { context, page } = await newPage(env);
    await signIn(page, env.users.find((u) => u.role === 'gp_clinician')!);
    await page.goto(`/care-record/patients/${chosen.patientId}`);
    await page.getByTestId('demographics').waitFor();
    await loaded(page);

    const current = await tableRows(page, 'current-medications');
    // One row per medicine, however many issues: no medicine's name appears twice.
    expect(current).toHaveLength(chosen.medicines);
    expect(new Set(current.map((row) => row[0])).size).toBe(current.length);
    const repeat = current.find((row) => row[0] === chosen.repeat.display);
    expect(repeat, `a row for ${chosen.repeat.display}`).toEqual([
      chosen.repeat.display,
      'Not recorded',
      await shownDate(page, chosen.repeat.lastIssued),
      String(chosen.repeat.issues),
      chosen.practiceName,
    ]);

    const past = await tableRows(page, 'past-medications');
    expect(past).toEqual([['Naproxen 500mg tablets', await shownDate(page, '2023-05-02'), await shownDate(page, '2023-06-01'), '2', 'Stopped', chosen.practiceName]]);
    expect(current.some((row) => row[0] === 'Naproxen 500mg tablets')).toBe(false);

    // The two tables sit under their own headings, current first.
    const headings = await page.locator('h3').allInnerTexts();
    expect(headings.indexOf('Current medication')).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf('Past medication')).toBeGreaterThan(headings.indexOf('Current medication'));

    await page.locator('#medications').scrollIntoViewIfNeeded();
    await screenshot(page, 'care-record-medications');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
