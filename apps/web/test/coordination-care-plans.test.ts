import type { Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCitizen, DemoUserCredentials } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, signInAtProvider, startWebTestEnvironment, type WebTestEnvironment } from './harness';
import { loadPartners } from './partners';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

/** Four adults registered at the practice; the demo provider gives the first of them an NHS login. */
async function loadPeople(platform: WebTestEnvironment['platform']): Promise<void> {
  const { practice, atPractice } = await loadPartners(platform);
  const people: Array<[string, string, string]> = [
    ['9434765919', 'Quigley', 'Zoe'],
    ['9434765870', 'Haddad', 'Omar'],
    ['9434765862', 'Okafor', 'Grace'],
    ['9434765854', 'Lindqvist', 'Per'],
  ];
  for (const [nhsNumber, family, given] of people)
    await platform.record.create<Patient>(atPractice, { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber }], name: [{ use: 'official', family, given: [given] }], birthDate: '1938-03-02', generalPractitioner: [{ reference: `Organization/${practice.id}` }] });
}

/** Shared care plans in a real browser: a GP starts one from a template, the council works on it, the person reads it and adds a goal (docs/coordination.md §2). */
describe('shared care plans in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  let citizen: DemoCitizen;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment(loadPeople, { identityProvider: true });
    citizen = env.identities!.citizens.find((c) => c.matchesRecord)!;
  }, 600_000);
  afterAll(async () => env?.close());

  async function openRecord(page: Page, nhsNumber: string) {
    await page.goto('/care-record');
    await page.getByRole('textbox', { name: 'NHS number' }).fill(nhsNumber);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('search-results').getByRole('link').first().click();
    await page.getByTestId('shared-care-plans').waitFor();
    await loaded(page);
  }

  it('a GP starts a frailty plan from the template with the council in the team; the council updates it; the person sees it, adds a goal, and the GP sees who did what', async () => {
    const gp = await newPage(env);
    await signIn(gp.page, user('gp_clinician'));
    await openRecord(gp.page, citizen.nhsNumber);
    expect(await gp.page.getByTestId('shared-care-plans').innerText()).toContain('No shared care plan yet.');
    await gp.page.getByTestId('start-care-plan-link').click();
    await loaded(gp.page);
    await gp.page.getByLabel('Frailty and anticipatory care plan').check();
    // The template's activities, from its national basis, are filled in for the team to change.
    await expect.poll(() => gp.page.getByLabel('Activity 1', { exact: true }).inputValue()).toBe('Structured medication review');
    expect(await gp.page.getByTestId('care-plan-form').innerText()).toContain('Anticipatory care: a framework for integrated care systems');
    expect(await gp.page.getByTestId('end-of-life-editor').count()).toBe(0);
    await gp.page.getByLabel('What matters to the person').fill('Staying in my own home and getting to the allotment');
    await gp.page.getByLabel('The person’s goals').fill('Walk to the allotment twice a week\nNo more falls this winter');
    await gp.page.getByLabel('If things change').fill('After a fall, call the community response team before 999');
    await gp.page.getByRole('button', { name: 'Add a team member' }).click();
    await gp.page.getByLabel('Member 2: organisation').selectOption({ label: 'Halton Borough Council' });
    await gp.page.getByLabel('Member 2: name').fill(user('social_worker').displayName);
    await gp.page.getByLabel('Member 2: role').fill('Social worker');
    await gp.page.getByLabel('Activity 3: owned by').selectOption({ label: 'Halton Borough Council' });
    expect(await accessibilityViolations(gp.page)).toEqual([]);
    await screenshot(gp.page, 'coordination-care-plan-start');
    await gp.page.getByRole('button', { name: 'Start the care plan' }).click();
    await gp.page.getByRole('heading', { level: 1, name: /Frailty and anticipatory care plan/ }).waitFor();
    const planUrl = gp.page.url();
    expect(planUrl).toMatch(/\/coordination\/care-plans\/[A-Za-z0-9-]+$/);
    const started = await gp.page.getByTestId('care-plan').innerText();
    expect(started).toContain('Staying in my own home and getting to the allotment');
    expect(await gp.page.getByTestId('care-plan-goals').locator('li').allInnerTexts()).toEqual(['Walk to the allotment twice a week', 'No more falls this winter']);
    expect(await gp.page.getByTestId('care-plan-activities').locator('li').nth(2).innerText()).toContain('Halton Borough Council');
    expect(await gp.page.getByTestId('care-plan-history').innerText()).toContain(`Plan started\n${user('gp_clinician').displayName}, GP practice clinician, Riverside Surgery`);
    expect(pageErrors(gp.page)).toEqual([]);

    // The council is in the team, so its social worker can open and change the plan.
    const council = await newPage(env);
    await signIn(council.page, user('social_worker'));
    await council.page.goto(planUrl);
    await loaded(council.page);
    await council.page.getByRole('button', { name: 'Change this plan' }).click();
    await council.page.getByLabel('Activity 3: progress').selectOption({ label: 'In progress' });
    await council.page.getByLabel('Activity 3: person responsible (optional)').fill(user('social_worker').displayName);
    expect(await accessibilityViolations(council.page)).toEqual([]);
    await council.page.getByRole('button', { name: 'Save changes' }).click();
    await council.page.getByTestId('care-plan-history').getByText('Changed: activities').waitFor();
    expect(await council.page.getByTestId('care-plan-history').innerText()).toContain(`${user('social_worker').displayName}, Social worker, Halton Borough Council`);
    expect(await council.page.getByTestId('care-plan-activities').locator('li').nth(2).innerText()).toContain('In progress');
    expect(pageErrors(council.page)).toEqual([]);
    await council.context.close();

    // The person signs in with their NHS login and reads the same plan, in words for them.
    const person = await newPage(env);
    await person.page.goto('/');
    await person.page.getByRole('link', { name: 'Sign in as a citizen' }).click();
    await signInAtProvider(person.page, citizen.login, citizen.password);
    await person.page.waitForURL(/\/patient$/);
    await person.page.getByRole('link', { name: 'Your care plan' }).click();
    await person.page.getByTestId('care-plan').waitFor();
    await loaded(person.page);
    const theirs = await person.page.getByTestId('care-plan').innerText();
    expect(theirs).toContain('What matters to you');
    expect(theirs).toContain('Staying in my own home and getting to the allotment');
    expect(await person.page.getByTestId('care-plan-team').innerText()).toContain('Halton Borough Council');
    expect(await person.page.getByTestId('care-plan-history').innerText()).toContain('Changed: activities');
    await person.page.getByLabel('Add a goal, in your own words').fill('To be well enough for my grandson’s wedding in May');
    await person.page.getByRole('button', { name: 'Add goal' }).click();
    await person.page.getByText('To be well enough for my grandson’s wedding in May (added by you)').waitFor();
    expect(await person.page.getByTestId('care-plan-history').innerText()).toContain('You');
    // An empty goal is refused with what to do, and nothing is added.
    await person.page.getByRole('button', { name: 'Add goal' }).click();
    await person.page.getByText('Write your goal in the box, then choose Add goal').waitFor();
    expect(await person.page.getByTestId('care-plan-goals').locator('li').count()).toBe(3);
    expect(await accessibilityViolations(person.page)).toEqual([]);
    await screenshot(person.page, 'coordination-care-plan-patient');
    expect(pageErrors(person.page)).toEqual([]);
    await person.context.close();

    // The GP sees the person's own goal, and that it was theirs.
    await gp.page.goto(planUrl);
    await loaded(gp.page);
    await gp.page.getByText('To be well enough for my grandson’s wedding in May (added by the person)').waitFor();
    expect(await gp.page.getByTestId('care-plan-history').innerText()).toMatch(/Goal added: “To be well enough for my grandson’s wedding in May”\nThe person/);
    await screenshot(gp.page, 'coordination-care-plan-staff');
    await openRecord(gp.page, citizen.nhsNumber);
    expect(await gp.page.getByTestId('shared-care-plans').getByRole('link', { name: 'Frailty and anticipatory care plan' }).count()).toBe(1);
    await gp.context.close();
  });

  it('an end of life plan asks for the resuscitation decision’s date and who made it, and says what is missing', async () => {
    const gp = await newPage(env);
    await signIn(gp.page, user('gp_clinician'));
    await openRecord(gp.page, '9434765870');
    await gp.page.getByTestId('start-care-plan-link').click();
    await loaded(gp.page);
    await gp.page.getByLabel('End of life care plan').check();
    await gp.page.getByLabel('Preferred place of care').fill('Home');
    await gp.page.getByLabel('Preferred place of death').fill('Home, with family');
    await gp.page.getByLabel('Decision about cardiopulmonary resuscitation (CPR)').selectOption({ label: 'Do not attempt CPR (DNACPR)' });
    await gp.page.getByRole('button', { name: 'Start the care plan' }).click();
    await gp.page.getByText('endOfLife.resuscitation.date is required').waitFor();
    expect(await gp.page.getByText('endOfLife.resuscitation.madeBy is required').count()).toBe(1);
    expect(gp.page.url()).toContain('/coordination/care-plans/new/');
    await gp.page.getByLabel('Date the decision was made').fill('2026-11-20');
    await gp.page.getByLabel('Who made the decision').fill('Dr Green, GP, with the person and their daughter');
    await gp.page.getByRole('button', { name: 'Start the care plan' }).click();
    await gp.page.getByTestId('end-of-life').waitFor();
    const eol = await gp.page.getByTestId('end-of-life').innerText();
    expect(eol).toContain('Home, with family');
    expect(eol).toContain('Do not attempt cardiopulmonary resuscitation (DNACPR): decided 20 Nov 2026 by Dr Green, GP, with the person and their daughter');
    expect(await accessibilityViolations(gp.page)).toEqual([]);
    await screenshot(gp.page, 'coordination-care-plan-end-of-life');
    expect(pageErrors(gp.page)).toEqual([]);
    await gp.context.close();
  });
});
