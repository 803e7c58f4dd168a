import type { Condition, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_SCOPE_SYSTEM, SHARING_CHOICE_SYSTEM } from '@footprint/record';
import type { DemoUserCredentials } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';
import { loadPartners } from './partners';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const NHS_NUMBER = '9434765919';

/**
 * A person registered at a practice who chose to share each item only with the organisation that
 * recorded it, so the hospital's clinician is refused; the practice, a hospital trust and a
 * voluntary organisation, so the demo users have employers.
 */
async function loadRefusedPerson(platform: WebTestEnvironment['platform']): Promise<void> {
  const { practice, atPractice } = await loadPartners(platform);
  const person = (
    await platform.record.create<Patient>(atPractice, {
      resourceType: 'Patient',
      identifier: [{ system: NHS, value: NHS_NUMBER }],
      name: [{ family: 'Okonjo', given: ['Ada'] }],
      birthDate: '1950-02-03',
      generalPractitioner: [{ reference: `Organization/${practice.id}` }],
    })
  ).resource;
  await platform.record.create<Condition>(atPractice, { resourceType: 'Condition', subject: { reference: `Patient/${person.id}` }, code: { text: 'Atrial fibrillation' }, recordedDate: '2024-01-05' });
  await platform.record.create(atPractice, {
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: `Patient/${person.id}` },
    dateTime: '2026-01-01T09:00:00Z',
    policyRule: { coding: [{ system: SHARING_CHOICE_SYSTEM, code: 'recording-organisation' }] },
  });
}

describe('break-glass and the privacy officer’s queue in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment(loadRefusedPerson);
  }, 600_000);
  afterAll(async () => env?.close());

  it('a hospital clinician is refused, breaks glass, and sees the record under emergency access', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('hospital_clinician'));
    await page.goto('/care-record');
    await page.getByRole('textbox', { name: 'NHS number' }).fill(NHS_NUMBER);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'No one found' }).waitFor();
    const offer = page.getByTestId('break-glass-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(/privacy officer reviews/);
    // The form says what is missing before anything is sent.
    await page.getByRole('button', { name: 'Break glass and open the record' }).click();
    await page.getByRole('link', { name: 'Choose why you need this record' }).waitFor();
    expect(await page.getByRole('link', { name: 'Explain why you need this record now' }).count()).toBe(1);
    expect(await env.platform.sql.query('SELECT 1 FROM break_glass_grant').then((r) => r.rows.length)).toBe(0);
    await page.getByLabel('Why do you need this record?').selectOption('emergency');
    await page.getByLabel('Explain why you need it now').fill('Brought to ED unconscious; need medicines and history');
    await screenshot(page, 'break-glass-form');
    await page.getByRole('button', { name: 'Break glass and open the record' }).click();
    await page.getByRole('heading', { level: 1, name: /OKONJO, Ada/ }).waitFor();
    await loaded(page);
    const banner = page.getByTestId('emergency-access');
    expect(await banner.textContent()).toMatch(/Emergency access until \d\d:\d\d/);
    expect(await banner.textContent()).toMatch(/overriding their choice/);
    expect(await page.getByText('Atrial fibrillation').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'break-glass-record');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('a clinician opening a record they may not see is told why and offered break-glass; others are not', async () => {
    const { rows } = await env.platform.sql.query<{ id: string }>("SELECT id FROM resource WHERE resource_type = 'Patient'");
    const { context, page } = await newPage(env);
    await signIn(page, user('social_worker'));
    await page.goto(`/care-record/patients/${rows[0].id}`);
    await page.getByRole('heading', { level: 1, name: 'You cannot see this record' }).waitFor();
    expect(await page.getByTestId('break-glass-form').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('the privacy officer sees the break-glass, opens it to learn whose record, reviews it and closes it', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('privacy_officer'));
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('link', { name: 'Break-glass reviews' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Break-glass reviews' }).waitFor();
    await loaded(page);
    const queue = page.getByTestId('break-glass-reviews');
    const text = (await queue.textContent()) ?? '';
    expect(text).toContain(user('hospital_clinician').displayName);
    expect(text).toContain('Emergency care');
    expect(text).toContain('Waiting for review');
    expect(text).not.toContain(NHS_NUMBER.slice(0, 3) + ' ' + NHS_NUMBER.slice(3, 6));
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-queue');

    await queue.getByRole('link', { name: /Open review/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Dr Tom Hughes|Break-glass review/ }).waitFor();
    await loaded(page);
    const details = (await page.getByTestId('review-details').textContent()) ?? '';
    expect(details).toContain('943 476 5919');
    expect(details).toContain('Brought to ED unconscious');
    expect(details).toMatch(/Overrode the person’s sharing choice\s*Yes/);
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.getByRole('link', { name: 'Choose whether the access was appropriate' }).waitFor();
    await page.getByLabel('Appropriate', { exact: true }).check();
    await page.getByLabel('Note').fill('ED attendance confirmed with the department');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.getByRole('button', { name: 'Close this review' }).waitFor();
    expect(await page.getByTestId('review-details').textContent()).toContain(`Reviewed by${user('privacy_officer').displayName}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close this review' }).click();
    await page.getByText(/^Closed by/).waitFor();

    await page.goto('/privacy/reviews?status=closed');
    await loaded(page);
    expect(await page.getByTestId('break-glass-reviews').textContent()).toContain('Closed');
    const { rows } = await env.platform.sql.query<{ status: string; review_outcome: string; reviewed_by_display: string }>('SELECT status, review_outcome, reviewed_by_display FROM break_glass_grant');
    expect(rows).toEqual([{ status: 'closed', review_outcome: 'appropriate', reviewed_by_display: user('privacy_officer').displayName }]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
