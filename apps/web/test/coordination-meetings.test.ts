import type { CarePlan, Condition, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUserCredentials } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';
import { loadPartners } from './partners';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

/** A practice, a hospital, a council and a voluntary organisation, and one frail person registered at the practice with a care plan. */
async function loadFrailPerson(platform: WebTestEnvironment['platform']): Promise<void> {
  const { practice, atPractice } = await loadPartners(platform);
  const person = (
    await platform.record.create<Patient>(atPractice, {
      resourceType: 'Patient',
      identifier: [{ system: NHS, value: '9434765919' }],
      name: [{ family: 'Okonjo', given: ['Ada'] }],
      birthDate: '1938-02-03',
      generalPractitioner: [{ reference: `Organization/${practice.id}` }],
    })
  ).resource;
  await platform.record.create<Condition>(atPractice, { resourceType: 'Condition', subject: { reference: `Patient/${person.id}` }, code: { coding: [{ system: 'http://snomed.info/sct', code: '925831000000107', display: 'Moderate frailty' }] }, recordedDate: '2026-05-04' });
  await platform.record.create<CarePlan>(atPractice, { resourceType: 'CarePlan', status: 'active', intent: 'plan', title: 'Anticipatory care plan', subject: { reference: `Patient/${person.id}` }, author: { reference: `Organization/${practice.id}` } });
}

describe('team meetings in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment(loadFrailPerson);
  }, 600_000);
  afterAll(async () => env?.close());

  it('a GP plans a meeting with the council, lists a frail person from the worklist, records the outcome, and the council gets its referral', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('gp_clinician'));
    await page.goto('/coordination');
    await page.getByTestId('meetings-link').click();
    await page.getByRole('heading', { level: 1, name: /Team meetings/ }).waitFor();
    await loaded(page);
    await page.getByLabel('Title').fill('Frailty MDT, Riverside');
    await page.getByLabel('Date').fill('2099-01-14');
    await page.getByLabel('Role').first().fill('GP');
    await page.getByRole('button', { name: 'Add another attendee' }).click();
    await page.getByLabel('Attendee 2: organisation').selectOption({ label: 'Halton Borough Council' });
    await page.getByLabel('Name').nth(1).fill('Sam Social');
    await page.getByLabel('Role').nth(1).fill('Social worker');
    await page.getByRole('button', { name: 'Plan the meeting' }).click();

    await page.getByRole('heading', { level: 1, name: /Frailty MDT, Riverside/ }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('attendees').innerText()).toContain('Sam Social, Social worker');
    const suggestion = page.getByTestId('suggestion').filter({ hasText: 'Ada Okonjo' });
    expect(await suggestion.innerText()).toContain('Moderate frailty, recorded 2026-05-04');
    expect(await accessibilityViolations(page)).toEqual([]);
    await suggestion.getByRole('button', { name: /Add/ }).click();
    await page.getByTestId('meeting-people').getByRole('link', { name: 'Ada Okonjo', exact: true }).waitFor();
    expect(await page.getByTestId('meeting-people').innerText()).toContain('Frailty');
    await screenshot(page, 'coordination-meeting');

    await page.getByTestId('record-outcome').click();
    await page.getByRole('heading', { level: 1, name: /Outcome for Ada Okonjo/ }).waitFor();
    await loaded(page);
    await page.getByLabel('What was discussed and decided').fill('Two falls since March; lives alone. Agreed a social care assessment and a medication review.');
    await page.getByLabel('Change to the care plan (optional)').fill('Falls prevention and a carer’s assessment added');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('What needs doing').first().fill('Structured medication review');
    await page.getByLabel('Who will do it').first().selectOption({ label: 'Riverside Surgery (us)' });
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('What needs doing').nth(1).fill('Care Act assessment of needs');
    await page.getByLabel('Who will do it').nth(1).selectOption({ label: 'Halton Borough Council' });
    await page.getByLabel('Kind of referral').selectOption({ label: 'Adult social care' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'coordination-meeting-outcome');
    await page.getByRole('button', { name: 'Record the outcome' }).click();

    await page.getByRole('heading', { level: 1, name: /Frailty MDT, Riverside/ }).waitFor();
    await page.getByTestId('meeting-people').getByText('Outcome recorded').waitFor();
    await page.getByTestId('meeting-people').getByRole('link', { name: 'Ada Okonjo' }).click();
    await page.getByRole('heading', { level: 1, name: /OKONJO, Ada/ }).waitFor();
    await loaded(page);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('Team meeting');
    expect(timeline).toContain('Frailty MDT, Riverside (2099-01-14)');
    expect(timeline).toContain('Two falls since March');
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    const council = await newPage(env);
    await signIn(council.page, user('social_worker'));
    await council.page.goto('/coordination');
    await loaded(council.page);
    const row = council.page.getByTestId('worklist-row').filter({ hasText: 'Care Act assessment of needs' });
    expect(await row.innerText()).toContain('Riverside Surgery');
    await council.context.close();
  });
});
