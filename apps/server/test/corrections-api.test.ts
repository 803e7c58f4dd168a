import type { AddressInfo } from 'node:net';
import type { Condition, Encounter, Organization, Patient } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { buildServer } from '../src/app';
import { upsertUser } from '../src/api/auth/users';
import type { CorrectionRequestView, StaffCorrectionsAnswer } from '../src/corrections/responses';
import { seedDemoIdentities, type DemoCitizen } from '../src/identity/demo-accounts';
import { Browserless, signInThroughProvider } from './identity/browserless';
import { openTestPlatform, storageKinds, testNhsNumber } from './support';

/** The correction request APIs: the person asks (/api/patient/corrections), staff of the organisation asked answer (/api/corrections). */
describe.each(storageKinds)('correction requests over the web APIs on %s', (kind) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let base: string;
  let citizen: DemoCitizen;
  let conditionId: string;
  let practiceRef: string;

  beforeAll(async () => {
    const opened = await openTestPlatform(kind);
    const { platform } = opened;
    const ctx = systemContext();
    const practice = await platform.record.create<Organization>(ctx, { resourceType: 'Organization', name: 'Riverside Surgery', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }] });
    const hospital = await platform.record.create<Organization>(ctx, { resourceType: 'Organization', name: 'Countess Hospital', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RJR' }] });
    practiceRef = `Organization/${practice.resource.id}`;
    for (const [n, family] of ['Ashworth', 'Bennett', 'Carter'].entries()) {
      const patient = await platform.record.create<Patient>(ctx, {
        resourceType: 'Patient',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(8100 + n * 7) }],
        name: [{ use: 'official', family, given: ['Sam'] }],
        birthDate: `195${n}-06-1${n}`,
        generalPractitioner: [{ reference: practiceRef }],
      });
      const encounter = await platform.record.create<Encounter>(ctx, {
        resourceType: 'Encounter',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: `Patient/${patient.resource.id}` },
        serviceProvider: { reference: `Organization/${hospital.resource.id}` },
        // A recent visit: the hospital is in a care relationship with the person (issue 9's policy).
        period: { start: new Date(Date.now() - 20 * 86_400_000).toISOString() },
      });
      const condition = await platform.record.create<Condition>(ctx, {
        resourceType: 'Condition',
        subject: { reference: `Patient/${patient.resource.id}` },
        code: { text: `Asthma of ${family}` },
        encounter: { reference: `Encounter/${encounter.resource.id}` },
        recordedDate: '2025-01-02',
      });
      if (n === 0) conditionId = condition.resource.id!;
    }
    await upsertUser(platform.sql, { username: 'hospital.doctor', displayName: 'Dr Hospital', role: 'hospital_clinician', password: 'a long test password 1', organisation: { code: 'RJR', name: 'Countess Hospital', reference: `Organization/${hospital.resource.id}` } });
    await upsertUser(platform.sql, { username: 'gp.doctor', displayName: 'Dr GP', role: 'gp_clinician', password: 'a long test password 2', organisation: { code: 'N81001', name: 'Riverside Surgery', reference: practiceRef } });
    await upsertUser(platform.sql, { username: 'analyst', displayName: 'An Analyst', role: 'analyst', password: 'a long test password 3', organisation: { code: 'RJR', name: 'Countess Hospital', reference: `Organization/${hospital.resource.id}` } });
    app = buildServer(platform, { logger: false, demoIdentityProvider: true, bootstrapAdministrator: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    citizen = (await seedDemoIdentities(platform)).citizens.find((c) => c.matchesRecord && c.name.endsWith('Ashworth'))!;
    close = async () => {
      await app.close();
      await opened.close();
    };
  });
  afterAll(async () => close?.());

  async function staffSession(username: string, password: string): Promise<{ browser: Browserless; csrf: string }> {
    const browser = new Browserless(base);
    const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(response.status).toBe(200);
    browser.jar.store(new URL(base), response.headers);
    return { browser, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
  }
  const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) });
  async function send(browser: Browserless, path: string, method: string, body: unknown, csrf?: string | null) {
    const url = new URL(path, base);
    const response = await fetch(url, { method, headers: { 'content-type': 'application/json', cookie: browser.jar.header(url), ...(csrf ? { 'x-csrf-token': csrf } : {}) }, body: json(body).body });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Record<string, unknown> };
  }

  it('lets the person ask the organisation that recorded the entry, refusing bad requests with a reason', async () => {
    const person = new Browserless(base);
    await signInThroughProvider(person, '/api/patient/sign-in', citizen.login, citizen.password);
    const session = JSON.parse((await person.request('/api/patient/session')).body) as { csrfToken: string };
    const ask = (body: unknown, csrf: string | null = session.csrfToken) => send(person, '/api/patient/corrections', 'POST', body, csrf);

    expect((await ask({ entry: `Condition/${conditionId}`, description: 'Never had it' }, null)).status).toBe(403);
    const empty = await ask({ entry: `Condition/${conditionId}`, description: '  ' });
    expect(empty).toMatchObject({ status: 400, body: { title: 'Say what is wrong' } });
    expect(empty.type).toContain('application/problem+json');
    expect((await ask({ entry: 'Organization/x', description: 'x' })).status).toBe(400);
    expect((await ask({ entry: 'Condition/made-up', description: 'x' })).status).toBe(404);
    expect((await ask({ entry: `Condition/${conditionId}`, description: 'x'.repeat(2001) })).status).toBe(400);

    const asked = await ask({ entry: `Condition/${conditionId}`, description: 'I have never had asthma' });
    expect(asked.status).toBe(201);
    const view = asked.body as unknown as CorrectionRequestView;
    expect(view).toMatchObject({ status: 'requested', description: 'I have never had asthma', organisation: { name: 'Countess Hospital' }, entry: { kind: 'Problem', display: 'Asthma of Ashworth' } });
    const mine = JSON.parse((await person.request('/api/patient/corrections')).body) as { requests: CorrectionRequestView[] };
    expect(mine.requests.map((r) => r.id)).toEqual([view.id]);
  });

  it('lets only staff of that organisation see and answer it, validated and with CSRF', async () => {
    const hospital = await staffSession('hospital.doctor', 'a long test password 1');
    const list = JSON.parse((await hospital.browser.request('/api/corrections')).body) as StaffCorrectionsAnswer;
    expect(list.open).toHaveLength(1);
    const open = list.open[0];
    expect(open).toMatchObject({ description: 'I have never had asthma', entry: { display: 'Asthma of Ashworth' }, person: { name: 'ASHWORTH, Sam' } });

    const gp = await staffSession('gp.doctor', 'a long test password 2');
    expect((JSON.parse((await gp.browser.request('/api/corrections')).body) as StaffCorrectionsAnswer).open).toEqual([]);
    expect((await send(gp.browser, `/api/corrections/${open.id}/answer`, 'POST', { outcome: 'rejected', note: 'No' }, gp.csrf)).status).toBe(404);
    const analyst = await staffSession('analyst', 'a long test password 3');
    expect((await analyst.browser.request('/api/corrections')).status).toBe(403);

    const answer = (body: unknown, csrf: string | null = hospital.csrf) => send(hospital.browser, `/api/corrections/${open.id}/answer`, 'POST', body, csrf);
    expect((await answer({ outcome: 'completed', note: 'Done' }, null)).status).toBe(403);
    expect(await answer({ outcome: 'maybe', note: 'Done' })).toMatchObject({ status: 400, body: { title: 'Choose an answer' } });
    expect(await answer({ outcome: 'completed', note: '' })).toMatchObject({ status: 400, body: { title: 'Write a note' } });
    expect((await send(hospital.browser, '/api/corrections/not..valid!/answer', 'POST', { outcome: 'completed', note: 'x' }, hospital.csrf)).status).toBe(400);

    const done = await answer({ outcome: 'rejected', note: 'Our records show it was diagnosed in clinic.' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'rejected', answer: { text: 'Our records show it was diagnosed in clinic.', by: 'Dr Hospital, Countess Hospital' } });
    expect((await answer({ outcome: 'completed', note: 'Changed my mind' })).status).toBe(409);

    // The person sees the answer.
    const person = new Browserless(base);
    await signInThroughProvider(person, '/api/patient/sign-in', citizen.login, citizen.password);
    const mine = JSON.parse((await person.request('/api/patient/corrections')).body) as { requests: CorrectionRequestView[] };
    expect(mine.requests[0]).toMatchObject({ status: 'rejected', answer: { text: 'Our records show it was diagnosed in clinic.' } });
    expect((await app.inject({ method: 'GET', url: '/api/patient/corrections' })).statusCode).toBe(401);
  });

  it('gives the person their record as a PDF, and nobody else', async () => {
    const person = new Browserless(base);
    await signInThroughProvider(person, '/api/patient/sign-in', citizen.login, citizen.password);
    const url = new URL('/api/patient/record/pdf', base);
    const response = await fetch(url, { headers: { cookie: person.jar.header(url) } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('my-health-record.pdf');
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('ASHWORTH, Sam');
    expect(text).toContain('Asthma of Ashworth');
    expect(text).not.toContain('Asthma of Bennett');
    expect((await fetch(url)).status).toBe(401);
  });
});
