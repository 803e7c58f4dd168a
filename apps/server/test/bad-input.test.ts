import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutcome } from '@footprint/fhir';
import { FHIR_JSON, startTestServer, storageKinds, type TestServer } from './support';

/** Every kind of bad input gets a 4xx OperationOutcome naming the problem; none may be a 5xx. */
describe.each(storageKinds)('bad input over HTTP on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind, { bodyLimit: 256 * 1024 });
    auth = { authorization: `Bearer ${await server.token()}` };
  });
  afterAll(async () => server?.close());

  async function expectOutcome(
    request: InjectOptions,
    status: number,
    pattern: RegExp,
    expression?: string,
  ): Promise<OperationOutcome> {
    const response = await server.app.inject(request);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/json/);
    const outcome = response.json() as OperationOutcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    const text = outcome.issue.map((i) => `${i.diagnostics ?? ''} ${i.details?.text ?? ''}`).join(' | ');
    expect(text).toMatch(pattern);
    if (expression) expect(outcome.issue.flatMap((i) => i.expression ?? [])).toContain(expression);
    return outcome;
  }

  it('rejects malformed JSON with its position', async () => {
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: '{"resourceType": "Patient", "name": [' }, 400, /Malformed JSON.*line 1/);
  });

  it('rejects a body whose resourceType differs from the URL', async () => {
    await expectOutcome(
      { method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' } }) },
      400,
      /Observation.*Patient/,
      'resourceType',
    );
    await expectOutcome(
      { method: 'PUT', url: '/fhir/R4/Patient/abc', headers: { ...auth, ...FHIR_JSON }, payload: JSON.stringify({ resourceType: 'Patient', id: 'xyz' }) },
      400,
      /does not match/,
      'id',
    );
  });

  it('rejects a bad NHS number, an invalid date and an invalid reference with the element path', async () => {
    await expectOutcome(
      {
        method: 'POST',
        url: '/fhir/R4/Patient',
        headers: { ...auth, ...FHIR_JSON },
        payload: JSON.stringify({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990000019' }] }),
      },
      400,
      /NHS number/i,
    );
    await expectOutcome(
      { method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: JSON.stringify({ resourceType: 'Patient', birthDate: '2023-02-30' }) },
      400,
      /date/i,
    );
    await expectOutcome(
      {
        method: 'POST',
        url: '/fhir/R4/Observation',
        headers: { ...auth, ...FHIR_JSON },
        payload: JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: 'not a reference!' } }),
      },
      400,
      /reference/i,
    );
  });

  it('rejects unknown search parameters under Prefer: handling=strict and warns under lenient', async () => {
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient?shoe-size=9', headers: { ...auth, prefer: 'handling=strict' } }, 400, /shoe-size/);
    const lenient = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient?shoe-size=9', headers: { ...auth, prefer: 'handling=lenient' } });
    expect(lenient.statusCode).toBe(200);
    expect(lenient.body).toMatch(/shoe-size/);
  });

  it('answers 413 for a body over the limit', async () => {
    const huge = JSON.stringify({ resourceType: 'Patient', text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${'x'.repeat(300 * 1024)}</div>` } });
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: huge }, 413, /larger than/);
  });

  it('answers 400 for nesting that is too deep', async () => {
    let deep = '{"url":"http://example.org/x","valueString":"x"}';
    for (let i = 0; i < 60; i++) deep = `{"url":"http://example.org/x","extension":[${deep}]}`;
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: `{"resourceType":"Patient","extension":[${deep}]}` }, 400, /nest|deep/i);
  });

  it('answers 415 for an unsupported media type', async () => {
    await expectOutcome({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, 'content-type': 'application/fhir+xml' }, payload: '<Patient/>' }, 415, /Content-Type/);
  });

  it('answers 406 when the client accepts only XML', async () => {
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient', headers: { ...auth, accept: 'application/fhir+xml' } }, 406, /fhir\+json/);
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient?_format=xml', headers: auth }, 406, /fhir\+json/);
    const browserLike = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { ...auth, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(browserLike.statusCode).toBe(200);
  });

  it('answers 404 for an unknown resource type and an unknown route', async () => {
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Pateint/1', headers: auth }, 404, /Unknown resource type "Pateint"/);
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Pateint', headers: auth }, 404, /Unknown resource type/);
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient/1/_history/1/extra', headers: auth }, 404, /No FHIR interaction/);
    await expectOutcome({ method: 'GET', url: '/fhir/R3/Patient', headers: auth }, 404, /FHIR R4 base/);
  });

  it('rejects a non-Bundle and a wrong Bundle type at the base URL', async () => {
    await expectOutcome({ method: 'POST', url: '/fhir/R4', headers: { ...auth, ...FHIR_JSON }, payload: JSON.stringify({ resourceType: 'Patient' }) }, 400, /Bundle/);
    await expectOutcome({ method: 'POST', url: '/fhir/R4', headers: { ...auth, ...FHIR_JSON }, payload: JSON.stringify({ resourceType: 'Bundle', type: 'collection' }) }, 400, /batch or transaction/, 'Bundle.type');
  });

  it('rejects bad paging parameters', async () => {
    await expectOutcome({ method: 'GET', url: '/fhir/R4/Patient/_history?_count=lots', headers: auth }, 400, /_count/);
    await expectOutcome({ method: 'GET', url: '/fhir/R4/_history?_since=yesterday', headers: auth }, 400, /_since/);
  });

  it('reports $validate findings as an OperationOutcome', async () => {
    const bad = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Patient/$validate',
      headers: { ...auth, ...FHIR_JSON },
      payload: JSON.stringify({ resourceType: 'Patient', birthDate: 'last tuesday' }),
    });
    expect(bad.statusCode).toBe(200);
    expect((bad.json() as OperationOutcome).issue.some((i) => i.severity === 'error')).toBe(true);
    const good = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Patient/$validate',
      headers: { ...auth, ...FHIR_JSON },
      payload: JSON.stringify({ resourceType: 'Parameters', parameter: [{ name: 'resource', resource: { resourceType: 'Patient', birthDate: '1980-05-01' } }] }),
    });
    expect(good.statusCode).toBe(200);
    expect((good.json() as OperationOutcome).issue.every((i) => i.severity === 'information')).toBe(true);
  });

  it('never answers odd requests with a 5xx', async () => {
    const odd: InjectOptions[] = [
      { method: 'GET', url: `/fhir/R4/Patient/${'x'.repeat(300)}` },
      { method: 'GET', url: '/fhir/R4/Patient/a%20b' },
      { method: 'GET', url: '/fhir/R4/Patient/..%2F..%2Fetc' },
      { method: 'GET', url: '/fhir/R4/Patient/1/_history/not-a-version' },
      { method: 'GET', url: '/fhir/R4/Patient?_cursor=garbage' },
      { method: 'GET', url: '/fhir/R4/Patient?_sort=shoe-size' },
      { method: 'GET', url: '/fhir/R4/Patient?_count=-1' },
      { method: 'GET', url: '/fhir/R4/Patient?birthdate=yesterday' },
      { method: 'GET', url: '/fhir/R4/Patient?_include=Nothing:nowhere' },
      { method: 'GET', url: '/fhir/R4/Patient/_history?_cursor=garbage' },
      { method: 'GET', url: '/fhir/R4/Patient/1/$everything?_cursor=garbage' },
      { method: 'GET', url: '/fhir/R4/Patient?name=%E0%A4%A' },
      { method: 'PUT', url: '/fhir/R4/Patient/1', headers: { ...FHIR_JSON, 'if-match': 'garbage' }, payload: '{"resourceType":"Patient","id":"1"}' },
      { method: 'POST', url: '/fhir/R4/Patient', headers: { ...FHIR_JSON, 'if-none-exist': 'shoe-size=9' }, payload: '{"resourceType":"Patient"}' },
      { method: 'POST', url: '/fhir/R4/Patient', headers: FHIR_JSON, payload: '' },
      { method: 'POST', url: '/fhir/R4/Patient', headers: FHIR_JSON, payload: '[]' },
      { method: 'POST', url: '/fhir/R4/Patient', headers: FHIR_JSON, payload: '"Patient"' },
      { method: 'POST', url: '/fhir/R4/Patient', headers: FHIR_JSON, payload: '{"resourceType":"Patient","name":"not an array"}' },
      { method: 'POST', url: '/fhir/R4/Patient', headers: FHIR_JSON, payload: '{"resourceType":"Patient","id":"bad id!"}' },
      { method: 'POST', url: '/fhir/R4/Patient', headers: FHIR_JSON, payload: '{"resourceType":"Patient","__proto__":{"x":1}}' },
      { method: 'POST', url: '/fhir/R4', headers: FHIR_JSON, payload: '{"resourceType":"Bundle","type":"transaction","entry":{}}' },
      { method: 'POST', url: '/fhir/R4', headers: FHIR_JSON, payload: '{"resourceType":"Bundle","type":"transaction","entry":[{}]}' },
      { method: 'POST', url: '/fhir/R4', headers: FHIR_JSON, payload: '{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"GET","url":"Patient/nope"}}]}' },
      { method: 'POST', url: '/fhir/R4', headers: FHIR_JSON, payload: '{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient"},"request":{"method":"POST","url":"Observation"}}]}' },
      { method: 'POST', url: '/fhir/R4/Patient/_search', headers: FHIR_JSON, payload: '{}' },
      { method: 'POST', url: '/fhir/R4/Patient/$validate', headers: FHIR_JSON, payload: '{"resourceType":"Parameters"}' },
      { method: 'PATCH', url: '/fhir/R4/Patient/1', headers: { 'content-type': 'application/json-patch+json' }, payload: '[]' },
      { method: 'DELETE', url: '/fhir/R4/Patient' },
      { method: 'GET', url: '/fhir/R4/Patient?_format=xml' },
    ];
    const statuses: string[] = [];
    for (const request of odd) {
      const response = await server.app.inject({ ...request, headers: { ...auth, prefer: 'handling=strict', ...request.headers } });
      const what = `${request.method} ${request.url}: ${response.statusCode} ${response.body.slice(0, 300)}`;
      expect(response.statusCode, what).toBeLessThan(500);
      if (response.statusCode >= 400) expect((response.json() as OperationOutcome).resourceType, what).toBe('OperationOutcome');
      else statuses.push(what);
    }
    // Under strict handling every one of these is a client error.
    expect(statuses).toEqual([]);
  });
});
