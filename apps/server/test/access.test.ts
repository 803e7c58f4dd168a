import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, OperationOutcome } from '@footprint/fhir';
import { FHIR_JSON, startTestServer, storageKinds, type TestServer } from './support';

/** The FHIR routes map requests to record calls; these refusals come from the record's AccessPolicy. */
describe.each(storageKinds)('the record decides access behind the FHIR API on %s', (kind) => {
  let server: TestServer;
  let patientsOnly: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    patientsOnly = { authorization: `Bearer ${await server.token(['system/Patient.cruds'])}` };
  });
  afterAll(async () => server?.close());

  const diagnostics = (body: unknown): string => (body as OperationOutcome).issue.map((i) => i.diagnostics ?? '').join(' ');

  /** A Bundle creating a Patient (allowed) and then an Observation (refused). */
  const postPatientThenObservation = (type: 'batch' | 'transaction', family: string) =>
    server.app.inject({
      method: 'POST',
      url: '/fhir/R4',
      headers: { ...patientsOnly, ...FHIR_JSON },
      payload: {
        resourceType: 'Bundle',
        type,
        entry: [
          { resource: { resourceType: 'Patient', name: [{ family }] }, request: { method: 'POST', url: 'Patient' } },
          { resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' } }, request: { method: 'POST', url: 'Observation' } },
        ],
      },
    });

  it('says which scope is missing', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/fhir/R4/Observation?code=x', headers: patientsOnly });
    expect(response.statusCode).toBe(403);
    expect((response.json() as OperationOutcome).issue[0].code).toBe('forbidden');
    expect(diagnostics(response.json())).toMatch(/search on Observation \(needs e\.g\. system\/Observation\.s\)/);
  });

  it('refuses system history without a wildcard search scope, and allows type history', async () => {
    const system = await server.app.inject({ method: 'GET', url: '/fhir/R4/_history', headers: patientsOnly });
    expect(system.statusCode).toBe(403);
    expect(diagnostics(system.json())).toMatch(/wildcard search scope/);
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient/_history', headers: patientsOnly })).statusCode).toBe(200);
  });

  it('refuses a transaction with one refused entry whole, writing nothing', async () => {
    const family = `Atomic${Date.now()}`;
    const response = await postPatientThenObservation('transaction', family);
    expect(response.statusCode).toBe(403);
    expect(diagnostics(response.json())).toMatch(/Bundle\.entry\[1\]/);
    const search = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient?family=${family}&_total=accurate`, headers: patientsOnly });
    expect((search.json() as Bundle).total).toBe(0);
  });

  it('refuses only the refused entry of a batch', async () => {
    const response = await postPatientThenObservation('batch', 'Batch');
    expect(response.statusCode).toBe(200);
    const entries = (response.json() as Bundle).entry ?? [];
    expect(entries.map((e) => e.response?.status)).toEqual(['201 Created', '403 Forbidden']);
  });

  it('bulk export of a type needs a system scope for it', async () => {
    const asked = await server.app.inject({ method: 'GET', url: '/fhir/R4/$export?_type=Observation', headers: { ...patientsOnly, prefer: 'respond-async' } });
    expect(asked.statusCode).toBe(403);
    expect(diagnostics(asked.json())).toMatch(/system\/Observation\.rs/);
    const patients = await server.app.inject({ method: 'GET', url: '/fhir/R4/$export?_type=Patient', headers: { ...patientsOnly, prefer: 'respond-async' } });
    expect(patients.statusCode).toBe(202);
  });
});
