import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertUser } from '../src/api/auth/users';
import { buildServer } from '../src/app';
import { trustProxyFromEnvironment } from '../src/http/trust-proxy';
import { rateLimitsFromEnvironment } from '../src/http/rate-limits';
import { loggerOptions, serializeError } from '../src/logging';
import { FHIR_JSON, openTestPlatform, startTestServer, testNhsNumber, type TestServer } from './support';

/** Security headers, rate limits, trustProxy and log lines (issue 10 §2 and §3 "Headers", "Throttling", "Logs"). */
describe('security headers', () => {
  let server: TestServer;
  let emptyDist: string;

  beforeAll(async () => {
    emptyDist = await mkdtemp(join(tmpdir(), 'footprint-no-web-'));
    server = await startTestServer('pglite', { webDist: emptyDist });
  });
  afterAll(async () => {
    await server?.close();
    await rm(emptyDist, { recursive: true, force: true });
  });

  const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

  it('sends a strict Content-Security-Policy, no framing, nosniff and no referrer on the web app', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = directives(String(page.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of csp.values()) expect(sources).not.toContain("'unsafe-inline'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('allows a server-rendered page’s own <style> block by its hash, and nothing else inline', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.body)?.[1];
    expect(style).toBeDefined();
    const hash = `'sha256-${createHash('sha256').update(style!).digest('base64')}'`;
    expect(directives(String(page.headers['content-security-policy'])).get('style-src')).toEqual(["'self'", hash]);
  });

  it('sends the same headers on API answers', async () => {
    const api = await server.app.inject({ method: 'GET', url: '/api/sign-in-options' });
    expect(api.headers['content-security-policy']).toContain("default-src 'self'");
    expect(api.headers['x-frame-options']).toBe('DENY');
    const fhir = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(fhir.headers['x-content-type-options']).toBe('nosniff');
    expect(fhir.headers['x-frame-options']).toBe('DENY');
  });
});

describe('rate limits', () => {
  it('limits sign-in, token and public endpoints per client address, in each area’s own error format', async () => {
    const server = await startTestServer('pglite', { rateLimits: { signInPerMinute: 3, tokenPerMinute: 2, publicPerMinute: 4 } });
    try {
      await upsertUser(server.platform.sql, { username: 'limited.user', role: 'analyst', displayName: 'Limited', password: 'limited user password' });
      const signIn = (from: string) => server.app.inject({ method: 'POST', url: '/api/session', remoteAddress: from, payload: { username: 'limited.user', password: 'limited user password' } });
      for (let i = 0; i < 3; i++) expect((await signIn('192.0.2.1')).statusCode).toBe(200);
      const limited = await signIn('192.0.2.1');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await signIn('192.0.2.2')).statusCode).toBe(200);

      const token = (from: string) => server.app.inject({ method: 'POST', url: '/oauth/token', remoteAddress: from, payload: { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' } });
      for (let i = 0; i < 2; i++) expect((await token('192.0.2.3')).statusCode).toBe(401);
      const tokenLimited = await token('192.0.2.3');
      expect(tokenLimited.statusCode).toBe(429);
      expect(tokenLimited.headers['retry-after']).toBeDefined();
      expect((await token('192.0.2.4')).statusCode).toBe(401);

      const metadata = (from: string) => server.app.inject({ method: 'GET', url: '/fhir/R4/metadata', remoteAddress: from });
      for (let i = 0; i < 4; i++) expect((await metadata('192.0.2.5')).statusCode).toBe(200);
      const fhirLimited = await metadata('192.0.2.5');
      expect(fhirLimited.statusCode).toBe(429);
      expect(String(fhirLimited.statusCode)).not.toMatch(/^5/);
    } finally {
      await server.close();
    }
  });

  it('keys on the real client behind a trusted proxy, and ignores X-Forwarded-For from anyone else', async () => {
    const opened = await openTestPlatform('pglite');
    const limits = { rateLimits: { tokenPerMinute: 2 } };
    const trusted = buildServer(opened.platform, { logger: false, trustProxy: '127.0.0.1', ...limits });
    const untrusted = buildServer(opened.platform, { logger: false, bootstrapAdministrator: false, ...limits });
    try {
      const token = (app: typeof trusted, client: string) =>
        app.inject({ method: 'POST', url: '/oauth/token', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client }, payload: { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' } });
      // Behind the proxy, one attacker using up their limit does not stop a partner at another address.
      for (let i = 0; i < 3; i++) await token(trusted, '203.0.113.66');
      expect((await token(trusted, '203.0.113.66')).statusCode).toBe(429);
      expect((await token(trusted, '203.0.113.77')).statusCode).toBe(401);
      // Without trust, a client cannot pick a fresh address for each request.
      for (let i = 0; i < 3; i++) await token(untrusted, `203.0.113.${100 + i}`);
      expect((await token(untrusted, '203.0.113.200')).statusCode).toBe(429);
    } finally {
      await trusted.close();
      await untrusted.close();
      await opened.close();
    }
  });

  it('reads FOOTPRINT_TRUST_PROXY and the FOOTPRINT_*_RATE_LIMIT settings, refusing nonsense', () => {
    expect(trustProxyFromEnvironment({})).toBe(false);
    expect(trustProxyFromEnvironment({ FOOTPRINT_TRUST_PROXY: 'true' })).toBe(true);
    expect(trustProxyFromEnvironment({ FOOTPRINT_TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxyFromEnvironment({ FOOTPRINT_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' })).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => trustProxyFromEnvironment({ FOOTPRINT_TRUST_PROXY: 'yes please' })).toThrow(/FOOTPRINT_TRUST_PROXY/);
    expect(rateLimitsFromEnvironment({ FOOTPRINT_SIGN_IN_RATE_LIMIT: '10' })).toMatchObject({ signInPerMinute: 10, tokenPerMinute: 120 });
    expect(() => rateLimitsFromEnvironment({ FOOTPRINT_PUBLIC_RATE_LIMIT: '0' })).toThrow(/FOOTPRINT_PUBLIC_RATE_LIMIT/);
  });
});

describe('log lines', () => {
  it('carry the route pattern, never the path with its ids and NHS numbers, and errors without their parameters', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const server = await startTestServer('pglite', { logger: { ...(loggerOptions('info') as object), stream } });
    try {
      const token = await server.token();
      const nhs = testNhsNumber(7001);
      const created = await server.app.inject({
        method: 'POST',
        url: '/fhir/R4/Patient',
        headers: { authorization: `Bearer ${token}`, ...FHIR_JSON },
        payload: { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs }] },
      });
      const id = (created.json() as { id: string }).id;
      expect((await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${id}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
      expect((await server.app.inject({ method: 'GET', url: `/api/nothing-here/${nhs}` })).statusCode).toBe(404);
      const log = lines.join('');
      expect(log).toMatch(/"route":"\/fhir\/R4\/[^"]*:[a-z]+"/);
      expect(log).not.toContain(id);
      expect(log).not.toContain(nhs);
      expect(log).toContain('"route":"(no route)"');
    } finally {
      await server.close();
    }

    const databaseError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      parameters: ['Featherstonehaugh', '1961-04-12'],
      query: "SELECT * FROM patient WHERE family = 'Featherstonehaugh'",
      detail: 'Key (family)=(Featherstonehaugh) already exists.',
      cause: Object.assign(new Error('inner'), { values: ['9434765919'] }),
    });
    const serialised = JSON.stringify(serializeError(databaseError));
    expect(serialised).toContain('23505');
    expect(serialised).toContain('duplicate key value');
    expect(serialised).not.toContain('Featherstonehaugh');
    expect(serialised).not.toContain('1961-04-12');
    expect(serialised).not.toContain('9434765919');
  });
});
