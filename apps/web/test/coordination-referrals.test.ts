import type { Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharingChoiceConsent } from '@footprint/record';
import type { DemoUserCredentials } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';
import { loadPartners } from './partners';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

/** Two people registered at the practice; the second chose to share each item only with the organisation that recorded it. */
async function loadPeople(platform: WebTestEnvironment['platform']): Promise<void> {
  const { practice, atPractice, system } = await loadPartners(platform);
  const person = (nhsNumber: string, family: string, given: string) =>
    platform.record.create<Patient>(atPractice, { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber }], name: [{ family, given: [given] }], birthDate: '1941-06-12', generalPractitioner: [{ reference: `Organization/${practice.id}` }] });
  await person('9434765919', 'Quigley', 'Zoe');
  const chooser = (await person('9434765870', 'Haddad', 'Omar')).resource;
  await platform.record.create(system, sharingChoiceConsent(chooser.id!, 'recording-organisation'));
}

describe('referrals between partners in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment(loadPeople);
  }, 600_000);
  afterAll(async () => env?.close());

  async function openRecord(page: import('playwright-core').Page, nhsNumber: string) {
    await page.goto('/care-record');
    await page.getByRole('textbox', { name: 'NHS number' }).fill(nhsNumber);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('search-results').getByRole('link').first().click();
    await page.getByTestId('refer-link').waitFor();
  }

  it('a GP refers from the record; the council accepts and completes it; the GP sees each step', async () => {
    const gp = await newPage(env);
    await signIn(gp.page, user('gp_clinician'));
    await openRecord(gp.page, '9434765919');
    await gp.page.getByTestId('refer-link').click();
    await loaded(gp.page);
    await gp.page.getByLabel('Refer to').selectOption({ label: 'Halton Borough Council' });
    await gp.page.getByLabel('Kind of referral').selectOption({ label: 'Adult social care' });
    await gp.page.getByLabel('What are you asking them to do, and why?').fill('Two falls at home this month; lives alone. Please assess for a care package.');
    expect(await accessibilityViolations(gp.page)).toEqual([]);
    await gp.page.getByRole('button', { name: 'Send referral' }).click();
    await gp.page.getByText('Waiting to be accepted').first().waitFor();
    const taskUrl = gp.page.url();

    const council = await newPage(env);
    await signIn(council.page, user('social_worker'));
    await council.page.goto('/coordination');
    await loaded(council.page);
    const row = council.page.getByTestId('worklist-row').filter({ hasText: 'Two falls at home' });
    expect(await row.innerText()).toContain('Riverside Surgery');
    await row.getByRole('link').click();
    await council.page.getByLabel('Accept').check();
    await council.page.getByRole('button', { name: 'Save' }).click();
    await council.page.getByTestId('task-history').getByText('Accepted', { exact: true }).waitFor();
    await council.page.getByLabel('Complete').check();
    await council.page.getByLabel('Note for the other organisation (optional)').fill('Care package in place from Monday.');
    await council.page.getByRole('button', { name: 'Save' }).click();
    await council.page.getByText('Your organisation has nothing more to do on this referral.').waitFor();
    expect(await accessibilityViolations(council.page)).toEqual([]);
    await screenshot(council.page, 'coordination-task-completed');
    expect(pageErrors(council.page)).toEqual([]);
    await council.context.close();

    await gp.page.goto(taskUrl);
    await gp.page.getByTestId('task-history').waitFor();
    const history = await gp.page.getByTestId('task-history').innerText();
    expect(history).toMatch(/Accepted[\s\S]*Completed/);
    expect(await gp.page.getByTestId('task-notes').innerText()).toContain('Care package in place from Monday.');
    expect(pageErrors(gp.page)).toEqual([]);
    await gp.context.close();
  });

  it('a person’s choice to share only with the recording organisation stops the referral, and the GP is told why', async () => {
    const gp = await newPage(env);
    await signIn(gp.page, user('gp_clinician'));
    await openRecord(gp.page, '9434765870');
    await gp.page.getByTestId('refer-link').click();
    await loaded(gp.page);
    await gp.page.getByLabel('Refer to').selectOption({ label: 'Halton Borough Council' });
    await gp.page.getByLabel('Kind of referral').selectOption({ label: 'Adult social care' });
    await gp.page.getByLabel('What are you asking them to do, and why?').fill('Needs support at home.');
    await gp.page.getByRole('button', { name: 'Send referral' }).click();
    const problem = gp.page.getByTestId('referral-form').getByText(/could not read this referral/);
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/Nothing has been sent/);
    await screenshot(gp.page, 'coordination-referral-refused');
    await gp.context.close();
  });
});
