import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityStatement } from '@footprint/fhir';
import { resourceTypes } from '@footprint/fhir';
import { startTestServer, type TestServer } from './support';

describe('CapabilityStatement', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => server?.close());

  it('lists every R4 type with its search parameters, interactions, operations and SMART security', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(response.statusCode).toBe(200);
    const capability = response.json() as CapabilityStatement;
    expect(capability.fhirVersion).toBe('4.0.1');
    const rest = capability.rest![0];
    expect(rest.resource?.map((r) => r.type).sort()).toEqual(resourceTypes());
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
});
