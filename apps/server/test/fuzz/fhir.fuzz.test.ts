import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefinitions, getSearchParameters, isStorable, resourceTypes, type SearchParamInfo } from '@footprint/fhir';
import { storageKinds } from '../support';
import { damagedResource, fuzzParameters, nastyString, rawBody, runs, toWellFormed, urlPart } from './inputs';
import { expectNoFailures, sent, START_TIMEOUT, startFuzzServer, type FuzzServer } from './server';

ensureDefinitions();
const TYPES = resourceTypes();
const STORABLE = TYPES.filter(isStorable);

/** Every search parameter of every resource type, with the common ones (`_id`, `_lastUpdated`, …). */
const PARAMETERS: Array<{ type: string; param: SearchParamInfo }> = TYPES.flatMap((type) => getSearchParameters(type).map((param) => ({ type, param })));

const prefix = fc.constantFrom('', '', 'eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap', 'zz', 'gtgt');
const enc = (s: string) => encodeURIComponent(toWellFormed(s));

/** A bad value shaped for the parameter's type (a date for a date, system|code for a token, …). */
function badValue(type: SearchParamInfo['type']): fc.Arbitrary<string> {
  const shaped: Record<string, fc.Arbitrary<string>> = {
    date: fc.tuple(prefix, fc.oneof(nastyString, fc.constantFrom('2023-02-30', '2023', '2023-1', '2023-01-01T25:00', '2023-01-01T10:00:00+99:00', '-0001', '999999', '2023-01-01T10:00:00.9999999999Z'))).map(([p, v]) => p + enc(v)),
    number: fc.tuple(prefix, fc.oneof(nastyString, fc.constantFrom('1e999', '-', '1.2.3', '0x10', ' 5', '5 '))).map(([p, v]) => p + enc(v)),
    quantity: fc.tuple(prefix, nastyString, nastyString, nastyString).map(([p, n, s, c]) => `${p}${enc(n)}|${enc(s)}|${enc(c)}`),
    token: fc.oneof(fc.tuple(nastyString, nastyString).map(([s, c]) => `${enc(s)}|${enc(c)}`), urlPart, fc.constantFrom('|', '||', '|x', 'x|', '%7C')),
    reference: fc.oneof(fc.tuple(fc.constantFrom('Patient', 'Observation', 'Bogus', ''), nastyString).map(([t, id]) => `${t}/${enc(id)}`), urlPart, fc.constantFrom('http://other.example/fhir/Patient/1', 'Patient/1/_history/2', 'urn:uuid:x')),
    composite: fc.tuple(urlPart, urlPart).map(([a, b]) => `${a}$${b}`),
    special: fc.tuple(urlPart, urlPart, urlPart, urlPart).map((xs) => xs.join('|')),
  };
  return fc.oneof({ weight: 3, arbitrary: shaped[type] ?? urlPart }, { weight: 1, arbitrary: urlPart });
}

const modifier = fc.constantFrom('', '', '', ':missing', ':exact', ':contains', ':text', ':not', ':above', ':below', ':in', ':not-in', ':of-type', ':identifier', ':Patient', ':bogus', ':', '.name', '.bogus', ':Patient.name');

/** Parameters every search accepts, with bad values. */
const RESULT_PARAMETERS = fc.oneof(
  fc.tuple(fc.constantFrom('_count', '_offset', '_total', '_summary', '_elements', '_sort', '_include', '_revinclude', '_contained', '_containedType', '_format', '_pretty', '_cursor', '_page', '_has', '_list', '_text', '_content', '_query', '_filter', '_type'), urlPart).map(([n, v]) => `${n}=${v}`),
  fc.tuple(fc.constantFrom('_has:Observation:subject:code', '_has:Observation:patient:_has:AuditEvent:entity:type', '_has:Bogus:x:y', '_has:', '_has:Observation'), urlPart).map(([n, v]) => `${n}=${v}`),
  fc.tuple(fc.constantFrom('subject.name', 'subject:Patient.birthdate', 'patient.organization.name', 'general-practitioner.name', 'subject.bogus', 'subject.subject.subject.name'), urlPart).map(([n, v]) => `${n}=${v}`),
  fc.constantFrom('_include=*', '_include=Observation:subject', '_include=Observation:bogus', '_include:iterate=*', '_revinclude=*:*', '_include=Observation:subject:Bogus', '_sort=-_lastUpdated,-bogus', '_count=0', '_count=-1', '_count=1000001', '_summary=count', '_total=accurate', '_elements=id,%00'),
);

/** A search: one parameter of the type with a bad value and modifier, sometimes with more parameters. */
function searchOf(type: string, param: SearchParamInfo): fc.Arbitrary<string> {
  return fc.tuple(modifier, badValue(param.type), fc.array(RESULT_PARAMETERS, { maxLength: 2 })).map(([m, v, more]) => [`${param.code}${m}=${v}`, ...more].join('&'));
}

