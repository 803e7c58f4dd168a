import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutcome, Patient } from '@footprint/fhir';
import { createClient } from '../src/auth/clients';
import { FHIR_JSON, startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

/**
 * The probe's input and write defects over HTTP (issue 10 §3): a NUL in a search value, a body, an
 * id or a Bundle is a 400 (or 404) OperationOutcome, never a 500; an unsafe narrative is refused;
 * and a partner system cannot change another organisation's resources, through any route.
 */
describe.each(storageKinds)('hardened FHIR input and writes on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    auth = { authorization: `Bearer ${await server.token()}`, ...FHIR_JSON };
  });
  afterAll(async () => server?.close());

  async function expectOutcome(request: InjectOptions, status: number, pattern: RegExp): Promise<void> {
    const response = await server.app.inject(request);
    expect(response.statusCode, response.body).toBe(status);
    const outcome = response.json() as OperationOutcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue.map((i) => i.diagnostics ?? '').join(' ')).toMatch(pattern);
  }

  /** A token for a partner system of `organisation` with every scope. */
  async function tokenFor(organisation: string): Promise<Record<string, string>> {
    const { client, secret } = await createClient(server.platform.sql, { name: `partner ${organisation}`, organisation, scopes: ['system/*.cruds'], purpose: 'TREAT' });
    const response = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } });
    return { authorization: `Bearer ${(response.json() as { access_token: string }).access_token}`, ...FHIR_JSON };
  }

  it('answers a NUL in a search value, a parameter name or an id with a 4xx OperationOutcome', async () => {
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient?family=Smi%00th', headers: auth }, 400, /control character/);
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C%00', headers: auth }, 400, /control character/);
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient?fam%00ily=x', headers: auth }, 400, /control character/);
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient/_search', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=a%00b' }, 400, /control character/);
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient/abc%00', headers: auth }, 404, /not known/);
    await expectOutcome({ method: 'DELETE', url: '/fhir/R4/Patient/abc%00', headers: auth }, 404, /not known/);
  });

  it('answers a NUL in a body or a Bundle with a 400 naming where it is', async () => {
    const nul = '{"resourceType":"Patient","name":[{"family":"Smi\\u0000th"}]}';
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient', headers: auth, payload: nul }, 400, /control character.*name\[0\]\.family/);
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient', headers: auth, payload: '{"resourceType":"Patient","gender":"fe\\u0000male"}' }, 400, /control character/);
    const bundle = `{"resourceType":"Bundle","type":"transaction","entry":[{"resource":${nul},"request":{"method":"POST","url":"Patient"}}]}`;
    await expectOutcome({ method: 'POST', url: '/fhir/R4', headers: auth, payload: bundle }, 400, /control character/);
  });

  it('refuses a narrative that would run in a partner system', async () => {
    const div = '<div xmlns="http://www.w3.org/1999/xhtml"><p onmouseover="steal()">Hello</p><script>steal()</script></div>';
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient', headers: auth, payload: { resourceType: 'Patient', text: { status: 'generated', div } } }, 400, /txt-1/);
  });

  it("refuses another organisation's update, conditional update and delete, and stamps provenance from the token", async () => {
    const [trust, practice] = [await tokenFor('Organization/hard-trust'), await tokenFor('Organization/hard-practice')];
    const nhs = testNhsNumber(4242);
    const body = { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs }], meta: { source: 'https://evil.example' } };
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: trust, payload: body });
    expect(created.statusCode).toBe(201);
    const patient = created.json() as Patient;
    expect(patient.meta?.source).toMatch(/^https:\/\/footprint\.nhs\.uk\/Id\/principal\/client\//);
    expect(JSON.stringify(patient.meta)).toContain('Organization/hard-trust');
    await expectOutcome({ method: 'PUT', url: `/fhir/R4/Patient/${patient.id}`, headers: practice, payload: { ...patient, gender: 'male' } }, 403, /contributed by another organisation/);
    await expectOutcome(
      { method: 'PUT', url: `/fhir/R4/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C${nhs}`, headers: practice, payload: { ...patient, gender: 'male' } },
      403,
      /contributed by another organisation/,
    );
    await expectOutcome({ method: 'DELETE', url: `/fhir/R4/Patient/${patient.id}`, headers: practice }, 403, /contributed by another organisation/);
    await expectOutcome({ method: 'DELETE', url: `/fhir/R4/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C${nhs}`, headers: practice }, 403, /contributed by another organisation/);
    const read = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${patient.id}`, headers: trust })).json() as Patient;
    expect(read.meta?.versionId).toBe('1');
    const own = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Patient/${patient.id}`, headers: trust, payload: { ...patient, gender: 'female' } });
    expect(own.statusCode).toBe(200);
  });
});
