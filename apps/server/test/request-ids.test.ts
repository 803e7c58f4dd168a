import type { AuditEvent } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { FHIR_JSON, startTestServer, storageKinds, type TestServer } from './support';

const REQUEST_ID = 'https://footprint.nhs.uk/StructureDefinition/request-id';
const CLIENT_REQUEST_ID = 'https://footprint.nhs.uk/StructureDefinition/client-request-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Issue 10, "Request ids": the server generates every request id; a client's X-Request-Id is recorded beside it, never as it. */
describe.each(storageKinds)('request ids in the audit trail on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    auth = { authorization: `Bearer ${await server.token()}` };
  });
  afterAll(async () => server?.close());

  /** The AuditEvents of reads of this Patient, as the platform reads them. */
  async function auditsOfRead(patientId: string): Promise<AuditEvent[]> {
    const { matches } = await server.platform.record.search(systemContext(), 'AuditEvent', [['entity', `Patient/${patientId}`], ['_count', '100']]);
    return (matches as AuditEvent[]).filter((a) => a.subtype?.some((s) => s.code === 'read'));
  }
  const extension = (audit: AuditEvent, url: string) => audit.extension?.find((x) => x.url === url)?.valueString;

  it('audits our generated id, and the client’s X-Request-Id separately', async () => {
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: JSON.stringify({ resourceType: 'Patient', gender: 'unknown' }) });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: string }).id;
    for (let i = 0; i < 2; i++) {
      const read = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${id}`, headers: { ...auth, 'x-request-id': 'partner-chosen-id-1' } });
      expect(read.statusCode).toBe(200);
    }
    await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${id}`, headers: { ...auth, 'x-request-id': `bad id with spaces and ${'x'.repeat(300)}` } });

    const audits = await auditsOfRead(id);
    expect(audits).toHaveLength(3);
    const ours = audits.map((a) => extension(a, REQUEST_ID));
    for (const value of ours) expect(value).toMatch(UUID);
    expect(new Set(ours).size).toBe(3);
    expect(audits.map((a) => extension(a, CLIENT_REQUEST_ID)).sort()).toEqual(['partner-chosen-id-1', 'partner-chosen-id-1', undefined]);
  });
});
