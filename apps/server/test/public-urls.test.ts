import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CapabilityStatement, Patient } from '@footprint/fhir';
import { createClient } from '../src/auth/clients';
import { oauthRoutes } from '../src/auth/oauth-routes';
import { TokenService } from '../src/auth/token-service';
import { tokenIdentity } from '../src/http/public-base';
import { FHIR_JSON, openTestPlatform, startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

const EVIL = 'evil.example';

/** Every absolute URL in an answer, to check none was built from the Host header. */
function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^"\s]+/g)].map((m) => m[0]);
}

describe.each(storageKinds)('absolute URLs come from the configured public URL, never the Host header, on %s', (kind) => {
  const PUBLIC = 'https://footprint.example.nhs.uk';
  let server: TestServer;
  let auth: Record<string, string>;
  let patient: Patient;

  beforeAll(async () => {
    server = await startTestServer(kind, { publicUrl: PUBLIC });
    auth = { authorization: `Bearer ${await server.token()}`, host: EVIL };
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(6060) }] } });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`${PUBLIC}/fhir/R4/Patient/${(created.json() as Patient).id}/_history/1`);
    patient = created.json() as Patient;
  });
  afterAll(async () => server?.close());

  it('SMART configuration names the configured endpoints whatever the Host, and the issuer is the public URL', async () => {
    for (const path of ['/.well-known/smart-configuration', '/fhir/R4/.well-known/smart-configuration']) {
      const smart = await server.app.inject({ method: 'GET', url: path, headers: { host: EVIL, 'x-forwarded-host': EVIL } });
      const body = smart.json() as Record<string, string>;
      expect(body.token_endpoint).toBe(`${PUBLIC}/oauth/token`);
      expect(body.authorization_endpoint).toBe(`${PUBLIC}/oauth/authorize`);
      expect(body.issuer).toBe(PUBLIC);
      expect(smart.body).not.toContain(EVIL);
    }
  });

  it('Bundle links and fullUrls, and the CapabilityStatement, use the public FHIR base', async () => {
    const search = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient?_count=1', headers: auth });
    const bundle = search.json() as Bundle;
    expect(bundle.link?.every((l) => l.url.startsWith(`${PUBLIC}/fhir/R4/Patient?`))).toBe(true);
    expect(bundle.entry?.[0].fullUrl).toBe(`${PUBLIC}/fhir/R4/Patient/${bundle.entry?.[0].resource?.id}`);
    const history = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${patient.id}/_history`, headers: auth });
    const versions = history.json() as Bundle;
    expect(versions.entry?.map((e) => e.fullUrl)).toEqual([`${PUBLIC}/fhir/R4/Patient/${patient.id}`]);
    expect(versions.link?.every((l) => l.url.startsWith(`${PUBLIC}/fhir/R4/`))).toBe(true);
    expect(urlsIn(history.body).some((u) => u.includes(EVIL))).toBe(false);
    const metadata = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata', headers: { host: EVIL } });
    const capability = metadata.json() as CapabilityStatement;
    expect(capability.implementation?.url).toBe(`${PUBLIC}/fhir/R4`);
    expect(metadata.body).not.toContain(EVIL);
    expect(metadata.body).toContain(`${PUBLIC}/oauth/token`);
  });

  it('issues tokens for the public URL as issuer and its FHIR base as audience', async () => {
    const token = await server.token();
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iss: string; aud: string };
    expect(claims).toMatchObject({ iss: PUBLIC, aud: `${PUBLIC}/fhir/R4` });
  });
});

describe('with no public URL configured, the Host header is still never used', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => server?.close());

  it('caches nothing from the first request’s Host: SMART configuration, links and the CapabilityStatement', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata', headers: { host: EVIL } });
    expect(first.body).not.toContain(EVIL);
    const second = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata', headers: { host: 'localhost' } });
    expect(second.body).not.toContain(EVIL);
    const smart = await server.app.inject({ method: 'GET', url: '/.well-known/smart-configuration', headers: { host: EVIL } });
    expect(smart.body).not.toContain(EVIL);
    const search = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { authorization: `Bearer ${await server.token()}`, host: EVIL } });
    expect(search.statusCode).toBe(200);
    expect(search.body).not.toContain(EVIL);
  });
});

describe('the token endpoint throttle behind a proxy (trustProxy)', () => {
  let close: () => Promise<void>;
  let app: ReturnType<typeof Fastify>;
  let partner: { id: string; secret: string };

  beforeAll(async () => {
    const opened = await openTestPlatform('pglite');
    // The server's trustProxy setting (ServerOptions.trustProxy / FOOTPRINT_TRUST_PROXY) makes request.ip the client behind the proxy.
    app = Fastify({ logger: false, trustProxy: true });
    const tokens = await TokenService.open(opened.platform.sql, opened.platform.dataDir, tokenIdentity({}));
    await app.register(oauthRoutes, { sql: opened.platform.sql, tokens, publicBase: {} });
    await app.ready();
    const { client, secret } = await createClient(opened.platform.sql, { name: 'Partner', organisation: 'Organization/gp', scopes: ['system/Patient.rs'] });
    partner = { id: client.id, secret };
    close = async () => {
      await app.close();
      await opened.close();
    };
  });
  afterAll(async () => close?.());

  const ask = (from: string, secret: string) =>
    app.inject({ method: 'POST', url: '/oauth/token', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': from }, payload: { grant_type: 'client_credentials', client_id: partner.id, client_secret: secret } });

  it('slows the attacker’s address down, and neither the partner nor anyone else behind the proxy', async () => {
    const attacker = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await ask(attacker, `guess-${i}`)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Guessing at the partner's id does not lock the partner out, nor another address behind the same proxy.
    expect((await ask('198.51.100.7', partner.secret)).statusCode).toBe(200);
    expect((await ask('198.51.100.8', 'wrong')).statusCode).toBe(401);
    // The attacker's own address stays slowed down, even with the right secret.
    expect((await ask(attacker, partner.secret)).statusCode).toBe(429);
  });
});
