import type { Condition, Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCitizen, DemoUserCredentials } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, signInAtProvider, startWebTestEnvironment, type WebTestEnvironment } from './harness';
import { loadPartners } from './partners';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ADA = '9434765919';

/** The partners, and one frail person registered at the practice (the demo provider gives her an NHS login). */
async function loadFrailPerson(platform: WebTestEnvironment['platform']): Promise<void> {
  const { practice, atPractice } = await loadPartners(platform);
  const ada = (await platform.record.create<Patient>(atPractice, { resourceType: 'Patient', identifier: [{ system: NHS, value: ADA }], name: [{ use: 'official', family: 'Okonjo', given: ['Ada'] }], birthDate: '1938-02-03', generalPractitioner: [{ reference: `Organization/${practice.id}` }] })).resource;
  await platform.record.create<Condition>(atPractice, { resourceType: 'Condition', subject: { reference: `Patient/${ada.id}` }, code: { coding: [{ system: 'http://snomed.info/sct', code: '925831000000107', display: 'Moderate frailty' }] }, recordedDate: '2026-05-04' });
}

async function signInCitizen(page: Page, citizen: DemoCitizen) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in as a citizen' }).click();
  await signInAtProvider(page, citizen.login, citizen.password);
  await page.waitForURL(/\/patient$/);
}

/**
 * The whole journey of care coordination (docs/coordination.md §5), every step through the pages
 * as each person would: the voluntary organisation lists its walking group; a GP brings a frail
 * person to a team meeting, which assigns the council a social care assessment and the practice's
 * link worker a social prescription; the link worker refers from the directory with the person's
 * agreement and asks the ONS4; the council accepts and completes; the voluntary organisation
 * accepts its referral and sees nothing of the council's; the person signs in and sees their plan
 * and who did what.
 */
