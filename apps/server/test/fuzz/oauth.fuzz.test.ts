import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { storageKinds } from '../support';
import { fuzzParameters, jsonValue, nastyString, toWellFormed, urlPart } from './inputs';
import { expectNoFailures, sent, START_TIMEOUT, startFuzzServer, type FuzzServer } from './server';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Scopes and grants, real and made up. */
const scope = fc.oneof(
  fc.array(fc.constantFrom('system/*.cruds', 'system/*.rs', 'patient/*.rs', 'user/*.rs', 'patient/Patient.r', 'launch', 'launch/patient', 'openid', 'fhirUser', 'offline_access', 'system/AuditEvent.rs', 'system/*.*', '*/*.*', 'purpose/HRESCH'), { maxLength: 4 }).map((xs) => xs.join(' ')),
  nastyString,
);
const grantType = fc.oneof(fc.constantFrom('client_credentials', 'authorization_code', 'refresh_token', 'password', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'implicit', ''), nastyString);

/** A token that looks like one of ours: a JWT with a forged header, claims or signature. */
function forgedToken(real: string): fc.Arbitrary<string> {
  const [header, payload, signature] = real.split('.');
  const claims = fc.record(
    { iss: fc.oneof(fc.constant('footprint'), nastyString), aud: jsonValue, sub: fc.oneof(nastyString, fc.constant('fp-unknown')), scope, purpose: fc.oneof(fc.constantFrom('TREAT', 'HRESCH', 'HOPERAT', 'ETREAT', 'PUBHLTH'), nastyString), exp: fc.oneof(fc.integer(), fc.double(), nastyString), iat: jsonValue, nbf: jsonValue, org: nastyString, patient: nastyString, jti: nastyString },
    { requiredKeys: [] },
  );
  const alg = fc.record({ alg: fc.oneof(fc.constantFrom('none', 'HS256', 'RS256', 'ES256', 'EdDSA', 'HS512'), nastyString), typ: fc.constantFrom('JWT', 'at+jwt'), kid: nastyString, jku: fc.constant('https://evil.example/jwks'), crit: jsonValue }, { requiredKeys: ['alg'] });
  return fc.oneof(
    fc.tuple(alg, claims, fc.oneof(fc.constant(''), fc.constant(signature), nastyString.map(b64))).map(([h, c, s]) => `${b64(h)}.${b64(c)}.${s}`),
    fc.tuple(claims).map(([c]) => `${header}.${b64(c)}.${signature}`),
    fc.constantFrom('A', 'AA', '=', '.', '%00', '~~').map((extra) => `${real}${extra}`),
    fc.constant(`${header}.${payload}`),
    fc.constant(`${header}.${payload}.${signature}.${signature}`),
    nastyString.map((s) => toWellFormed(s).replace(/[^\x21-\x7e]/g, '')),
  );
}

/**
 * The OAuth 2.0 endpoints (token, SMART authorisation and consent, discovery), bearer tokens on
 * the FHIR API, and OpenID Connect: the demo provider's endpoints and both relying-party
 * callbacks (citizens and staff), fuzzed in-process: no answer may be a 5xx.
 */
