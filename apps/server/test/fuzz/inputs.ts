import fc from 'fast-check';
import { postgresKinds } from '@footprint/testing';

/**
 * Generators of bad input shared by the fuzz suites: hostile strings (NUL and control
 * characters, lone surrogates, SQL and path fragments, broken percent-encoding, huge numbers,
 * very long values), broken JSON and mutated FHIR resources.
 */

/** Fragments that have broken parsers, SQL builders and URL handling elsewhere. */
const NASTY = [
  '\u0000',
  'a\u0000b',
  '%00',
  '\u0001\u001f\u007f',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e',
  "'",
  "' OR '1'='1",
  '"; DROP TABLE resource; --',
  '\\',
  '\\u0000',
  '$1',
  '%',
  '%zz',
  '%C0%80',
  '%E0%80%80',
  '%FF',
  '../../etc/passwd',
  '..%2F..%2F',
  '*',
  '?',
  '#',
  '&',
  '=',
  ',',
  '|',
  '||',
  '$',
  ':',
  '::',
  '.',
  '_',
  '',
  ' ',
  '\t\r\n',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '-1e309',
  '99999999999999999999999999999',
  '-9223372036854775809',
  '2147483648',
  '0x1F',
  '1.',
  '.5',
  '1,5',
  '1e',
  'true',
  '[]',
  '{}',
  '{"a":',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '2023-02-30',
  '2023-13-01',
  '0000-00-00',
  '9999-12-31T24:00:00Z',
  '-2023-01-01',
  '2023-01-01T10:00:00+25:00',
  '20230101',
  'ge',
  'gt-',
  'eqeq1',
  'sa2020',
  'ap',
  '||',
  'http://',
  'urn:uuid:',
  'Patient/',
  '/Patient',
  'Patient/../Patient/1',
  'Patient/a/b/c',
  '9990000019',
  '💥',
  'é',
  'ǅ',
  'ß',
  'İ',
];

/** A hostile string: a fragment, random unicode or binary-looking text, or a mix of them. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.bigInt()).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c) },
);

/** A string as it may appear in a URL: percent-encoded, or raw (broken encodings included). */
export const urlPart: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyString.map((s) => encodeURIComponent(toWellFormed(s))) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%C0%80', '%FF%FE', '%00', '%2e%2e', '%u0000', '+', '%20', ';', '%3B') },
);

/** A query string: random (possibly repeated) names and values, some with modifiers and prefixes. */
export function queryString(names: fc.Arbitrary<string>, values: fc.Arbitrary<string> = urlPart): fc.Arbitrary<string> {
  const modifier = fc.constantFrom('', '', '', ':exact', ':contains', ':missing', ':not', ':text', ':above', ':below', ':in', ':not-in', ':of-type', ':identifier', ':Patient', ':bogus', ':');
  const pair = fc.tuple(names, modifier, values).map(([n, m, v]) => `${n}${m}=${v}`);
  return fc.array(fc.oneof({ weight: 6, arbitrary: pair }, { weight: 1, arbitrary: urlPart }), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join('&'));
}

/** JSON-ish values: deep, wide, wrong types, unusual numbers. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [[[]]], { resourceType: 'Patient' }) },
);

/** A body as sent on the wire: broken JSON, JSON of the wrong shape, form data or binary. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: jsonValue.map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 2, arbitrary: jsonValue.map((v) => (JSON.stringify(v) ?? 'null').slice(0, -1)) },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '[', '{"resourceType":', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":1,"a":2}', '\u0000{}', '{"resourceType":"Patient","id":"\\u0000"}') },
);

/** A content type a client might send, good or bad. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'application/fhir+json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json-patch+json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/fhir+json; charset=latin1',
  'garbage',
  '',
);

/**
 * A FHIR resource with damage: a known resource type carrying random elements, wrong-typed
 * values, hostile strings in places that are searched or indexed, and broken references.
 */
export function damagedResource(resourceTypes: string[]): fc.Arbitrary<Record<string, unknown>> {
  const element = fc.constantFrom(
    'id', 'meta', 'text', 'identifier', 'name', 'birthDate', 'gender', 'subject', 'patient', 'code', 'status', 'valueQuantity',
    'effectiveDateTime', 'extension', 'contained', 'telecom', 'address', 'period', 'generalPractitioner', 'managingOrganization',
    'serviceProvider', 'category', 'component', 'entry', 'type', 'link', 'deceasedBoolean', 'multipleBirthInteger', 'active', 'note', 'reference',
  );
  const value = fc.oneof(
    jsonValue,
    nastyString.map((s) => ({ reference: s })),
    nastyString.map((s) => [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: s }]),
    nastyString.map((s) => [{ family: s, given: [s] }]),
    nastyString.map((s) => ({ coding: [{ system: s, code: s }] })),
    nastyString.map((s) => ({ value: s, unit: s, system: 'http://unitsofmeasure.org', code: s })),
    nastyString.map((s) => ({ status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${s}</div>` })),
    nastyString.map((s) => ({ lastUpdated: s, versionId: s, profile: [s], security: [{ system: s, code: s }] })),
    nastyString.map((s) => [{ resourceType: 'Patient', id: s }]),
  );
  return fc.tuple(fc.constantFrom(...resourceTypes), fc.dictionary(element, value, { maxKeys: 5 })).map(([resourceType, rest]) => ({ resourceType, ...rest }));
}

/** Replaces lone surrogates so that encodeURIComponent accepts the string. */
export function toWellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * How many runs a property gets on one storage kind: the suite's total is shared between PGlite
 * and the PostgreSQL server when both run (CI), so the whole fuzz stays within a couple of
 * minutes; FOOTPRINT_FUZZ_SCALE multiplies it (e.g. 10 for a long run on a quiet machine).
 */
export function runs(base: number): number {
  const scale = Number(process.env.FOOTPRINT_FUZZ_SCALE ?? '1');
  const share = base / postgresKinds().length;
  return Math.max(1, Math.round(share * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** fast-check settings: a fixed seed when FOOTPRINT_FUZZ_SEED is set (to replay a failure), else random. */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FOOTPRINT_FUZZ_SEED;
  return { numRuns: runs(numRuns), ...(seed ? { seed: Number(seed) } : {}), endOnFailure: true };
}
