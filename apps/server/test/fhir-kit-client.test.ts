import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'fhir-kit-client';
import type { Bundle, Patient } from '@footprint/fhir';
import { startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

/**
 * Drives the API with an independent FHIR client library over a real TCP port: what a partner
 * system's integration would do, with no knowledge of our code.
 */
describe.each(storageKinds)('the API through fhir-kit-client on %s', (kind) => {
  let server: TestServer;
  let client: InstanceType<typeof Client>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    client = new Client({ baseUrl: `http://127.0.0.1:${port}/fhir/R4`, bearerToken: await server.token() });
  });
  afterAll(async () => server?.close());

  it('reads the CapabilityStatement', async () => {
    const capability = await client.capabilityStatement();
    expect(capability.resourceType).toBe('CapabilityStatement');
  });

  it('creates, reads, updates, searches, reads history and deletes', async () => {
    const created = (await client.create({
      resourceType: 'Patient',
      body: { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(9001) }], name: [{ family: 'Kitclient', given: ['Jo'] }] },
    })) as unknown as Patient;
    expect(created.id).toBeTruthy();

    const read = (await client.read({ resourceType: 'Patient', id: created.id! })) as unknown as Patient;
    expect(read.name?.[0].family).toBe('Kitclient');

    const updated = (await client.update({ resourceType: 'Patient', id: created.id!, body: { ...read, gender: 'female' } })) as unknown as Patient;
    expect(updated.meta?.versionId).toBe('2');

    const found = (await client.search({ resourceType: 'Patient', searchParams: { family: 'Kitclient', _count: '10' } })) as unknown as Bundle<Patient>;
    expect(found.entry?.map((e) => e.resource?.id)).toEqual([created.id]);

    const history = (await client.history({ resourceType: 'Patient', id: created.id! })) as unknown as Bundle;
    expect(history.type).toBe('history');
    expect(history.entry).toHaveLength(2);

    const v1 = (await client.vread({ resourceType: 'Patient', id: created.id!, version: '1' })) as unknown as Patient;
    expect(v1.gender).toBeUndefined();

    await client.delete({ resourceType: 'Patient', id: created.id! });
    await expect(client.read({ resourceType: 'Patient', id: created.id! })).rejects.toMatchObject({ response: { status: 410 } });
  });

  it('pages search results with nextPage', async () => {
    for (let i = 0; i < 3; i++) {
      await client.create({ resourceType: 'Patient', body: { resourceType: 'Patient', name: [{ family: 'Kitpager' }] } });
    }
    const first = (await client.search({ resourceType: 'Patient', searchParams: { family: 'Kitpager', _count: '2' } })) as unknown as Bundle;
    expect(first.entry).toHaveLength(2);
    const second = (await client.nextPage({ bundle: first as never })) as unknown as Bundle;
    expect(second.entry).toHaveLength(1);
  });

  it('posts a transaction', async () => {
    const response = (await client.transaction({
      body: {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:0b6a3a1e-2d2c-4c9e-8f61-1b1b1b1b1b1b', resource: { resourceType: 'Patient', name: [{ family: 'Kittransaction' }] }, request: { method: 'POST', url: 'Patient' } },
          {
            resource: { resourceType: 'Encounter', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' }, subject: { reference: 'urn:uuid:0b6a3a1e-2d2c-4c9e-8f61-1b1b1b1b1b1b' } },
            request: { method: 'POST', url: 'Encounter' },
          },
        ],
      },
    })) as unknown as Bundle;
    expect(response.type).toBe('transaction-response');
    expect(response.entry?.map((e) => e.response?.status.slice(0, 3))).toEqual(['201', '201']);
  });
});
