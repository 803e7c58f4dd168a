import { readFile } from 'node:fs/promises';
import type { Bundle, Consent, Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_OPT_OUT_SYSTEM, SHARING_CHOICE_SYSTEM, systemContext } from '@footprint/record';
import type { DemoCitizen, DemoStaffIdentity } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, contextOf, loaded, newPage, pageErrors, screenshot, signIn, signInAtProvider, startWebTestEnvironment, type WebTestEnvironment } from './harness';

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Citizens and CIS2 staff signing in at the real local OpenID Connect provider, in real Chromium. */
describe('patient access and OpenID Connect sign-in in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  let citizen: DemoCitizen;
  let patientId: string;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 150), { identityProvider: true });
    citizen = env.identities!.citizens.find((c) => c.matchesRecord)!;
    const found = await env.platform.record.search(systemContext(), 'Patient', [['identifier', `https://fhir.nhs.uk/Id/nhs-number|${citizen.nhsNumber}`]]);
    patientId = (found.matches[0] as Patient).id!;
    // The demo GP's practice saw the person last week, so its clinician has a care relationship with them.
    const gp = env.users.find((u) => u.role === 'gp_clinician')!;
    const practice = (await contextOf(env, gp)).organisation!.reference;
    const start = new Date(Date.now() - 7 * 86_400_000).toISOString();
    await env.platform.record.create(systemContext(), {
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: `Patient/${patientId}` },
      serviceProvider: { reference: practice },
      period: { start, end: start },
    });
  }, 600_000);
  afterAll(async () => env?.close());

  it('lists demo citizens and CIS2 staff on the start page, with a way in for citizens', async () => {
    const { context, page } = await newPage(env);
    await page.goto('/');
    const rows = page.getByTestId('demo-citizens').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(env.identities!.citizens.length);
    expect(await page.getByTestId('demo-citizens').locator('[data-field=login]').allInnerTexts()).toEqual(env.identities!.citizens.map((c) => c.login));
    await page.getByTestId('demo-cis2-staff').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in as a citizen' }).count()).toBe(1);
    await expectAccessible(page, 'start page with demo identities');
    await screenshot(page, 'start-page-identities');
    await context.close();
  });

  it('signs a citizen in, shows their record, downloads it, shows the access log, and records their choices', async () => {
    // A clinician looks at the person's record first, so the access log has someone in it.
    const gp = env.users.find((u) => u.role === 'gp_clinician')!;
    const staff = await newPage(env);
    await signIn(staff.page, gp);
    await staff.page.goto(`/care-record/patients/${patientId}`);
    await loaded(staff.page);
    await staff.context.close();

    const { context, page } = await newPage(env);
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign in as a citizen' }).click();
    await signInAtProvider(page, citizen.login, citizen.password);
    await page.waitForURL(/\/patient$/);
    await page.getByRole('heading', { level: 1, name: new RegExp(citizen.name.split(' ')[0]) }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('patient-bar').innerText()).toContain(citizen.nhsNumber.slice(0, 3));
    for (const table of ['problems', 'current-medicines', 'results', 'encounters', 'care-plans', 'organisations']) await page.getByTestId(table).waitFor();
    expect(await page.getByTestId('organisations').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'my record');
    await screenshot(page, 'patient-my-record');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as FHIR JSON' }).click()]);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as Bundle;
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry?.filter((e) => e.resource?.resourceType === 'Patient').map((e) => e.resource?.id)).toEqual([patientId]);
    expect(bundle.entry!.length).toBeGreaterThan(1);

    await page.getByRole('link', { name: 'Who has looked at your record' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Who has looked at your record' }).waitFor();
    await loaded(page);
    const rows = page.getByTestId('access-log').locator('tbody tr');
    await expect.poll(() => rows.filter({ hasText: gp.displayName }).count()).toBeGreaterThan(0);
    const gpRow = await rows.filter({ hasText: gp.displayName }).first().innerText();
    expect(gpRow).toContain('GP practice clinician');
    expect(gpRow).toContain(gp.organisation!.name);
    expect(gpRow).toContain('Your care');
    expect(await page.getByTestId('own-accesses').innerText()).toMatch(/You looked at your record \d+ times?/);
    await expectAccessible(page, 'access log');
    await screenshot(page, 'patient-access-log');

    await page.getByRole('link', { name: 'Your choices' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your choices' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('current-sharing').innerText()).toContain('Share with every partner involved in my care');
    await expectAccessible(page, 'choices');
    await page.getByLabel('Only the organisation that recorded each item').check();
    await page.getByRole('button', { name: 'Save my sharing choice' }).click();
    await expect.poll(() => page.getByTestId('choice-saved').innerText().catch(() => '')).toContain('Only the organisation that recorded each item');
    await page.getByRole('button', { name: 'Opt out of planning and research' }).click();
    await expect.poll(() => page.getByTestId('opt-out-status').innerText()).toMatch(/You have opted out/);
    const consents = async () => (await env.platform.record.search(systemContext(), 'Consent', [['patient', `Patient/${patientId}`]])).matches as Consent[];
    const active = (await consents()).filter((c) => c.status === 'active');
    expect(active.map((c) => c.policyRule?.coding?.[0]).map((c) => `${c?.system}#${c?.code}`).sort()).toEqual(
      [`${DATA_OPT_OUT_SYSTEM}#national-data-opt-out`, `${SHARING_CHOICE_SYSTEM}#recording-organisation`].sort(),
    );
    await screenshot(page, 'patient-choices');

    await page.reload();
    await loaded(page);
    expect(await page.getByTestId('current-sharing').innerText()).toContain('Only the organisation that recorded each item');
    await page.getByRole('button', { name: 'Withdraw my opt-out' }).click();
    await expect.poll(() => page.getByTestId('opt-out-status').innerText()).toBe('You have not opted out.');
    expect((await consents()).filter((c) => c.status === 'active' && c.policyRule?.coding?.[0]?.system === DATA_OPT_OUT_SYSTEM)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/patient');
    await page.getByRole('heading', { level: 1, name: 'Sign in to see your care record' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('refuses a citizen whose details do not match the record, with a clear page', async () => {
    const mismatch = env.identities!.citizens.find((c) => !c.matchesRecord)!;
    const before = (await env.platform.record.search(systemContext(), 'Patient', [['_summary', 'count']])).total;
    const { context, page } = await newPage(env);
    await page.goto('/api/patient/sign-in');
    await signInAtProvider(page, mismatch.login, mismatch.password);
    await page.waitForURL(/\/patient\/sign-in-problem/);
    expect(await page.getByTestId('sign-in-problem-title').innerText()).toBe('We could not find your care record');
    await expectAccessible(page, 'sign-in refused');
    await screenshot(page, 'patient-sign-in-refused');
    expect((await env.platform.record.search(systemContext(), 'Patient', [['_summary', 'count']])).total).toBe(before);
    await page.goto('/patient');
    await page.getByRole('heading', { level: 1, name: 'Sign in to see your care record' }).waitFor();
    await context.close();
  });

  it('signs a member of staff in through NHS CIS2 (demo), choosing one of their roles at two organisations', async () => {
    const jo = env.identities!.staff.find((s: DemoStaffIdentity) => s.roles.length === 2)!;
    const hospital = jo.roles.find((r) => r.organisation.code !== jo.roles[0].organisation.code) ?? jo.roles[1];
    const { context, page } = await newPage(env);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with NHS CIS2 (demo)' }).click();
    await expectAccessible(page, 'demo provider sign-in page');
    await screenshot(page, 'demo-idp-sign-in');
    await signInAtProvider(page, jo.login, jo.password);
    await page.waitForURL(/\/sign-in\/choose-role$/);
    await page.getByRole('heading', { level: 1, name: /Choose your role/ }).waitFor();
    await expectAccessible(page, 'choose role');
    await screenshot(page, 'cis2-choose-role');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.nhsuk-error-message').waitFor();
    await page.getByLabel(new RegExp(`at ${hospital.organisation.name}`)).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${jo.name}` }).waitFor();
    expect(await page.getByTestId('account-name').innerText()).toContain(hospital.organisation.name);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
