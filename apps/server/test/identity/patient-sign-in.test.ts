import type { AddressInfo } from 'node:net';
import type { AuditEvent, Condition, Consent, Encounter, Organization, Patient } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_SCOPE_SYSTEM, DATA_OPT_OUT_SYSTEM, SHARING_CHOICE_SYSTEM, staffContext, systemContext } from '@footprint/record';
import { upsertUser } from '../../src/api/auth/users';
import { createClient } from '../../src/auth/clients';
import { buildServer } from '../../src/app';
import { seedDemoIdentities, type DemoIdentities } from '../../src/identity/demo-accounts';
import type { AccessLog, MyChoices, MyRecord } from '../../src/patient';
import type { Platform } from '../../src/platform';
import { openTestPlatform, storageKinds, testNhsNumber } from '../support';
import { Browserless, signInThroughProvider } from './browserless';

/** Citizens sign in at the real local OpenID Connect provider and reach only their own record. */
describe.each(storageKinds)('citizen sign-in through OpenID Connect on %s', (kind) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let base: string;
  let identities: DemoIdentities;
  let patientId: string;
  let platform: Platform;
  let practiceRef: string;

  beforeAll(async () => {
    const opened = await openTestPlatform(kind);
    platform = opened.platform;
    const ctx = systemContext();
    const practice = await platform.record.create<Organization>(ctx, {
      resourceType: 'Organization',
      name: 'Riverside Surgery',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }],
    });
    practiceRef = `Organization/${practice.resource.id}`;
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

  it('shows the person every access to their record by others, break-glass marked, and summarises their own', async () => {
    const citizen = identities.citizens[0];
    const gp = await upsertUser(platform.sql, {
      username: 'gp.access-log',
      displayName: 'Dr Ada Access',
      role: 'gp_clinician',
      password: 'a-long-password-1',
      organisation: { code: 'N81001', name: 'Riverside Surgery', reference: practiceRef },
    });
    await platform.record.read(staffContext(gp, 'TREAT'), 'Patient', patientId);
    // Emergency access as the record audits it once allowed (purpose ETREAT), here by a partner system.
    const { client } = await createClient(platform.sql, { name: 'Countess Hospital ED system', organisation: practiceRef, scopes: ['system/*.rs'], purpose: 'TREAT' });
    await platform.record.read(
      { principal: { kind: 'client', id: client.id }, organisation: { reference: practiceRef }, scopes: ['system/*.rs'], purpose: 'ETREAT' },
      'Patient',
      patientId,
    );

    const browser = new Browserless(base);
    await signInThroughProvider(browser, '/api/patient/sign-in', citizen.login, citizen.password);
    await browser.request('/api/patient/record');
    const answer = await browser.request('/api/patient/access-log');
    expect(answer.status).toBe(200);
    const log = JSON.parse(answer.body) as AccessLog;
    const byGp = log.entries.filter((e) => e.who === 'Dr Ada Access');
    expect(byGp.length).toBe(1);
    expect(byGp[0]).toMatchObject({ organisation: { name: 'Riverside Surgery' }, role: 'GP practice clinician', kind: 'staff', breakGlass: false, allowed: true, purpose: { label: 'Your care' } });
    const emergency = log.entries.filter((e) => e.breakGlass);
    expect(emergency.map((e) => [e.who, e.kind, e.purpose.code])).toEqual([['Countess Hospital ED system', 'system', 'ETREAT']]);
    expect(log.ownAccesses.count).toBeGreaterThan(0);
    expect(log.entries.some((e) => e.kind === 'person')).toBe(false);
    // Nobody else's accesses: every entry is about this person's record.
    const other = await platform.record.search(systemContext(), 'AuditEvent', [['_count', '1000']]);
    const mine = new Set(log.entries.map((e) => e.id));
    for (const event of other.matches as AuditEvent[]) {
      if (mine.has(event.id!)) expect(event.entity?.some((x) => x.what?.reference === `Patient/${patientId}`)).toBe(true);
    }
  });

  it('records the sharing choice and the national data opt-out as Consents in the documented shape', async () => {
    const citizen = identities.citizens[0];
    const browser = new Browserless(base);
    await signInThroughProvider(browser, '/api/patient/sign-in', citizen.login, citizen.password);
    const { csrfToken } = JSON.parse((await browser.request('/api/patient/session')).body) as { csrfToken: string };
    const put = (path: string, body: unknown, token = csrfToken) =>
      fetch(new URL(path, base), { method: 'PUT', headers: { cookie: browser.jar.header(new URL(base)), 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify(body) });

    const initial = JSON.parse((await browser.request('/api/patient/choices')).body) as MyChoices;
    expect(initial.sharing.choice).toBe('all-partners');
    expect(initial.nationalDataOptOut.optedOut).toBe(false);

    expect((await put('/api/patient/choices/sharing', { choice: 'everyone-forever' })).status).toBe(400);
    expect((await put('/api/patient/choices/sharing', { choice: 'gp-and-treating' }, 'wrong-token')).status).toBe(403);
    const first = await put('/api/patient/choices/sharing', { choice: 'gp-and-treating' });
    expect(first.status).toBe(200);
    const second = (await (await put('/api/patient/choices/sharing', { choice: 'recording-organisation' })).json()) as MyChoices;
    expect(second.sharing.choice).toBe('recording-organisation');

    const consents = (await platform.record.search(systemContext(), 'Consent', [['patient', `Patient/${patientId}`]])).matches as Consent[];
    const sharing = consents.filter((c) => c.scope?.coding?.[0]?.code === 'patient-privacy');
    expect(sharing.map((c) => [c.status, c.policyRule?.coding?.[0]?.code]).sort()).toEqual([
      ['active', 'recording-organisation'],
      ['inactive', 'gp-and-treating'],
    ]);
    const active = sharing.find((c) => c.status === 'active')!;
    expect(active.scope?.coding?.[0]?.system).toBe(CONSENT_SCOPE_SYSTEM);
    expect(active.category?.[0]?.coding?.[0]?.code).toBe('59284-0');
    expect(active.patient?.reference).toBe(`Patient/${patientId}`);
    expect(active.policyRule?.coding?.[0]?.system).toBe(SHARING_CHOICE_SYSTEM);

    const optedOut = (await (await put('/api/patient/choices/national-data-opt-out', { optedOut: true })).json()) as MyChoices;
    expect(optedOut.nationalDataOptOut.optedOut).toBe(true);
    const optOuts = () =>
      platform.record
        .search(systemContext(), 'Consent', [['patient', `Patient/${patientId}`]])
        .then((r) => (r.matches as Consent[]).filter((c) => c.policyRule?.coding?.[0]?.system === DATA_OPT_OUT_SYSTEM));
    const [optOut] = await optOuts();
    expect([optOut.status, optOut.scope?.coding?.[0]?.code, optOut.provision?.type, optOut.policyRule?.coding?.[0]?.code]).toEqual(['active', 'research', 'deny', 'national-data-opt-out']);
    const withdrawn = (await (await put('/api/patient/choices/national-data-opt-out', { optedOut: false })).json()) as MyChoices;
    expect(withdrawn.nationalDataOptOut.optedOut).toBe(false);
    expect((await optOuts()).map((c) => c.status)).toEqual(['inactive']);
  });

  it('ends the session after 30 minutes without a request', async () => {
    const citizen = identities.citizens[0];
    const browser = new Browserless(base);
    await signInThroughProvider(browser, '/api/patient/sign-in', citizen.login, citizen.password);
    expect((await browser.request('/api/patient/session')).status).toBe(200);
    await platform.sql.query(`UPDATE identity_patient_session SET last_seen_at = now() - interval '29 minutes' WHERE patient_id = $1`, [patientId]);
    expect((await browser.request('/api/patient/session')).status).toBe(200);
    await platform.sql.query(`UPDATE identity_patient_session SET last_seen_at = now() - interval '31 minutes' WHERE patient_id = $1`, [patientId]);
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
