import { readFile } from 'node:fs/promises';
import type { Observation, Organization, Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import type { DemoCitizen, DemoUser } from '../src/api/types';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function signInAsCitizen(page: Page, citizen: DemoCitizen): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in as a citizen' }).click();
  await page.waitForURL(/\/idp\/interaction\//);
  await page.getByLabel('Email address').fill(citizen.login);
  await page.getByLabel('Password').fill(citizen.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/patient$/);
  await loaded(page);
}

/** A person asks the organisation that recorded an entry to correct it, its clinician answers, the person sees the answer: in real Chromium. */
describe('correction requests and the readable PDF in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  let citizen: DemoCitizen;
  let gp: DemoUser;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 60), { identityProvider: true });
    citizen = env.identities!.citizens.find((c) => c.matchesRecord)!;
    gp = env.users.find((u) => u.role === 'gp_clinician')!;
    // An entry the GP's practice recorded for this person, so the request goes to that practice.
    const ctx = systemContext();
    const practice = (await env.platform.record.search(ctx, 'Organization', [['identifier', `https://fhir.nhs.uk/Id/ods-organization-code|${gp.organisation!.code}`]])).matches[0] as Organization;
    const person = (await env.platform.record.search(ctx, 'Patient', [['identifier', `https://fhir.nhs.uk/Id/nhs-number|${citizen.nhsNumber}`]])).matches[0] as Patient;
    await env.platform.record.create<Observation>(ctx, {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'Body weight recorded in error' },
      subject: { reference: `Patient/${person.id}` },
      performer: [{ reference: `Organization/${practice.id}` }],
      effectiveDateTime: '2026-11-20',
      valueQuantity: { value: 192, unit: 'kg' },
    });
  }, 600_000);
  afterAll(async () => env?.close());

  it('downloads the person’s record as a readable PDF from their record page', async () => {
    const { context, page } = await newPage(env);
    await signInAsCitizen(page, citizen);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as PDF' }).click()]);
    const parser = new PDFParse({ data: new Uint8Array(await readFile((await download.path())!)) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    const n = citizen.nhsNumber;
    expect(text).toContain(`NHS number: ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`);
    expect(text).toContain(citizen.name.split(' ')[1].toUpperCase());
    expect(text).toContain('Body weight recorded in error');
    expect(text).toMatch(/Page 1 of \d+/);
    await context.close();
  });

  it('lets the person ask, the practice’s clinician answer, and the person see the answer', async () => {
    const asker = await newPage(env);
    await signInAsCitizen(asker.page, citizen);
    await asker.page.getByRole('link', { name: /^Ask to correct this\W+Body weight recorded in error$/ }).click();
    await asker.page.getByRole('heading', { level: 1, name: 'Ask to correct your record' }).waitFor();
    await loaded(asker.page);
    expect(await asker.page.getByLabel('The entry that is wrong').inputValue()).toMatch(/^Observation\//);
    // Saying nothing is refused with the reason.
    await asker.page.getByRole('button', { name: 'Ask to correct this' }).click();
    await asker.page.getByText('Say what is wrong').first().waitFor();
    await asker.page.getByLabel('What is wrong, and what should it say?').fill('I weigh 92 kg, not 192 kg.');
    await asker.page.getByRole('button', { name: 'Ask to correct this' }).click();
    const mine = asker.page.getByTestId('correction');
    await mine.first().waitFor();
    expect(await mine.first().innerText()).toContain('I weigh 92 kg, not 192 kg.');
    expect(await mine.first().getByTestId('correction-status').innerText()).toBe('Waiting for an answer');
    expect(await mine.first().innerText()).toContain(gp.organisation!.name);
    await expectAccessible(asker.page, 'patient corrections');
    await screenshot(asker.page, 'patient-corrections-asked');

    const staff = await newPage(env);
    await signIn(staff.page, gp);
    await staff.page.getByRole('link', { name: 'Corrections', exact: true }).first().click();
    await staff.page.getByRole('heading', { level: 1, name: /Correction requests/ }).waitFor();
    await loaded(staff.page);
    const request = staff.page.getByTestId('open-corrections').getByTestId('correction-request').filter({ hasText: 'I weigh 92 kg' });
    expect(await request.innerText()).toContain('Body weight recorded in error');
    await expectAccessible(staff.page, 'staff corrections');
    await screenshot(staff.page, 'staff-corrections-open');
    // An answer needs a note.
    await request.getByLabel('Corrected: the entry has been changed').check();
    await request.getByRole('button', { name: 'Send answer' }).click();
    await request.getByText('Write a note').first().waitFor();
    await request.getByLabel('Note to the person').fill('Thank you: we have corrected your weight to 92 kg.');
    await request.getByRole('button', { name: 'Send answer' }).click();
    const answered = staff.page.getByTestId('answered-corrections').getByTestId('correction-request').filter({ hasText: 'I weigh 92 kg' });
    await answered.waitFor();
    expect(await answered.innerText()).toContain('Thank you: we have corrected your weight to 92 kg.');
    await staff.context.close();

    await asker.page.reload();
    await loaded(asker.page);
    const seen = asker.page.getByTestId('correction').filter({ hasText: 'I weigh 92 kg' });
    expect(await seen.getByTestId('correction-status').innerText()).toBe('Corrected');
    expect(await seen.getByTestId('correction-answer').innerText()).toContain('we have corrected your weight to 92 kg');
    await screenshot(asker.page, 'patient-corrections-answered');
    await asker.context.close();
  });
});
