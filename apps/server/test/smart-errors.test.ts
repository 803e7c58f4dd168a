import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSmartApp } from '../src/auth/smart/apps';
import { s256 } from '../src/auth/smart/pkce';
import { startTestServer, storageKinds, type TestServer } from './support';

const REDIRECT = 'https://diary.example/callback';
const VERIFIER = 'v'.repeat(43) + 'erifier-for-the-error-cases';

describe.each(storageKinds)('SMART App Launch: discovery and refusals on %s', (kind) => {
  let server: TestServer;
  // Not listening and no public URL configured: the server's own address is http://localhost (never the Host header).
  const base = 'http://localhost';

  beforeAll(async () => {
    server = await startTestServer(kind);
    await registerSmartApp(server.platform.sql, { id: 'diary', name: 'My Health Diary', type: 'public', redirectUris: [REDIRECT] });
    await registerSmartApp(server.platform.sql, { id: 'coach', name: 'Coach', type: 'confidential', redirectUris: [REDIRECT], secret: 'coach-secret', scopes: ['patient/Observation.rs'] });
  });
  afterAll(async () => server?.close());

  const authorize = (params: Record<string, string>) =>
    server.app.inject({ method: 'GET', url: `/oauth/authorize?${new URLSearchParams(params).toString()}`, headers: { host: 'localhost:80' } });
  const valid = () => ({
    response_type: 'code',
    client_id: 'diary',
    redirect_uri: REDIRECT,
    scope: 'launch/patient patient/*.rs',
    state: 'st-1',
    aud: `${base}/fhir/R4`,
    code_challenge: s256(VERIFIER),
    code_challenge_method: 'S256',
  });
  const redirectParams = (location: string | undefined) => {
    expect(location).toBeDefined();
    const url = new URL(String(location));
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
    return Object.fromEntries(url.searchParams);
  };

  it('advertises standalone launch with PKCE at the FHIR base and at the root', async () => {
    for (const url of ['/fhir/R4/.well-known/smart-configuration', '/.well-known/smart-configuration']) {
      const response = await server.app.inject({ method: 'GET', url, headers: { host: 'localhost:80' } });
      expect(response.statusCode).toBe(200);
      const config = response.json() as Record<string, unknown>;
      expect(config).toMatchObject({ authorization_endpoint: `${base}/oauth/authorize`, token_endpoint: `${base}/oauth/token`, code_challenge_methods_supported: ['S256'] });
      expect(config.capabilities).toEqual(expect.arrayContaining(['launch-standalone', 'client-public', 'client-confidential-symmetric', 'context-standalone-patient', 'permission-patient', 'permission-v2']));
      expect(config.scopes_supported).toEqual(expect.arrayContaining(['launch/patient', 'patient/*.rs']));
    }
  });

  it('never redirects to an unregistered address or for an unknown app', async () => {
    const unknown = await authorize({ ...valid(), client_id: 'nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers.location).toBeUndefined();
    expect(unknown.body).toContain('Unknown app');
    const elsewhere = await authorize({ ...valid(), redirect_uri: 'https://diary.example/callback/../steal' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.headers.location).toBeUndefined();
    const prefix = await authorize({ ...valid(), redirect_uri: `${REDIRECT}?x=1` });
    expect(prefix.statusCode).toBe(400);
  });

  it('sends errors back to the app with its state: PKCE, response type, audience, scopes', async () => {
    const noPkce = await authorize({ ...valid(), code_challenge_method: 'plain' });
    expect(noPkce.statusCode).toBe(303);
    expect(redirectParams(noPkce.headers.location)).toMatchObject({ error: 'invalid_request', state: 'st-1' });
    const shortChallenge = await authorize({ ...valid(), code_challenge: 'abc' });
    expect(redirectParams(shortChallenge.headers.location)).toMatchObject({ error: 'invalid_request' });
    const token = await authorize({ ...valid(), response_type: 'token' });
    expect(redirectParams(token.headers.location)).toMatchObject({ error: 'unsupported_response_type', state: 'st-1' });
    const aud = await authorize({ ...valid(), aud: 'https://elsewhere.example/fhir' });
    expect(redirectParams(aud.headers.location)).toMatchObject({ error: 'invalid_request' });
    const noState = await authorize({ ...valid(), state: '' });
    expect(redirectParams(noState.headers.location)).toMatchObject({ error: 'invalid_request' });
    const system = await authorize({ ...valid(), scope: 'system/*.cruds user/*.rs' });
    expect(redirectParams(system.headers.location)).toMatchObject({ error: 'invalid_scope', state: 'st-1' });
    const beyond = await authorize({ ...valid(), client_id: 'coach', scope: 'patient/Condition.rs' });
    expect(redirectParams(beyond.headers.location)).toMatchObject({ error: 'invalid_scope' });
  });

  it('asks the person to sign in before the consent screen', async () => {
    const response = await authorize(valid());
    expect(response.statusCode).toBe(303);
    const consent = String(response.headers.location);
    expect(consent).toMatch(/^\/oauth\/consent\?request=/);
    // First from this site's own page (the session cookie is SameSite=Strict), then to sign-in.
    const checking = await server.app.inject({ method: 'GET', url: consent });
    expect(checking.statusCode).toBe(200);
    expect(checking.body).toContain(`url=${consent.replace(/&/g, '&amp;')}&amp;checked=1`);
    const page = await server.app.inject({ method: 'GET', url: `${consent}&checked=1` });
    expect(page.statusCode).toBe(303);
    expect(String(page.headers.location)).toBe(`/api/patient/sign-in?returnTo=${encodeURIComponent(consent)}`);
    const expired = await server.app.inject({ method: 'GET', url: '/oauth/consent?request=made-up' });
    expect(expired.statusCode).toBe(400);
  });

  it('answers bad token requests with RFC 6749 errors, never a 5xx', async () => {
    const post = (payload: Record<string, string>, headers: Record<string, string> = {}) => server.app.inject({ method: 'POST', url: '/oauth/token', payload, headers });
    const unknownCode = await post({ grant_type: 'authorization_code', client_id: 'diary', code: 'nope', redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(unknownCode.statusCode).toBe(400);
    expect(unknownCode.json()).toMatchObject({ error: 'invalid_grant' });
    const noVerifier = await post({ grant_type: 'authorization_code', client_id: 'diary', code: 'nope', redirect_uri: REDIRECT });
    expect(noVerifier.json()).toMatchObject({ error: 'invalid_request' });
    const publicWithSecret = await post({ grant_type: 'authorization_code', client_id: 'diary', client_secret: 'x', code: 'nope', redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(publicWithSecret.statusCode).toBe(401);
    expect(publicWithSecret.json()).toMatchObject({ error: 'invalid_client' });
    const confidentialWithout = await post({ grant_type: 'authorization_code', client_id: 'coach', code: 'nope', redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(confidentialWithout.json()).toMatchObject({ error: 'invalid_client' });
    const badRefresh = await post({ grant_type: 'refresh_token', client_id: 'diary', refresh_token: 'nope' });
    expect(badRefresh.json()).toMatchObject({ error: 'invalid_grant' });
    const implicit = await post({ grant_type: 'implicit', client_id: 'diary' });
    expect(implicit.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('refuses to register an app with a bad redirect URI or scopes beyond reading the person’s record', async () => {
    const sql = server.platform.sql;
    await expect(registerSmartApp(sql, { name: 'x', type: 'public', redirectUris: ['http://evil.example/cb'] })).rejects.toThrow(/https/);
    await expect(registerSmartApp(sql, { name: 'x', type: 'public', redirectUris: ['https://a.example/cb#frag'] })).rejects.toThrow(/fragment/);
    await expect(registerSmartApp(sql, { name: 'x', type: 'public', redirectUris: [REDIRECT], scopes: ['system/*.rs'] })).rejects.toThrow(/patient scopes/);
    await expect(registerSmartApp(sql, { name: 'x', type: 'public', redirectUris: [REDIRECT], scopes: ['patient/Observation.cruds'] })).rejects.toThrow(/only read and search/);
  });
});
