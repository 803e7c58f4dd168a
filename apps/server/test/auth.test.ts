import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutcome } from '@footprint/fhir';
import { createClient } from '../src/auth/clients';
import { SigningKeys } from '../src/auth/keys';
import { mintAccessToken } from '../src/auth/tokens';
import { FHIR_JSON, startTestServer, storageKinds, type TestServer } from './support';

describe.each(storageKinds)('OAuth2 and SMART scopes on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.close());

  it('creates an administrator client on first start and writes its credentials with mode 0600', async () => {
    const path = join(server.platform.dataDir, 'credentials.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(server.platform.dataDir, 'signing-key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(server.platform.dataDir, 'signing-keys.json'))).mode & 0o777).toBe(0o600);
    const credentials = JSON.parse(await readFile(path, 'utf8')) as { clientId: string; clientSecret: string };
    const response = await server.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${credentials.clientId}&client_secret=${encodeURIComponent(credentials.clientSecret)}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json() as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'system/*.cruds' });
    const stored = await server.platform.sql.query<{ secret_hash: string }>('SELECT secret_hash FROM oauth_client WHERE id = $1', [credentials.clientId]);
    expect(stored.rows[0].secret_hash).not.toContain(credentials.clientSecret);
  });

  it('grants the requested scopes the client is allowed, by HTTP Basic too, and refuses the rest', async () => {
    const { client, secret } = await createClient(server.platform.sql, { name: 'GP system', organisation: 'Organization/gp', odsCode: 'A81001', scopes: ['system/Patient.rs', 'system/Observation.cruds'] });
    const basic = Buffer.from(`${client.id}:${secret}`).toString('base64');
    const narrowed = await server.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&scope=system/*.rs system/Encounter.r',
    });
    expect(narrowed.statusCode).toBe(200);
    expect((narrowed.json() as { scope: string }).scope.split(' ').sort()).toEqual(['system/Observation.rs', 'system/Patient.rs']);

    const none = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret, scope: 'system/Encounter.c' } });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: 'invalid_scope' });
    const wrong = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: 'guess' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'password', client_id: client.id, client_secret: secret } });
    expect(grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers a client id PostgreSQL cannot store (a NUL character, found by the OAuth fuzz) as an unknown client, not a 500', async () => {
    for (const headers of [
      { authorization: `Basic ${Buffer.from('\u0000:)[!:>8z^').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      { authorization: `Basic ${Buffer.from('fp-%00:secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    ]) {
      const answer = await server.app.inject({ method: 'POST', url: '/oauth/token', headers, payload: 'grant_type=client_credentials' });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ error: 'invalid_client' });
    }
    const inBody = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: 'fp-\u0000', client_secret: 'x' } });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses FHIR requests without a token or with a bad one (401) and beyond the scopes (403)', async () => {
    const noToken = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient' });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((noToken.json() as OperationOutcome).issue[0].code).toBe('login');

    const elsewhere = await mkdtemp(join(tmpdir(), 'footprint-other-keys-'));
    const forged = (await mintAccessToken(await SigningKeys.open(elsewhere), { issuer: 'footprint', audience: 'footprint/fhir/R4' }, { clientId: 'x', scopes: ['system/*.cruds'], purpose: 'TREAT' })).token;
    await rm(elsewhere, { recursive: true, force: true });
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { authorization: `Bearer ${forged}` } })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);

    const readOnly = await server.token(['system/Patient.rs']);
    const auth = { authorization: `Bearer ${readOnly}` };
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: auth })).statusCode).toBe(200);
    const create = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient' } });
    expect(create.statusCode).toBe(403);
    expect((create.json() as OperationOutcome).issue[0].code).toBe('forbidden');
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/Observation', headers: auth })).statusCode).toBe(403);
    const transaction = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4',
      headers: { ...auth, ...FHIR_JSON },
      payload: { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Patient' }, request: { method: 'POST', url: 'Patient' } }] },
    });
    expect(transaction.statusCode).toBe(403);
  });

  it('publishes SMART configuration and a public CapabilityStatement', async () => {
    const smart = await server.app.inject({ method: 'GET', url: '/.well-known/smart-configuration' });
    expect(smart.statusCode).toBe(200);
    expect((smart.json() as { grant_types_supported: string[] }).grant_types_supported).toContain('client_credentials');
    expect((smart.json() as { token_endpoint: string }).token_endpoint).toMatch(/\/oauth\/token$/);
    const metadata = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(metadata.statusCode).toBe(200);
  });
});
