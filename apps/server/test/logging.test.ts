import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../src/logging';
import { FHIR_JSON, startTestServer, testNhsNumber, type TestServer } from './support';

/** Request logs must never carry bodies, query strings (names, NHS numbers) or credentials. */
describe('request logging', () => {
  let server: TestServer;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    server = await startTestServer('pglite', { logger: { ...(loggerOptions('info') as object), stream } });
  });
  afterAll(async () => server?.close());

  it('logs method, route pattern and status only', async () => {
    const token = await server.token();
    const nhs = testNhsNumber(4242);
    const created = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Patient',
      headers: { authorization: `Bearer ${token}`, ...FHIR_JSON },
      payload: { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs }], name: [{ family: 'Featherstonehaugh' }] },
    });
    expect(created.statusCode).toBe(201);
    const searched = await server.app.inject({
      method: 'GET',
      url: `/fhir/R4/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|${nhs}&family=Featherstonehaugh`,
      headers: { authorization: `Bearer ${token}`, cookie: 'footprint_session=secret-cookie' },
    });
    expect(searched.statusCode).toBe(200);
    const log = lines.join('');
    expect(log).toContain('"route":"/fhir/R4/:type"');
    expect(log).toContain('"statusCode":201');
    expect(log).not.toContain('incoming request');
    expect(log).not.toContain(nhs);
    expect(log).not.toContain('Featherstonehaugh');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]);
    expect(log).not.toContain('secret-cookie');
  });
});
