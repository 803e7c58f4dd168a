import type { AddressInfo } from 'node:net';
import type { Condition, Encounter, Organization, Patient } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { buildServer } from '../../src/app';
import { seedDemoIdentities, type DemoIdentities } from '../../src/identity/demo-accounts';
import type { MyRecord } from '../../src/patient';
import { openTestPlatform, storageKinds, testNhsNumber } from '../support';
import { Browserless, signInThroughProvider } from './browserless';

/** Citizens sign in at the real local OpenID Connect provider and reach only their own record. */
describe.each(storageKinds)('citizen sign-in through OpenID Connect on %s', (kind) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let base: string;
  let identities: DemoIdentities;
  let patientId: string;

  beforeAll(async () => {
    const opened = await openTestPlatform(kind);
    const { platform } = opened;
    const ctx = systemContext();
    const practice = await platform.record.create<Organization>(ctx, {
      resourceType: 'Organization',
      name: 'Riverside Surgery',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }],
    });
    await platform.record.create<Organization>(ctx, {
      resourceType: 'Organization',
      name: 'Countess Hospital NHS Trust',
      type: [{ coding: [{ system: 'https://fhir.footprint.example/CodeSystem/organisation-kind', code: 'acute_trust' }] }],
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RJR' }],
    });
    for (const [n, family] of ['Ashworth', 'Bennett', 'Carter', 'Dobson', 'Ellis'].entries()) {
      const patient = await platform.record.create<Patient>(ctx, {
        resourceType: 'Patient',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(5100 + n * 7) }],
        name: [{ use: 'official', family, given: ['Sam'] }],
        birthDate: `197${n}-03-1${n}`,
        generalPractitioner: [{ reference: `Organization/${practice.resource.id}` }],
      });
      const encounter = await platform.record.create<Encounter>(ctx, {
        resourceType: 'Encounter',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
        subject: { reference: `Patient/${patient.resource.id}` },
        period: { start: '2024-02-01T10:00:00Z' },
        serviceProvider: { reference: `Organization/${practice.resource.id}` },
      });
      await platform.record.create<Condition>(ctx, {
        resourceType: 'Condition',
        subject: { reference: `Patient/${patient.resource.id}` },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: `Hypertension of ${family}` }] },
        encounter: { reference: `Encounter/${encounter.resource.id}` },
        recordedDate: '2024-02-01',
      });
    }
    app = buildServer(platform, { logger: false, demoIdentityProvider: true, bootstrapAdministrator: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    identities = await seedDemoIdentities(platform);
    const first = identities.citizens[0];
    const found = await platform.record.search(ctx, 'Patient', [['identifier', `https://fhir.nhs.uk/Id/nhs-number|${first.nhsNumber}`]]);
    patientId = found.matches[0].id!;
    close = async () => {
      await app.close();
      await opened.close();
    };
  });
  afterAll(async () => close?.());

  it('signs a matching citizen in and shows them their own record only', async () => {
    const citizen = identities.citizens.find((c) => c.matchesRecord)!;
    const browser = new Browserless(base);
    const steps = await signInThroughProvider(browser, '/api/patient/sign-in', citizen.login, citizen.password);
    const last = steps[steps.length - 1];
    expect(last.url.pathname).toBe('/patient');
    expect(browser.jar.names()).toContain('footprint_patient_session');

    const session = await browser.request('/api/patient/session');
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body).person.nhsNumber).toBe(citizen.nhsNumber);

    const record = await browser.request('/api/patient/record');
    expect(record.status).toBe(200);
    const mine = JSON.parse(record.body) as MyRecord;
    expect(mine.person.nhsNumber).toBe(citizen.nhsNumber);
    expect(mine.problems.map((p) => p.display)).toEqual([`Hypertension of ${citizen.name.split(' ')[1]}`]);
    expect(mine.problems[0].organisation?.name).toBe('Riverside Surgery');

    const download = await browser.request('/api/patient/record/fhir');
    expect(download.status).toBe(200);
    const bundle = JSON.parse(download.body) as { resourceType: string; entry: Array<{ resource: { resourceType: string; id: string; subject?: { reference: string } } }> };
    expect(bundle.resourceType).toBe('Bundle');
    const patients = bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource.id);
    expect(patients).toEqual([patientId]);
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Condition').every((e) => e.resource.subject?.reference === `Patient/${patientId}`)).toBe(true);

    const withoutToken = await browser.request('/api/patient/session', { method: 'DELETE' });
    expect(withoutToken.status).toBe(403);
    const csrfToken = (JSON.parse(session.body) as { csrfToken: string }).csrfToken;
    const signOut = await browser.request('/api/patient/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
    expect(signOut.status).toBe(204);
    expect((await browser.request('/api/patient/record')).status).toBe(401);
  });

  it('refuses a citizen whose date of birth does not match the record, and creates nothing', async () => {
    const citizen = identities.citizens.find((c) => !c.matchesRecord)!;
    const browser = new Browserless(base);
    const steps = await signInThroughProvider(browser, '/api/patient/sign-in', citizen.login, citizen.password);
    const last = steps[steps.length - 1];
    expect(last.url.pathname).toBe('/patient/sign-in-problem');
    expect(last.url.searchParams.get('reason')).toBe('no-match');
    expect(browser.jar.names()).not.toContain('footprint_patient_session');
    expect((await browser.request('/api/patient/record')).status).toBe(401);
  });

  it('refuses a callback without the sign-in this browser started', async () => {
    const browser = new Browserless(base);
    const steps = await browser.follow('/api/patient/callback?code=made-up&state=made-up');
    expect(steps[steps.length - 1].url.pathname).toBe('/patient/sign-in-problem');
    expect(steps[steps.length - 1].url.searchParams.get('reason')).toBe('expired');
  });

  it('does not let a staff identity sign in as a citizen', async () => {
    const staff = identities.staff[0];
    const browser = new Browserless(base);
    const page = (await browser.follow('/api/patient/sign-in')).pop()!;
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)![1];
    const refused = await browser.request(action, { form: { login: staff.login, password: staff.password } });
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('The email address or password is not correct.');
  });
});
