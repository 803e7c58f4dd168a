import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSearchValues, parseJsonResource, stringifyFhirJson, type Bundle, type ExtractedValue, type Resource } from '@footprint/fhir';
import { FHIR_JSON, startTestServer, type TestServer } from './support';

/**
 * The official FHIR R4 examples (HL7 fhir-test-cases, r4/examples; see fixtures/r4-examples/README.md)
 * through create, read, update-as-create and search: each must come back exactly as sent, apart from
 * the id and meta.versionId/lastUpdated the server stamps, decimals included.
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/r4-examples/', import.meta.url));
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

/**
 * Examples the server rightly refuses to store, with the status it answers and why (the words the
 * OperationOutcome must contain). fhir-test-cases holds validator test cases, and these five are
 * not valid R4; the other two are types no client may store.
 */
const REFUSED: Readonly<Record<string, { status: number; because: RegExp }>> = {
  // R4 never persists Parameters: it carries the inputs and outputs of operations.
  'parameters-example.json': { status: 405, because: /not a persisted resource/ },
  // AuditEvents are written by the record itself, one per touch of a record, and are read-only.
  'auditevent-example.json': { status: 405, because: /AuditEvents are written by the record itself/ },
  // Questionnaire.item.linkId is required (1..1); the nested items of the Bundle's Questionnaire have none.
  'bundle-questionnaire.json': { status: 400, because: /Questionnaire\.item\[0\]\.item\[0\]\.linkId/ },
  // Invariant csd-1: codes must be unique, and "chol-mass" is defined twice.
  'codesystem-example.json': { status: 400, because: /csd-1/ },
  // DeviceMetric.parent is Reference(Device) in R4; the example points at a DeviceDefinition.
  'devicemetric-example.json': { status: 400, because: /must point to Device, not DeviceDefinition/ },
  // DeviceUseStatement.reasonReference may not point at a Procedure in R4.
  'deviceusestatement-example.json': { status: 400, because: /not Procedure/ },
  // MedicationRequest.dispenseRequest.performer is Reference(Organization); the example names a Practitioner.
  'medicationrequest0301.json': { status: 400, because: /must point to Organization, not Practitioner/ },
};

/** The resource as it should compare: lossless JSON without the id and the meta the server stamps. */
const CONTRIBUTOR = 'https://footprint.nhs.uk/StructureDefinition/contributing-organisation';

function comparable(text: string): string {
  const resource = parseJsonResource(text, { maxDepth: 64 });
  delete resource.id;
  const meta = resource.meta as Record<string, unknown> | undefined;
  if (meta) {
    delete meta.versionId;
    delete meta.lastUpdated;
    // Provenance is the server's to stamp from the token (it replaces whatever the body sent).
    delete meta.source;
    const kept = ((meta.extension as Array<{ url?: string }> | undefined) ?? []).filter((e) => e.url !== CONTRIBUTOR);
    if (kept.length) meta.extension = kept;
    else delete meta.extension;
    if (Object.keys(meta).length === 0) delete resource.meta;
  }
  return stringifyFhirJson(resource);
}

const ORDER: ReadonlyArray<ExtractedValue['type']> = ['token', 'string', 'reference', 'uri', 'number', 'quantity', 'date'];
const plainText = (s: string) => !/[,|$\\]/.test(s);

/** A search parameter and value that should find this resource, from the values the record indexes for it. */
function findingSearch(resource: Resource): string | undefined {
  const values = extractSearchValues(resource).filter((v) => !v.code.startsWith('_'));
  for (const type of ORDER) {
    for (const v of values.filter((x) => x.type === type)) {
      let value: string | undefined;
      if (v.type === 'token' && v.value && plainText(v.value) && (!v.system || plainText(v.system))) value = v.system ? `${v.system}|${v.value}` : v.value;
      else if (v.type === 'string' && v.value.trim() && plainText(v.value)) value = v.value;
      else if (v.type === 'reference' && v.targetType && v.targetId) value = `${v.targetType}/${v.targetId}`;
      else if (v.type === 'uri' && plainText(v.value)) value = v.value;
      else if ((v.type === 'number' || v.type === 'quantity') && Number.isFinite(v.value)) value = String(v.value);
      else if (v.type === 'date') value = `ge${v.start}`;
      if (value !== undefined) return `${v.code}=${encodeURIComponent(value)}`;
    }
  }
  return undefined;
}

