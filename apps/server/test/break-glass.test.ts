import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeSystem, OperationOutcome, Parameters, Patient, ValueSet } from '@footprint/fhir';
import { BREAK_GLASS_REASON_SYSTEM, CONSENT_SCOPE_SYSTEM, SHARING_CHOICE_SYSTEM, staffAccess, type StaffRole } from '@footprint/record';
import { FHIR_JSON, startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

const HOSPITAL = { reference: 'Organization/hospital', odsCode: 'RXX' };

describe.each(storageKinds)('Patient/$break-glass on %s', (kind) => {
  let server: TestServer;
  let patient: Patient;

  const asStaff = async (role: StaffRole, id: string) => {
    const token = await server.staffToken(id, role, HOSPITAL, staffAccess(role, HOSPITAL).scopes);
    return { authorization: `Bearer ${token}` };
  };
  const breakGlass = (headers: Record<string, string>, payload: unknown, id = patient.id) =>
    server.app.inject({ method: 'POST', url: `/fhir/R4/Patient/${id}/$break-glass`, headers: { ...headers, ...FHIR_JSON }, payload: payload as object });
  const good: Parameters = {
    resourceType: 'Parameters',
    parameter: [
      { name: 'reason', valueCoding: { system: BREAK_GLASS_REASON_SYSTEM, code: 'emergency' } },
      { name: 'explanation', valueString: 'Brought in unconscious' },
    ],
  };
  const grants = async () => Number(((await server.platform.sql.query<{ n: string }>('SELECT count(*) AS n FROM break_glass_grant')).rows[0]).n);
  const diagnostics = (body: unknown) => (body as OperationOutcome).issue[0].diagnostics ?? '';

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = { authorization: `Bearer ${await server.token()}`, ...FHIR_JSON };
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: admin, payload: { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(4242) }] } });
    patient = created.json() as Patient;
    // The person shares only with the organisation that recorded each item: the hospital recorded nothing.
    const consent = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Consent',
      headers: admin,
      payload: {
        resourceType: 'Consent',
        status: 'active',
        scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy' }] },
        category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
        patient: { reference: `Patient/${patient.id}` },
        policyRule: { coding: [{ system: SHARING_CHOICE_SYSTEM, code: 'recording-organisation' }] },
      },
    });
    expect(consent.statusCode).toBe(201);
  });
  afterAll(async () => server?.close());

  it('publishes the reasons as a CodeSystem and ValueSet at their canonical URL', async () => {
    const codeSystem = (await server.app.inject({ method: 'GET', url: '/fhir/R4/CodeSystem/break-glass-reason' })).json() as CodeSystem;
    expect(codeSystem.url).toBe(BREAK_GLASS_REASON_SYSTEM);
    expect(codeSystem.concept?.map((c) => c.code)).toEqual(['emergency', 'person-asked', 'safeguarding', 'other']);
    const valueSet = (await server.app.inject({ method: 'GET', url: '/fhir/R4/ValueSet/break-glass-reason' })).json() as ValueSet;
    expect(valueSet.compose?.include[0].system).toBe(BREAK_GLASS_REASON_SYSTEM);
  });

  it('answers bad Parameters with a 400 OperationOutcome naming the problem, writing nothing', async () => {
    const clinician = await asStaff('hospital_clinician', 'dr-a');
    const cases: Array<[unknown, RegExp]> = [
      [{ resourceType: 'Patient' }, /Parameters resource/],
      [{ resourceType: 'Parameters', parameter: [{ name: 'explanation', valueString: 'x' }] }, /reason parameter is required/],
      [{ resourceType: 'Parameters', parameter: [{ name: 'reason', valueCode: 'boredom' }, { name: 'explanation', valueString: 'x' }] }, /"boredom" is not a break-glass reason/],
      [{ resourceType: 'Parameters', parameter: [{ name: 'reason', valueCoding: { system: 'http://example.org', code: 'emergency' } }, { name: 'explanation', valueString: 'x' }] }, /must come from/],
      [{ resourceType: 'Parameters', parameter: [{ name: 'reason', valueCode: 'emergency' }] }, /explanation parameter/],
      [{ resourceType: 'Parameters', parameter: [{ name: 'reason', valueCode: 'emergency' }, { name: 'explanation', valueString: '   ' }] }, /explanation parameter/],
      [{ resourceType: 'Parameters', parameter: [{ name: 'reason', valueCode: 'emergency' }, { name: 'explanation', valueString: 'x' }, { name: 'hours', valueInteger: 99 }] }, /no parameter "hours"/],
    ];
    for (const [payload, message] of cases) {
      const response = await breakGlass(clinician, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect((response.json() as OperationOutcome).resourceType).toBe('OperationOutcome');
      expect(diagnostics(response.json())).toMatch(message);
    }
    expect(await grants()).toBe(0);
  });

  it('refuses anyone but a clinician with 403, and an unknown person with 404', async () => {
    expect((await breakGlass(await asStaff('analyst', 'an-a'), good)).statusCode).toBe(403);
    expect((await breakGlass(await asStaff('privacy_officer', 'po-a'), good)).statusCode).toBe(403);
    expect((await breakGlass({ authorization: `Bearer ${await server.token()}` }, good)).statusCode).toBe(403);
    expect((await breakGlass(await asStaff('hospital_clinician', 'dr-a'), good, 'nobody-here')).statusCode).toBe(404);
    expect(await grants()).toBe(0);
  });

  it('gives the clinician the record until the expiry it returns, marked as overriding a dissent', async () => {
    const clinician = await asStaff('hospital_clinician', 'dr-b');
    expect((await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${patient.id}`, headers: clinician })).statusCode).toBe(403);
    const response = await breakGlass(clinician, { resourceType: 'Parameters', parameter: [{ name: 'reason', valueCode: 'safeguarding' }, { name: 'explanation', valueString: 'Child protection referral' }] });
    expect(response.statusCode).toBe(200);
    const answer = response.json() as Parameters;
    const expires = answer.parameter?.find((p) => p.name === 'expires')?.valueInstant;
    expect((Date.parse(expires!) - Date.now()) / 3_600_000).toBeGreaterThan(3.9);
    expect(answer.parameter?.find((p) => p.name === 'overridesDissent')?.valueBoolean).toBe(true);
    const read = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${patient.id}`, headers: clinician });
    expect(read.statusCode).toBe(200);
    expect((read.json() as Patient).id).toBe(patient.id);
  });
});