describe('the care coordination journey in a real browser', { timeout: 420_000 }, () => {
  let env: WebTestEnvironment;
  let ada: DemoCitizen;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment(loadFrailPerson, { identityProvider: true });
    ada = env.identities!.citizens.find((c) => c.matchesRecord && c.nhsNumber === ADA)!;
  }, 600_000);
  afterAll(async () => env?.close());

  it('from the team meeting to the person’s own care plan', async () => {
    // 1. The voluntary organisation lists its walking group in the directory.
    const charity = await newPage(env);
    await signIn(charity.page, user('voluntary_worker'));
    await charity.page.goto('/coordination/directory');
    await charity.page.getByRole('link', { name: 'Your organisation’s services' }).click();
    await charity.page.getByRole('link', { name: 'List a new service' }).click();
    await loaded(charity.page);
    const form = charity.page.getByTestId('service-form');
    await form.getByLabel('Name of the service').fill('Walking for Health, Widnes');
    await form.getByLabel('What happens there').fill('Free group walks of 30 to 60 minutes, led by volunteers, with a cup of tea after.');
    await form.getByLabel('Physical activity').check();
    await form.getByLabel('Loneliness and social isolation').check();
    await form.getByLabel('Venue').fill('Victoria Park pavilion');
    await form.getByLabel('Street').fill('Victoria Road');
    await form.getByLabel('Town').fill('Widnes');
    await form.getByLabel('Postcode').fill('WA8 7PA');
    await form.getByLabel('Place', { exact: true }).fill('Halton');
    await form.getByLabel('Tuesday').check();
    await form.getByLabel('Thursday').check();
    await form.getByLabel('Opening 1: from').fill('10:00');
    await form.getByLabel('Opening 1: until').fill('12:00');
    expect(await accessibilityViolations(charity.page)).toEqual([]);
    await form.getByRole('button', { name: 'List the service' }).click();
    await charity.page.getByRole('heading', { level: 1, name: /Your organisation’s services/ }).waitFor();
    expect(await charity.page.getByTestId('directory-service').innerText()).toContain('Tue, Thu 10:00–12:00');

    // 2. The GP plans a frailty meeting, brings Ada from the worklist, and records what the team agreed.
    const gp = await newPage(env);
    await signIn(gp.page, user('gp_clinician'));
    await gp.page.goto('/coordination/meetings');
    await loaded(gp.page);
    await gp.page.getByLabel('Title').fill('Frailty MDT, Riverside');
    await gp.page.getByLabel('Date').fill('2099-01-14');
    await gp.page.getByLabel('Role').first().fill('GP');
    await gp.page.getByRole('button', { name: 'Add another attendee' }).click();
    await gp.page.getByLabel('Attendee 2: organisation').selectOption({ label: 'Halton Borough Council' });
    await gp.page.getByLabel('Name').nth(1).fill(user('social_worker').displayName);
    await gp.page.getByLabel('Role').nth(1).fill('Social worker');
    await gp.page.getByRole('button', { name: 'Plan the meeting' }).click();
    await gp.page.getByRole('heading', { level: 1, name: /Frailty MDT, Riverside/ }).waitFor();
    await loaded(gp.page);
    await gp.page.getByTestId('suggestion').filter({ hasText: 'Ada Okonjo' }).getByRole('button', { name: /Add/ }).click();
    await gp.page.getByTestId('meeting-people').getByRole('link', { name: 'Ada Okonjo', exact: true }).waitFor();
    await gp.page.getByTestId('record-outcome').click();
    await loaded(gp.page);
    await gp.page.getByLabel('What was discussed and decided').fill('Two falls since March; lives alone and rarely goes out. Agreed a social care assessment and a social prescription for company and activity.');
    await gp.page.getByLabel('Change to the care plan (optional)').fill('Falls prevention, a social care assessment and a walking group added');
    await gp.page.getByRole('button', { name: 'Add an action' }).click();
    await gp.page.getByLabel('What needs doing').first().fill('Social prescribing: refer to a walking group');
    await gp.page.getByLabel('Who will do it').first().selectOption({ label: 'Riverside Surgery (us)' });
    await gp.page.getByRole('button', { name: 'Add an action' }).click();
    await gp.page.getByLabel('What needs doing').nth(1).fill('Care Act assessment of needs');
    await gp.page.getByLabel('Who will do it').nth(1).selectOption({ label: 'Halton Borough Council' });
    await gp.page.getByLabel('Kind of referral').selectOption({ label: 'Adult social care' });
    await gp.page.getByRole('button', { name: 'Record the outcome' }).click();
    await gp.page.getByTestId('meeting-people').getByText('Outcome recorded').waitFor();

    // 3. The practice's link worker finds the walking group from Ada's record and refers her, with her agreement.
    await gp.page.getByTestId('meeting-people').getByRole('link', { name: 'Ada Okonjo' }).click();
    await gp.page.getByRole('heading', { level: 1, name: /OKONJO, Ada/ }).waitFor();
    await gp.page.getByTestId('directory-link').click();
    await loaded(gp.page);
    await gp.page.getByLabel('What the person needs').selectOption({ label: 'Physical activity' });
    await gp.page.getByLabel('Open on').selectOption({ label: 'Thursday' });
    await gp.page.getByRole('button', { name: 'Search' }).click();
    await gp.page.getByTestId('directory-results').getByRole('heading', { name: '1 service' }).waitFor();
    expect(await accessibilityViolations(gp.page)).toEqual([]);
    await screenshot(gp.page, 'coordination-directory');
    await gp.page.getByRole('link', { name: 'Refer to Walking for Health, Widnes' }).click();
    await loaded(gp.page);
    await gp.page.getByLabel('What matters to the person, and what they hope for').fill('Would like company, and to feel steadier on her feet after two falls.');
    await gp.page.getByRole('button', { name: 'Send referral' }).click();
    await gp.page.getByText('consent: the person must agree').waitFor();
    await gp.page.getByLabel(/The person agrees to be referred to Age Well Cheshire/).check();
    expect(await accessibilityViolations(gp.page)).toEqual([]);
    await gp.page.getByRole('button', { name: 'Send referral' }).click();
    await gp.page.getByTestId('wellbeing-before').waitFor();
    for (const [item, value] of [['life-satisfaction', 4], ['worthwhile', 5], ['happiness', 3], ['anxiety', 7]] as const) await gp.page.locator(`#before-${item}-${value}`).check();
    await gp.page.getByTestId('wellbeing-before').getByRole('button', { name: 'Save the answers' }).click();
    await gp.page.getByTestId('wellbeing-table').waitFor();
    expect(await gp.page.getByTestId('wellbeing-table').innerText()).toContain('3 (Low)');
    expect(await accessibilityViolations(gp.page)).toEqual([]);
    await screenshot(gp.page, 'coordination-social-prescription');
    expect(pageErrors(gp.page)).toEqual([]);
    // The link worker's own action from the meeting is done.
    await gp.page.goto('/coordination');
    await loaded(gp.page);
    await gp.page.getByTestId('worklist-row').filter({ hasText: 'Social prescribing: refer to a walking group' }).getByRole('link').click();
    await gp.page.getByLabel('Accept').check();
    await gp.page.getByRole('button', { name: 'Save' }).click();
    await gp.page.getByTestId('task-history').getByText('Accepted', { exact: true }).waitFor();
    await gp.page.getByLabel('Complete').check();
    await gp.page.getByRole('button', { name: 'Save' }).click();
    await gp.page.getByText('Your organisation has nothing more to do on this referral.').waitFor();

    // 4. The council accepts and completes its assessment.
    const council = await newPage(env);
    await signIn(council.page, user('social_worker'));
    await council.page.goto('/coordination');
    await loaded(council.page);
    await council.page.getByTestId('worklist-row').filter({ hasText: 'Care Act assessment of needs' }).getByRole('link').click();
    await council.page.getByLabel('Accept').check();
    await council.page.getByRole('button', { name: 'Save' }).click();
    await council.page.getByTestId('task-history').getByText('Accepted', { exact: true }).waitFor();
    await council.page.getByLabel('Complete').check();
    await council.page.getByLabel('Note for the other organisation (optional)').fill('Assessed at home; a care package starts on Monday.');
    await council.page.getByRole('button', { name: 'Save' }).click();
    await council.page.getByText('Your organisation has nothing more to do on this referral.').waitFor();
    await council.context.close();

    // 5. The voluntary organisation sees its referral, and only its own, and accepts it.
    await charity.page.goto('/coordination');
    await loaded(charity.page);
    const rows = charity.page.getByTestId('worklist-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Would like company');
    await rows.first().getByRole('link').click();
    await loaded(charity.page);
    expect(await charity.page.getByTestId('wellbeing').count(), 'the wellbeing answers are not shared with it').toBe(0);
    await charity.page.getByLabel('Accept').check();
    await charity.page.getByRole('button', { name: 'Save' }).click();
    await charity.page.getByTestId('task-history').getByText('Accepted', { exact: true }).waitFor();
    // What Ada shared with it: who she is and her care plan, to read; it neither refers, convenes nor changes the plan.
    await charity.page.getByRole('link', { name: 'Open the shared care record' }).click();
    await charity.page.getByTestId('shared-care-plans').waitFor();
    await loaded(charity.page);
    expect(await charity.page.getByTestId('refer-link').count()).toBe(0);
    expect(await charity.page.getByTestId('start-care-plan-link').count()).toBe(0);
    await charity.page.getByTestId('shared-care-plans').getByRole('link', { name: 'Care plan' }).click();
    await charity.page.getByTestId('care-plan').waitFor();
    await loaded(charity.page);
    expect(await charity.page.getByTestId('care-plan').innerText()).toContain('Falls prevention, a social care assessment and a walking group added');
    expect(await charity.page.getByRole('button', { name: 'Change this plan' }).count()).toBe(0);
    expect(await charity.page.getByTestId('staff-add-goal').count()).toBe(0);
    expect(pageErrors(charity.page)).toEqual([]);
    await charity.context.close();

    // 6. Ada signs in and sees her plan: what the meeting changed, who does what and how far it has got.
    const person = await newPage(env);
    await signInCitizen(person.page, ada);
    await person.page.getByRole('link', { name: 'Your care plan' }).click();
    await person.page.getByTestId('care-plan').waitFor();
    await loaded(person.page);
    const plan = await person.page.getByTestId('care-plan').innerText();
    expect(plan).toContain('Falls prevention, a social care assessment and a walking group added');
    const activities = await person.page.getByTestId('care-plan-activities').innerText();
    expect(activities).toMatch(/Care Act assessment of needs\s+Halton Borough Council · Done/);
    expect(activities).toMatch(/Social prescribing: refer to a walking group\s+Riverside Surgery · Done/);
    expect(await person.page.getByTestId('care-plan-history').innerText()).toContain(`${user('gp_clinician').displayName}, GP practice clinician, Riverside Surgery`);
    expect(await accessibilityViolations(person.page)).toEqual([]);
    await screenshot(person.page, 'coordination-journey-person');
    expect(pageErrors(person.page)).toEqual([]);
    await person.context.close();
    await gp.context.close();
  });
});