describe.each(storageKinds)('fuzzing OAuth and OpenID Connect on %s', { timeout: 600_000 }, (kind) => {
  let server: FuzzServer;
  let realToken: string;
  const before = sent.requests;

  beforeAll(async () => {
    server = await startFuzzServer(kind, { demoIdentityProvider: true });
    realToken = server.callers.find((c) => c.name === 'partner system')!.headers.authorization.slice('Bearer '.length);
  }, START_TIMEOUT);
  afterAll(async () => {
    console.log(`fuzz (OAuth and OpenID Connect, ${kind}): ${sent.requests - before} inputs sent`);
    await server?.close();
  });

  it('answers bad token requests, authorisation requests and consent forms without a 5xx', async () => {
    const field = fc.record(
      {
        grant_type: grantType, client_id: fc.oneof(fc.constant('fp-unknown'), nastyString), client_secret: nastyString, scope, code: nastyString, code_verifier: nastyString,
        redirect_uri: fc.oneof(fc.constantFrom('http://localhost/callback', 'javascript:alert(1)', '//evil.example'), nastyString), refresh_token: nastyString,
        client_assertion_type: fc.constant('urn:ietf:params:oauth:client-assertion-type:jwt-bearer'), client_assertion: fc.constant(realToken).chain(forgedToken), purpose: nastyString, aud: nastyString,
        response_type: fc.oneof(fc.constantFrom('code', 'token', 'id_token', ''), nastyString), state: nastyString, code_challenge: nastyString, code_challenge_method: fc.oneof(fc.constantFrom('S256', 'plain'), nastyString),
        launch: nastyString, decision: fc.oneof(fc.constantFrom('allow', 'deny'), nastyString), transaction: nastyString, token: fc.constant(realToken).chain(forgedToken), token_type_hint: nastyString,
      },
      { requiredKeys: [] },
    );
    const asForm = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k}=${encodeURIComponent(toWellFormed(v))}`).join('&');
    const request = fc.oneof(
      field.map((o) => ({ key: 'POST /oauth/token (form)', method: 'POST', url: '/oauth/token', type: 'application/x-www-form-urlencoded', payload: asForm(o) })),
      field.map((o) => ({ key: 'POST /oauth/token (JSON)', method: 'POST', url: '/oauth/token', type: 'application/json', payload: JSON.stringify(o) })),
      fc.tuple(nastyString, nastyString, field).map(([id, secret, o]) => ({ key: 'POST /oauth/token (Basic)', method: 'POST', url: '/oauth/token', type: 'application/x-www-form-urlencoded', payload: asForm(o), authorization: `Basic ${Buffer.from(`${toWellFormed(id)}:${toWellFormed(secret)}`).toString('base64')}` })),
      field.map((o) => ({ key: 'GET /oauth/authorize', method: 'GET', url: `/oauth/authorize?${asForm(o)}` })),
      field.map((o) => ({ key: 'GET /oauth/consent', method: 'GET', url: `/oauth/consent?${asForm(o)}` })),
      field.map((o) => ({ key: 'POST /oauth/consent', method: 'POST', url: '/oauth/consent', type: 'application/x-www-form-urlencoded', payload: asForm(o) })),
      field.map((o) => ({ key: 'POST /oauth/revoke', method: 'POST', url: '/oauth/revoke', type: 'application/x-www-form-urlencoded', payload: asForm(o) })),
      urlPart.map((q) => ({ key: 'GET SMART configuration', method: 'GET', url: `/.well-known/smart-configuration?${q}` })),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = { ...('type' in r && r.type ? { 'content-type': r.type } : {}), ...('authorization' in r && r.authorization ? { authorization: r.authorization } : {}) };
        await server.send({ method: r.method as InjectOptions['method'], url: r.url, headers, ...('payload' in r ? { payload: r.payload } : {}) }, r.key);
      }),
      fuzzParameters(1500),
    );
    expectNoFailures(server);
  });

  it('answers forged and damaged bearer tokens without a 5xx', async () => {
    const target = fc.constantFrom('/fhir/R4/Patient', `/fhir/R4/Patient/${server.patientId}`, '/fhir/R4/Observation?code=27113001', '/fhir/R4/AuditEvent', '/fhir/R4/metadata', '/fhir/R4/$export');
    await fc.assert(
      fc.asyncProperty(fc.constant(realToken).chain(forgedToken), target, fc.constantFrom('Bearer ', 'bearer ', 'Bearer  ', 'DPoP ', ''), async (token, url, scheme) => {
        await server.send({ method: 'GET', url, headers: { authorization: `${scheme}${token}` } }, `bearer on GET ${url.split('?')[0]}`);
      }),
      fuzzParameters(1000),
    );
    expectNoFailures(server);
  });

  it('answers bad OpenID Connect requests at the demo provider and both relying-party callbacks without a 5xx', async () => {
    // Real sign-in starts, so the callbacks are fuzzed with a live transaction cookie as well as without.
    const cookies: string[] = [''];
    for (const start of ['/api/patient/sign-in', '/api/session/cis2']) {
      const started = await server.app.inject({ method: 'GET', url: start, headers: { host: 'localhost:80' } });
      const set = ([] as string[]).concat(started.headers['set-cookie'] ?? []);
      cookies.push(set.map((c) => c.split(';')[0]).join('; '));
    }
    const query = fc.dictionary(fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'session_state', 'client_id', 'redirect_uri', 'response_type', 'scope', 'nonce', 'prompt', 'login_hint', 'id_token_hint', 'post_logout_redirect_uri', 'claims', 'request', 'request_uri', 'max_age', 'acr_values'), urlPart, { maxKeys: 6 }).map((o) =>
      Object.entries(o).map(([k, v]) => `${k}=${v}`).join('&'),
    );
    const request = fc.oneof(
      fc.tuple(fc.constantFrom('/api/patient/callback', '/api/session/cis2/callback', '/api/session/cis2/roles', '/api/patient/sign-in', '/api/session/cis2'), query, fc.constantFrom(...cookies)).map(([path, q, cookie]) => ({ key: `GET ${path}`, method: 'GET', url: `${path}?${q}`, cookie })),
      fc.tuple(fc.constantFrom('/auth', '/me', '/jwks', '/session/end', '/.well-known/openid-configuration', '/reg', '/token/introspection', '/request', '/auth/x'), query).map(([path, q]) => ({ key: `GET /idp${path}`, method: 'GET', url: `/idp${path}?${q}`, cookie: '' })),
      fc.tuple(fc.constantFrom('/token', '/token/revocation', '/token/introspection', '/session/end/confirm', '/request', '/me'), query).map(([path, q]) => ({ key: `POST /idp${path}`, method: 'POST', url: `/idp${path}`, payload: q, cookie: '' })),
      fc.tuple(urlPart, fc.constantFrom('', '/login', '/abort'), query).map(([uid, action, q]) => ({ key: `${action === '/login' ? 'POST' : 'GET'} /idp/interaction/:uid${action}`, method: action === '/login' ? 'POST' : 'GET', url: `/idp/interaction/${uid}${action}`, payload: q, cookie: '' })),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = { host: 'localhost:80', ...(r.cookie ? { cookie: r.cookie } : {}), ...('payload' in r ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
        await server.send({ method: r.method as InjectOptions['method'], url: r.url, headers, ...('payload' in r && r.method === 'POST' ? { payload: r.payload } : {}) }, r.key);
      }),
      fuzzParameters(1500),
    );
    expectNoFailures(server);
  });
});
