import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageKinds } from '../support';
import { contentType, fuzzParameters, jsonValue, nastyString, queryString, rawBody, toWellFormed, urlPart } from './inputs';
import { expectNoFailures, sent, START_TIMEOUT, startFuzzServer, type FuzzServer, type RegisteredRoute } from './server';

/** Query and body names the web API, OAuth and OpenID routes read, plus FHIR's common parameters. */
const NAMES = [
  'register', 'by', 'months', 'q', 'query', 'page', 'cursor', 'from', 'to', 'since', 'until', 'nhsNumber', 'nhs', 'patient', 'code', 'place', 'practice', 'status', 'limit', 'offset',
  'purpose', 'user', 'username', 'password', 'newPassword', 'currentPassword', 'role', 'organisation', 'format', 'state', 'error', 'iss', 'session_state',
  'reason', 'explanation', 'choice', 'optedOut', 'sharing', 'organisations', 'decision', 'note', 'outcome', 'text', 'resource', 'target', 'measure', 'indicator',
  'grant_type', 'client_id', 'client_secret', 'scope', 'redirect_uri', 'response_type', 'code_challenge', 'code_challenge_method', 'code_verifier', 'aud', 'launch',
  '_count', '_sort', '_include', '_revinclude', '_elements', '_summary', '_total', '_id', '_lastUpdated', '_format', '_pretty', '_type', '_since', '_outputFormat',
];

/** Path parameter values: the seeded ids and known names, and hostile strings. */
function parameterValue(name: string, server: FuzzServer): fc.Arbitrary<string> {
  const known: Record<string, string[]> = {
    type: ['Patient', 'Observation', 'AuditEvent', 'Bundle', 'Parameters', 'Consent', 'Organization', 'patient', 'Pateint', '_history', 'metadata'],
    id: [server.patientId, server.observationId, 'missing-id'],
    vid: ['1', '0', '-1', '999999999999'],
    job: ['00000000-0000-0000-0000-000000000000'],
    username: ['fuzz.gp-clinician', 'fuzz.administrator', 'nobody'],
    code: ['E08000012', 'N81099', 'E38000091'],
  };
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...(known[name] ?? ['x'])) }, { weight: 3, arbitrary: urlPart });
}

/** A URL on the route with its parameters (`:name`, `*`) filled, and a random query string. */
function urlOn(route: RegisteredRoute, server: FuzzServer): fc.Arbitrary<string> {
  const parts = route.url.split(/(:[A-Za-z_]+|\*)/).filter((p) => p !== '');
  const filled = parts.map((part) => (part === '*' ? fc.array(urlPart, { maxLength: 3 }).map((xs) => xs.join('/')) : part.startsWith(':') ? parameterValue(part.slice(1), server) : fc.constant(part)));
  return fc.tuple(fc.tuple(...filled), fc.option(queryString(fc.constantFrom(...NAMES)), { freq: 2 })).map(([pieces, query]) => `${pieces.join('')}${query ? `?${query}` : ''}`);
}

/** A header value a client can send (no CR, LF or NUL: those never reach a server). */
const headerValue = nastyString.map((s) => toWellFormed(s).replace(/[^\t\x20-\x7e\x80-\xff]/g, '').slice(0, 2000));

const extraHeaders = fc.record(
  {
    accept: fc.constantFrom('application/fhir+json', 'application/json', 'text/html', 'application/fhir+xml', '*/*', 'garbage', ''),
    prefer: fc.oneof(fc.constantFrom('handling=strict', 'handling=lenient', 'return=representation', 'return=OperationOutcome', 'respond-async'), headerValue),
    'if-match': fc.oneof(fc.constantFrom('W/"1"', 'W/"0"', '"1"', 'W/""'), headerValue),
    'if-none-exist': fc.oneof(fc.constant('identifier=https://fhir.nhs.uk/Id/nhs-number|9990000019'), headerValue),
    'if-none-match': headerValue,
    'if-modified-since': headerValue,
    origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:80'),
    'x-request-id': headerValue,
    authorization: fc.oneof(headerValue, headerValue.map((s) => `Bearer ${s}`), headerValue.map((s) => `Basic ${Buffer.from(s).toString('base64')}`)),
    cookie: headerValue.map((s) => `footprint_session=${s}`),
  },
  { requiredKeys: [] },
);

/** A body: raw text under a random content type, or a JSON object of known names with hostile values. */
const body = fc.oneof(
  fc.tuple(rawBody, contentType).map(([payload, type]) => ({ payload, type })),
  fc.dictionary(fc.constantFrom(...NAMES), jsonValue, { maxKeys: 6 }).map((object) => ({ payload: JSON.stringify(object), type: 'application/json' as string | undefined })),
  fc.dictionary(fc.constantFrom(...NAMES), urlPart, { maxKeys: 6 }).map((object) => ({
    payload: Object.entries(object).map(([k, v]) => `${k}=${v}`).join('&'),
    type: 'application/x-www-form-urlencoded' as string | undefined,
  })),
);

/** Signing out would end the session every later input is sent with: those requests go without it. */
const SIGN_OUT = new Set(['DELETE /api/session', 'DELETE /api/patient/session']);

/**
 * Every route the server registers (FHIR, OAuth, OpenID Connect sign-in, the web API and the
 * citizens' API, the web app), every method, as every kind of caller, with hostile path
 * parameters, query strings, headers and bodies: no answer may be a 5xx.
 */
describe.each(storageKinds)('fuzzing every route on %s', { timeout: 600_000 }, (kind) => {
  let server: FuzzServer;
  const before = sent.requests;

  beforeAll(async () => {
    server = await startFuzzServer(kind, { demoIdentityProvider: true, warehouse: true });
  }, START_TIMEOUT);
  afterAll(async () => {
    console.log(`fuzz (every route, ${kind}): ${sent.requests - before} inputs sent`);
    await server?.close();
  });

  it('has routes in every area to fuzz', () => {
    const urls = server.routes.map((r) => r.url);
    for (const prefix of ['/fhir/R4', '/oauth/', '/api/session', '/api/patient/', '/api/care-record', '/idp']) expect(urls.some((u) => u.startsWith(prefix)), prefix).toBe(true);
  });

  it('answers no route, method and caller with a 5xx', async () => {
    const targets = server.routes.flatMap((route) => route.methods.map((method) => ({ route, method })));
    const request = fc
      .constantFrom(...targets)
      .chain(({ route, method }) =>
        fc.record({
          key: fc.constant(`${method} ${route.url}`),
          method: fc.constant(method),
          url: urlOn(route, server),
          caller: fc.constantFrom(...server.callers),
          extra: extraHeaders,
          body: fc.option(body, { freq: 3 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(request, async ({ key, method, url, caller, extra, body: sentBody }) => {
        const signingOut = SIGN_OUT.has(`${method} ${url.split('?')[0]}`);
        const headers: Record<string, string> = { ...extra, ...(signingOut ? {} : caller.headers) };
        if (sentBody?.type) headers['content-type'] = sentBody.type;
        const options: InjectOptions = { method: method as InjectOptions['method'], url, headers, ...(sentBody && method !== 'GET' && method !== 'DELETE' ? { payload: sentBody.payload } : {}) };
        await server.send(options, key);
      }),
      fuzzParameters(2500),
    );
    expectNoFailures(server);
  });
});