describe.each(storageKinds)('fuzzing the FHIR API on %s', { timeout: 600_000 }, (kind) => {
  let server: FuzzServer;
  let auth: Record<string, string>;
  const before = sent.requests;

  beforeAll(async () => {
    server = await startFuzzServer(kind);
    auth = server.callers.find((c) => c.name === 'partner system')!.headers;
  }, START_TIMEOUT);
  afterAll(async () => {
    console.log(`fuzz (FHIR API, ${kind}): ${sent.requests - before} inputs sent over ${PARAMETERS.length} search parameters of ${TYPES.length} resource types`);
    await server?.close();
  });

  it('answers bad values of every search parameter of every type without a 5xx, by GET and by POST _search', async () => {
    expect(PARAMETERS.length).toBeGreaterThan(1000);
    const perParameter = runs(2);
    for (const [i, { type, param }] of PARAMETERS.entries()) {
      for (const query of fc.sample(searchOf(type, param), { numRuns: perParameter, seed: i })) {
        const key = `search ${type}?${param.code} (${param.type})`;
        if (i % 2 === 0) await server.send({ method: 'GET', url: `/fhir/R4/${type}?${query}`, headers: auth }, key);
        else await server.send({ method: 'POST', url: `/fhir/R4/${type}/_search`, headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: query }, key);
      }
    }
    expectNoFailures(server);
  });

  it('answers damaged resources on create, update, conditional writes, $validate and bundles without a 5xx', async () => {
    const id = fc.oneof(fc.constant(server.patientId), fc.constant('new-id-1'), urlPart);
    const write = fc.oneof(
      damagedResource(STORABLE).map((r) => ({ key: 'create', method: 'POST', url: `/fhir/R4/${String(r.resourceType)}`, payload: r as unknown })),
      fc.tuple(damagedResource(STORABLE), id).map(([r, i]) => ({ key: 'update', method: 'PUT', url: `/fhir/R4/${String(r.resourceType)}/${i}`, payload: { ...r, id: decodeURIComponentSafe(i) } as unknown })),
      fc.tuple(damagedResource(STORABLE), urlPart).map(([r, q]) => ({ key: 'conditional update', method: 'PUT', url: `/fhir/R4/${String(r.resourceType)}?identifier=${q}`, payload: r as unknown })),
      fc.tuple(fc.constantFrom(...STORABLE), urlPart).map(([t, q]) => ({ key: 'conditional delete', method: 'DELETE', url: `/fhir/R4/${t}?identifier=${q}`, payload: undefined as unknown })),
      fc.tuple(damagedResource(STORABLE), fc.boolean()).map(([r, instance]) => ({ key: '$validate', method: 'POST', url: `/fhir/R4/${String(r.resourceType)}${instance ? `/${server.patientId}` : ''}/$validate`, payload: r as unknown })),
      fc.tuple(damagedResource(STORABLE), rawBody).map(([r, raw]) => ({ key: 'create (raw body)', method: 'POST', url: `/fhir/R4/${String(r.resourceType)}`, payload: raw as unknown })),
      fc.tuple(fc.array(fc.tuple(damagedResource(STORABLE), fc.constantFrom('POST', 'PUT', 'DELETE', 'GET', 'PATCH', 'HEAD', 'BOGUS'), urlPart, nastyString), { maxLength: 4 }), fc.constantFrom('transaction', 'batch', 'history', 'bogus')).map(
        ([entries, type]) => ({
          key: `Bundle ${type}`,
          method: 'POST',
          url: '/fhir/R4',
          payload: {
            resourceType: 'Bundle',
            type,
            entry: entries.map(([resource, method, url, fullUrl]) => ({ fullUrl, resource, request: { method, url: `${String(resource.resourceType)}/${url}`, ifNoneExist: url, ifMatch: fullUrl } })),
          } as unknown,
        }),
      ),
    );
    const headers = fc.record({ 'if-none-exist': urlPart, 'if-match': fc.oneof(fc.constantFrom('W/"1"', 'W/"x"', '*'), nastyString.map((s) => toWellFormed(s).replace(/[^\x20-\x7e]/g, ''))), prefer: fc.constantFrom('return=representation', 'return=minimal', 'return=OperationOutcome', 'handling=strict') }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(write, headers, fc.constantFrom('application/fhir+json', 'application/json', 'application/fhir+json; fhirVersion=3.0'), async (w, extra, type) => {
        const request: InjectOptions = { method: w.method as InjectOptions['method'], url: w.url, headers: { ...auth, ...extra, 'content-type': type }, ...(w.payload === undefined ? {} : { payload: typeof w.payload === 'string' ? w.payload : JSON.stringify(w.payload) }) };
        await server.send(request, w.key);
      }),
      fuzzParameters(2500),
    );
    expectNoFailures(server);
  });

  it('answers bad ids, versions and parameters on read, vread, delete, history, $everything, $export and the record operations without a 5xx', async () => {
    const type = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Patient', 'Observation', 'AuditEvent', 'Organization', 'Consent', 'Bundle', 'Parameters') }, { weight: 1, arbitrary: fc.constantFrom(...TYPES) }, { weight: 1, arbitrary: urlPart });
    const id = fc.oneof(fc.constant(server.patientId), fc.constant(server.observationId), urlPart);
    const query = fc.array(fc.tuple(fc.constantFrom('_count', '_since', '_type', '_outputFormat', '_typeFilter', '_elements', '_cursor', 'start', 'end', '_at', 'patient', 'includeAssociatedData'), urlPart).map(([n, v]) => `${n}=${v}`), { maxLength: 3 }).map((xs) => (xs.length ? `?${xs.join('&')}` : ''));
    const parameters = fc.array(fc.record({ name: fc.oneof(fc.constantFrom('resource', 'onlyCertainMatches', 'count', 'source-patient', 'target-patient', 'result-patient', 'reason', 'explanation', 'preview'), nastyString), valueString: nastyString, valueBoolean: fc.boolean(), valueInteger: fc.integer(), valueReference: nastyString.map((r) => ({ reference: r })), resource: damagedResource(['Patient']) }, { requiredKeys: ['name'] }), { maxLength: 4 }).map((parameter) => ({ resourceType: 'Parameters', parameter }));
    const operation = fc.oneof(
      fc.tuple(type, id, query).map(([t, i, q]) => ({ key: 'read', method: 'GET', url: `/fhir/R4/${t}/${i}${q}` })),
      fc.tuple(type, id, urlPart).map(([t, i, v]) => ({ key: 'vread', method: 'GET', url: `/fhir/R4/${t}/${i}/_history/${v}` })),
      fc.tuple(type, id).map(([t, i]) => ({ key: 'delete', method: 'DELETE', url: `/fhir/R4/${t}/${i}` })),
      fc.tuple(type, id, query).map(([t, i, q]) => ({ key: 'history instance', method: 'GET', url: `/fhir/R4/${t}/${i}/_history${q}` })),
      fc.tuple(type, query).map(([t, q]) => ({ key: 'history type', method: 'GET', url: `/fhir/R4/${t}/_history${q}` })),
      query.map((q) => ({ key: 'history system', method: 'GET', url: `/fhir/R4/_history${q}` })),
      fc.tuple(id, query).map(([i, q]) => ({ key: '$everything', method: 'GET', url: `/fhir/R4/Patient/${i}/$everything${q}` })),
      fc.tuple(fc.constantFrom('/fhir/R4/$export', '/fhir/R4/Patient/$export', '/fhir/R4/Group/x/$export'), query).map(([u, q]) => ({ key: '$export kick-off', method: 'GET', url: `${u}${q}`, prefer: 'respond-async' })),
      fc.tuple(urlPart, urlPart).map(([job, file]) => ({ key: '$export status and files', method: 'GET', url: `/fhir/R4/$export-file/${job}/${file}` })),
      urlPart.map((job) => ({ key: '$export status and files', method: 'DELETE', url: `/fhir/R4/$export-status/${job}` })),
      fc.tuple(fc.constantFrom('$match', '$merge', '$unmerge'), parameters).map(([op, body]) => ({ key: `Patient/${op}`, method: 'POST', url: `/fhir/R4/Patient/${op}`, payload: body })),
      fc.tuple(id, parameters).map(([i, body]) => ({ key: '$break-glass', method: 'POST', url: `/fhir/R4/Patient/${i}/$break-glass`, payload: body })),
      fc.tuple(fc.constantFrom('CodeSystem/break-glass-reason', 'ValueSet/break-glass-reason', 'metadata', '.well-known/smart-configuration'), query).map(([u, q]) => ({ key: u, method: 'GET', url: `/fhir/R4/${u}${q}` })),
    );
    await fc.assert(
      fc.asyncProperty(operation, async (op) => {
        const headers: Record<string, string> = { ...auth, ...('prefer' in op ? { prefer: op.prefer } : {}), ...('payload' in op ? { 'content-type': 'application/fhir+json' } : {}) };
        await server.send({ method: op.method as InjectOptions['method'], url: op.url, headers, ...('payload' in op ? { payload: JSON.stringify(op.payload) } : {}) }, op.key);
      }),
      fuzzParameters(2000),
    );
    expectNoFailures(server);
  });
});

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
