import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityStatement, OperationOutcome } from '@footprint/fhir';
import { resourceTypes } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { FHIR_JSON, startTestServer, type TestServer } from './support';

describe('CapabilityStatement', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => server?.close());

  it('lists every stored R4 type with its search parameters, interactions, operations and SMART security', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(response.statusCode).toBe(200);
    const capability = response.json() as CapabilityStatement;
    expect(capability.fhirVersion).toBe('4.0.1');
    const rest = capability.rest![0];
    // Parameters is never persisted in R4, so it is not offered as a resource.
    expect(rest.resource?.map((r) => r.type).sort()).toEqual(resourceTypes().filter((t) => t !== 'Parameters'));
    const patient = rest.resource!.find((r) => r.type === 'Patient')!;
    expect(patient.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['identifier', 'family', 'birthdate', '_id', '_lastUpdated']));
    expect(patient.interaction?.map((i) => i.code)).toEqual(expect.arrayContaining(['read', 'vread', 'create', 'update', 'delete', 'search-type', 'history-instance']));
    expect(patient.operation?.map((o) => o.name)).toEqual(expect.arrayContaining(['everything', 'export', 'validate']));
    const observation = rest.resource!.find((r) => r.type === 'Observation')!;
    expect(observation.searchParam?.find((p) => p.name === 'value-quantity')?.type).toBe('quantity');
    expect(observation.searchParam?.some((p) => p.name === 'code-value-quantity')).toBe(false);
    expect(rest.interaction?.map((i) => i.code)).toEqual(expect.arrayContaining(['transaction', 'batch']));
    expect(rest.security?.service?.[0].coding?.[0].code).toBe('SMART-on-FHIR');
    expect(JSON.stringify(rest.security)).toMatch(/\/oauth\/token/);
  });

  it('passes the server’s own $validate with no errors or warnings', async () => {
    const metadata = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    const token = await server.token();
    const response = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/CapabilityStatement/$validate',
      headers: { ...FHIR_JSON, authorization: `Bearer ${token}` },
      payload: metadata.body,
    });
    expect(response.statusCode).toBe(200);
    const issues = (response.json() as OperationOutcome).issue ?? [];
    expect(issues.filter((i) => i.severity === 'error' || i.severity === 'fatal' || i.severity === 'warning')).toEqual([]);
    // Common parameters carry their R4 canonical, and FHIR's no-empty-values rule holds throughout.
    const capability = metadata.json() as CapabilityStatement;
    const patient = capability.rest![0].resource!.find((r) => r.type === 'Patient')!;
    expect(patient.searchParam?.find((p) => p.name === '_id')?.definition).toBe('http://hl7.org/fhir/SearchParameter/Resource-id');
    expect(patient.searchParam?.find((p) => p.name === '_lastUpdated')?.definition).toBe('http://hl7.org/fhir/SearchParameter/Resource-lastUpdated');
    expect(metadata.body).not.toMatch(/:""|:\[\]|:\{\}/);
  });

  it('lists exactly the 146 R4 resource types less Parameters, and no R4B type', async () => {
    expect(resourceTypes()).toHaveLength(146);
    expect(resourceTypes()).not.toContain('SubscriptionStatus');
    const capability = (await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' })).json() as CapabilityStatement;
    const types = capability.rest![0].resource!.map((r) => r.type as string);
    expect(types).toHaveLength(145);
    expect(types).not.toContain('Parameters');
    expect(types).not.toContain('SubscriptionStatus');
    const token = await server.token();
    const post = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/SubscriptionStatus',
      headers: { ...FHIR_JSON, authorization: `Bearer ${token}` },
      payload: { resourceType: 'SubscriptionStatus', status: 'active', type: 'heartbeat', subscription: { reference: 'Subscription/x' } },
    });
    expect(post.statusCode).toBe(404);
  });

  it('advertises only read, vread and search on AuditEvent; partner systems are refused them (403), and writes are 405 with Allow', async () => {
    const capability = (await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' })).json() as CapabilityStatement;
    const audit = capability.rest![0].resource!.find((r) => r.type === 'AuditEvent')!;
    expect(audit.interaction?.map((i) => i.code).sort()).toEqual(['read', 'search-type', 'vread']);
    expect(audit.conditionalCreate).toBeUndefined();
    expect(audit.updateCreate).toBeUndefined();
    const headers = { ...FHIR_JSON, authorization: `Bearer ${await server.token()}` };

    // Something to audit; the AuditEvent it produced, as the platform reads it.
    await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers, payload: { resourceType: 'Patient', name: [{ family: 'Audited' }] } });
    const event = (await server.platform.record.search(systemContext(), 'AuditEvent', [['_count', '1']])).matches[0];
    expect(event?.resourceType).toBe('AuditEvent');
    const byInteraction: Record<string, string> = {
      read: `/fhir/R4/AuditEvent/${event!.id}`,
      vread: `/fhir/R4/AuditEvent/${event!.id}/_history/${event!.meta?.versionId ?? '1'}`,
      'search-type': '/fhir/R4/AuditEvent',
    };
    // Who looked at whom is for privacy officers and each person (their own), never a partner system, even with system/*.cruds.
    for (const { code } of audit.interaction!) {
      const response = await server.app.inject({ method: 'GET', url: byInteraction[code], headers });
      expect(response.statusCode, code).toBe(403);
      expect((response.json() as OperationOutcome).issue?.[0]?.code).toBe('forbidden');
    }

    const writes = [
      { method: 'POST' as const, url: '/fhir/R4/AuditEvent', payload: event },
      { method: 'PUT' as const, url: `/fhir/R4/AuditEvent/${event!.id}`, payload: event },
      { method: 'DELETE' as const, url: `/fhir/R4/AuditEvent/${event!.id}` },
      { method: 'DELETE' as const, url: '/fhir/R4/AuditEvent?_id=x' },
    ];
    for (const write of writes) {
      const response = await server.app.inject({ ...write, headers });
      expect(response.statusCode, `${write.method} ${write.url}`).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect((response.json() as OperationOutcome).issue?.[0]?.code).toBe('not-supported');
    }
    expect((await server.platform.record.read(systemContext(), 'AuditEvent', event!.id!)).id).toBe(event!.id);
    // AuditEvents have one version each and no history.
    const history = await server.app.inject({ method: 'GET', url: `/fhir/R4/AuditEvent/${event!.id}/_history`, headers });
    expect(history.statusCode).toBe(405);
    expect(history.headers.allow).toBe('');
  });

  it('refuses to store Parameters, which R4 defines as never persisted (405), in a transaction too', async () => {
    const headers = { ...FHIR_JSON, authorization: `Bearer ${await server.token()}` };
    const parameters = { resourceType: 'Parameters', id: 'p1', parameter: [{ name: 'x', valueString: 'y' }] };
    const post = await server.app.inject({ method: 'POST', url: '/fhir/R4/Parameters', headers, payload: parameters });
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('');
    expect((post.json() as OperationOutcome).issue?.[0]?.diagnostics).toMatch(/not a persisted resource/);
    const put = await server.app.inject({ method: 'PUT', url: '/fhir/R4/Parameters/p1', headers, payload: parameters });
    expect(put.statusCode).toBe(405);
    const read = await server.app.inject({ method: 'GET', url: '/fhir/R4/Parameters/p1', headers });
    expect(read.statusCode).toBe(405);
    const transaction = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4',
      headers,
      payload: { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: parameters, request: { method: 'POST', url: 'Parameters' } }] },
    });
    expect(transaction.statusCode).toBe(405);
    // Parameters can still be checked with $validate, which stores nothing.
    const validate = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Parameters/$validate',
      headers,
      payload: { resourceType: 'Parameters', parameter: [{ name: 'resource', resource: parameters }] },
    });
    expect(validate.statusCode).toBe(200);
  });
});
