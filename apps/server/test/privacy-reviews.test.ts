import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, Patient } from '@footprint/fhir';
import { CONSENT_SCOPE_SYSTEM, SHARING_CHOICE_SYSTEM, systemContext } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

/** The web API's break-glass (from the care record) and the privacy officer's reviews, problem+json on bad input. */
describe.each(storageKinds)('break-glass and privacy reviews in the web API on %s', (kind) => {
  let server: TestServer;
  let patientId: string;
  const nhsNumber = testNhsNumber(5151);

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { platform } = server;
    const ctx = systemContext();
    const org = async (name: string, code: string) =>
      (await platform.record.create<Organization>(ctx, { resourceType: 'Organization', name, identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: code }] })).resource;
    const practice = await org('Riverside Surgery', 'N81001');
    const trust = await org('Countess Hospital NHS Trust', 'RJR');
    const atPractice = { ...ctx, organisation: { reference: `Organization/${practice.id}` } };
    patientId = (await platform.record.create<Patient>(atPractice, { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber }], name: [{ family: 'Private' }] })).resource.id!;
    await platform.record.create(atPractice, {
      resourceType: 'Consent',
      status: 'active',
      scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: `Patient/${patientId}` },
      policyRule: { coding: [{ system: SHARING_CHOICE_SYSTEM, code: 'recording-organisation' }] },
    });
    const atTrust = { code: 'RJR', name: trust.name!, reference: `Organization/${trust.id}` };
    await upsertUser(platform.sql, { username: 'doctor', role: 'hospital_clinician', displayName: 'Dr Who', password: 'doctor password', organisation: atTrust });
    await upsertUser(platform.sql, { username: 'officer', role: 'privacy_officer', displayName: 'Pat Officer', password: 'officer password', organisation: atTrust });
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string) {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const call = async (who: { cookie: string; csrf: string }, method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload ? { payload } : {}) });

  it('refuses the record with an explanation, then breaks glass and shows it under emergency access', async () => {
    const doctor = await signIn('doctor', 'doctor password');
    const refused = await call(doctor, 'GET', `/api/care-record/patients/${patientId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ title: 'No care relationship' });
    expect((await call(doctor, 'GET', '/api/care-record/patients/no-such-person')).json()).toMatchObject({ status: 403, title: 'No care relationship' });

    const bad = await call(doctor, 'POST', `/api/care-record/patients/${patientId}/break-glass`, { reason: 'nosy', explanation: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ title: 'Choose a reason' });
    expect((await call(doctor, 'POST', '/api/care-record/break-glass', { nhsNumber: '123', reason: 'emergency', explanation: 'x' })).statusCode).toBe(400);

    const granted = await call(doctor, 'POST', '/api/care-record/break-glass', { nhsNumber, reason: 'emergency', explanation: 'Arrived by ambulance' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ patientId, overridesDissent: true });
    const shown = await call(doctor, 'GET', `/api/care-record/patients/${patientId}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().emergencyAccess).toMatchObject({ overridesDissent: true });
  });

  it('gives the privacy officer the queue without the person, then the NHS number on opening, and the workflow', async () => {
    const doctor = await signIn('doctor', 'doctor password');
    expect((await call(doctor, 'GET', '/api/privacy/reviews')).statusCode).toBe(403);
    const officer = await signIn('officer', 'officer password');
    expect((await call(officer, 'GET', '/api/privacy/reviews?status=pending')).json()).toMatchObject({ status: 400, title: 'Invalid status' });
    const queue = await call(officer, 'GET', '/api/privacy/reviews?status=open');
    const [item] = queue.json().reviews;
    expect(item).toMatchObject({ user: { name: 'Dr Who', roleLabel: 'Hospital clinician' }, organisation: { name: 'Countess Hospital NHS Trust' }, reasonLabel: 'Emergency care', overridesDissent: true, status: 'open' });
    expect(queue.body).not.toContain(nhsNumber);
    expect(queue.body).not.toContain(patientId);

    expect((await call(officer, 'GET', '/api/privacy/reviews/not-a-uuid')).statusCode).toBe(400);
    expect((await call(officer, 'GET', '/api/privacy/reviews/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await call(officer, 'GET', `/api/privacy/reviews/${item.id}`)).json().person).toEqual({ nhsNumber });
    const noNote = await call(officer, 'POST', `/api/privacy/reviews/${item.id}/review`, { outcome: 'appropriate', note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.headers['content-type']).toContain('application/problem+json');
    const early = await call(officer, 'POST', `/api/privacy/reviews/${item.id}/close`);
    expect(early.statusCode).toBe(409);
    const reviewed = await call(officer, 'POST', `/api/privacy/reviews/${item.id}/review`, { outcome: 'inappropriate', note: 'No attendance on record' });
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', review: { outcome: 'inappropriate', reviewedBy: 'Pat Officer' } });
    expect((await call(officer, 'POST', `/api/privacy/reviews/${item.id}/close`)).json()).toMatchObject({ status: 'closed', review: { closedBy: 'Pat Officer' } });
    expect((await call(officer, 'GET', '/api/privacy/reviews?status=closed')).json().reviews).toHaveLength(1);
  });
});