describe('the official R4 examples round-trip', () => {
  let server: TestServer;
  let headers: Record<string, string>;
  const putAlready = new Set<string>();
  beforeAll(async () => {
    server = await startTestServer('pglite');
    headers = { authorization: `Bearer ${await server.token()}` };
  });
  afterAll(async () => server?.close());

  it('has the examples', () => {
    expect(files.length).toBe(72);
  });

  it.each(files)('%s', async (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const original = parseJsonResource(text, { maxDepth: 64 }) as unknown as Resource;
    const type = original.resourceType;
    const expected = comparable(text);

    const created = await server.app.inject({ method: 'POST', url: `/fhir/R4/${type}`, headers: { ...headers, ...FHIR_JSON }, payload: text });
    const refused = REFUSED[file];
    if (refused) {
      expect(created.statusCode, created.body).toBe(refused.status);
      expect(created.json()).toMatchObject({ resourceType: 'OperationOutcome' });
      expect(created.body).toMatch(refused.because);
      const put = await server.app.inject({ method: 'PUT', url: `/fhir/R4/${type}/${original.id}`, headers: { ...headers, ...FHIR_JSON }, payload: text });
      expect(put.statusCode, put.body).toBe(refused.status);
      return;
    }
    expect(created.statusCode, created.body).toBe(201);
    expect(comparable(created.body)).toBe(expected);
    expect((JSON.parse(created.body) as Resource).meta?.source).toMatch(/^https:\/\/footprint\.nhs\.uk\/Id\/principal\/client\//);
    const id = (JSON.parse(created.body) as Resource).id!;

    const read = await server.app.inject({ method: 'GET', url: `/fhir/R4/${type}/${id}`, headers });
    expect(read.statusCode).toBe(200);
    expect(comparable(read.body)).toBe(expected);

    // Update as create, with the example's own id.
    expect(original.id, 'every example has an id').toBeTruthy();
    const put = await server.app.inject({ method: 'PUT', url: `/fhir/R4/${type}/${original.id}`, headers: { ...headers, ...FHIR_JSON }, payload: text });
    // Two examples (organization-1, organization-example) are both Organization/hl7: the second PUT updates.
    const key = `${type}/${original.id}`;
    expect(put.statusCode, put.body).toBe(putAlready.has(key) ? 200 : 201);
    putAlready.add(key);
    const readPut = await server.app.inject({ method: 'GET', url: `/fhir/R4/${type}/${original.id}`, headers });
    expect(comparable(readPut.body)).toBe(expected);
    expect((JSON.parse(readPut.body) as Resource).id).toBe(original.id);

    // Search by a parameter that should find it finds both copies, exactly as stored. Binary and
    // OperationOutcome have only the common parameters in R4, so they are found by _id.
    const query = findingSearch(original) ?? `_id=${id},${original.id}`;
    expect(query.startsWith('_id=')).toBe(type === 'Binary' || type === 'OperationOutcome');
    const search = await server.app.inject({ method: 'GET', url: `/fhir/R4/${type}?${query}&_count=100`, headers });
    expect(search.statusCode, search.body).toBe(200);
    const bundle = parseJsonResource(search.body, { maxDepth: 70 }) as unknown as Bundle;
    const found = (bundle.entry ?? []).filter((e) => e.resource?.id === id || e.resource?.id === original.id);
    expect(found.map((e) => e.resource?.id).sort(), query).toEqual([id, original.id].sort());
    for (const entry of found) expect(comparable(stringifyFhirJson(entry.resource))).toBe(expected);
  });
});
