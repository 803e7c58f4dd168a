import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutcome, Patient } from '@footprint/fhir';
import { createClient, disableClient } from '../src/auth/clients';
import { SigningKeys } from '../src/auth/keys';
import { ACCESS_TOKEN_TYPE } from '../src/auth/tokens';
import { FHIR_JSON, startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

/**
 * The token defects of issue 10 (§3 "Tokens", "Scope context", the FHIR Cache-Control bullet and
 * revocation), each through the real HTTP server: what the probe did, and that it is refused now.
 */
describe.each(storageKinds)('access tokens at the FHIR API on %s', (kind) => {
  let server: TestServer;
  let patient: Patient;
  const ISSUER = 'footprint';
  const AUDIENCE = 'footprint/fhir/R4';

  const get = (token: string, url = '/fhir/R4/Patient') => server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const diagnostics = (body: string) => (JSON.parse(body) as OperationOutcome).issue[0].diagnostics ?? '';

  async function clientToken(clientId: string, secret: string, scope?: string): Promise<string> {
    const response = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret, ...(scope ? { scope } : {}) } });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { access_token: string }).access_token;
  }

  /** Signs claims of the test's choosing with the server's real current key: only the claim checks can refuse these. */
  async function signed(claims: JWTPayload): Promise<string> {
    const key = await (await SigningKeys.open(server.platform.dataDir)).current();
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: ISSUER, aud: AUDIENCE, sub: 'unset', scope: 'system/Patient.rs', purpose: 'TREAT', jti: `t-${Math.random()}`, iat: now, exp: now + 300, ...claims };
    return new SignJWT(Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined))).setProtectedHeader({ alg: 'ES256', typ: ACCESS_TOKEN_TYPE, kid: key.kid }).sign(key.privateKey);
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = { authorization: `Bearer ${await server.token()}`, ...FHIR_JSON };
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: admin, payload: { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(5150) }] } });
    patient = created.json() as Patient;
  });
  afterAll(async () => server?.close());

  it('ends a token at once when its client is disabled', async () => {
    const { client, secret } = await createClient(server.platform.sql, { name: 'Soon gone', organisation: 'Organization/gp', scopes: ['system/Patient.rs'] });
    const token = await clientToken(client.id, secret);
    expect((await get(token)).statusCode).toBe(200);
    await disableClient(server.platform.sql, client.id);
    const after = await get(token);
    expect(after.statusCode).toBe(401);
    expect(diagnostics(after.body)).toMatch(/disabled/);
  });

  it('refuses a signature with characters appended (base64url decoding must not ignore them)', async () => {
    const token = await server.token(['system/Patient.rs']);
    expect((await get(token)).statusCode).toBe(200);
    for (const extra of ['=', '==', '!', '~', '*', 'A', 'AA']) {
      expect((await get(token + extra)).statusCode, `signature + ${extra}`).toBe(401);
    }
  });

  it('refuses well-signed tokens whose claims are not valid: no such client, far-future expiry, unknown purpose, no issuer or audience', async () => {
    const { client } = await createClient(server.platform.sql, { name: 'Claims', organisation: 'Organization/gp', scopes: ['system/Patient.rs'] });
    const good = await signed({ sub: client.id, org: 'Organization/gp' });
    expect((await get(good)).statusCode).toBe(200);
    const now = Math.floor(Date.now() / 1000);
    const cases: Record<string, JWTPayload> = {
      'a sub that is no client': { sub: 'no-such-client' },
      'far-future expiry': { sub: client.id, org: 'Organization/gp', exp: now + 50 * 365 * 86_400 },
      'an unknown purpose': { sub: client.id, org: 'Organization/gp', purpose: 'MARKETING' },
      'another purpose than the client’s': { sub: client.id, org: 'Organization/gp', purpose: 'HRESCH' },
      'another organisation than the client’s': { sub: client.id, org: 'Organization/someone-else' },
      'scopes beyond the client’s': { sub: client.id, org: 'Organization/gp', scope: 'system/*.cruds' },
      'no issuer': { sub: client.id, org: 'Organization/gp', iss: undefined },
      'no audience': { sub: client.id, org: 'Organization/gp', aud: undefined },
      'another issuer': { sub: client.id, org: 'Organization/gp', iss: 'https://attacker.example' },
      'another audience': { sub: client.id, org: 'Organization/gp', aud: 'https://other-api.example/fhir' },
    };
    for (const [what, claims] of Object.entries(cases)) {
      const response = await get(await signed(claims));
      expect(response.statusCode, what).toBe(401);
      expect(response.headers['www-authenticate'], what).toMatch(/invalid_token/);
    }
  });

  it('ends staff and patient tokens when the account is disabled, the role changes or the person is not in the record', async () => {
    const organisation = { reference: 'Organization/hospital', odsCode: 'RXX' };
    const staff = await server.staffToken('dr-token', 'hospital_clinician', organisation, ['user/*.rs']);
    expect((await get(staff)).statusCode).toBe(200);
    await server.platform.sql.query("UPDATE web_users SET role = 'analyst' WHERE username = 'dr-token'");
    expect(diagnostics((await get(staff)).body)).toMatch(/role/);
    await server.platform.sql.query("UPDATE web_users SET role = 'hospital_clinician', disabled_at = now() WHERE username = 'dr-token'");
    expect(diagnostics((await get(staff)).body)).toMatch(/disabled/);

    const nhsNumber = patient.identifier![0].value!;
    const person = await server.mint({ clientId: patient.id!, scopes: ['patient/*.rs'], purpose: 'TREAT', principal: { kind: 'patient', nhsNumber } });
    expect((await get(person, `/fhir/R4/Patient/${patient.id}`)).statusCode).toBe(200);
    const nobody = await server.mint({ clientId: 'no-such-patient', scopes: ['patient/*.rs'], purpose: 'TREAT', principal: { kind: 'patient', nhsNumber } });
    expect((await get(nobody)).statusCode).toBe(401);
    const wrongNumber = await server.mint({ clientId: patient.id!, scopes: ['patient/*.rs'], purpose: 'TREAT', principal: { kind: 'patient', nhsNumber: testNhsNumber(7001) } });
    expect((await get(wrongNumber)).statusCode).toBe(401);
  });

  describe('scope context', () => {
    it('never gives a client-credentials token patient/ or user/ scopes, even for a client stored with them', async () => {
      await expect(createClient(server.platform.sql, { name: 'Wrong', organisation: 'Organization/gp', scopes: ['patient/*.rs'] })).rejects.toThrow(/only have system\/ scopes/);
      await expect(createClient(server.platform.sql, { name: 'Wrong', organisation: 'Organization/gp', scopes: ['user/*.rs'] })).rejects.toThrow(/only have system\/ scopes/);
      // A client registered before this rule, straight in the table as the probe found one.
      const { client, secret } = await createClient(server.platform.sql, { name: 'Old registration', organisation: 'Organization/gp', scopes: ['system/Observation.rs'] });
      await server.platform.sql.query("UPDATE oauth_client SET scopes = 'patient/*.rs user/*.rs system/Observation.rs' WHERE id = $1", [client.id]);
      const all = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } });
      expect((all.json() as { scope: string }).scope).toBe('system/Observation.rs');
      const asked = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret, scope: 'patient/*.rs user/Patient.rs' } });
      expect(asked.statusCode).toBe(400);
      expect(asked.json()).toMatchObject({ error: 'invalid_scope' });
    });

    it('refuses a token whose scopes are of another context than its principal (a client with patient/*.rs reached every patient)', async () => {
      const { client } = await createClient(server.platform.sql, { name: 'Context', organisation: 'Organization/gp', scopes: ['system/Patient.rs'] });
      await server.platform.sql.query("UPDATE oauth_client SET scopes = 'patient/*.rs system/Patient.rs' WHERE id = $1", [client.id]);
      const clientWithPatientScope = await server.mint({ clientId: client.id, organisation: { reference: 'Organization/gp' }, scopes: ['patient/*.rs'], purpose: 'TREAT' });
      const refused = await get(clientWithPatientScope);
      expect(refused.statusCode).toBe(401);
      expect(diagnostics(refused.body)).toMatch(/patient\/ scopes, which a partner system cannot hold/);

      const organisation = { reference: 'Organization/hospital', odsCode: 'RXX' };
      const staffWithSystem = await server.staffToken('dr-context', 'hospital_clinician', organisation, ['system/*.rs']);
      expect(diagnostics((await get(staffWithSystem)).body)).toMatch(/system\/ scopes, which a member of staff cannot hold/);
      const nhsNumber = patient.identifier![0].value!;
      const personWithUser = await server.mint({ clientId: patient.id!, scopes: ['user/*.rs'], purpose: 'TREAT', principal: { kind: 'patient', nhsNumber } });
      expect(diagnostics((await get(personWithUser)).body)).toMatch(/user\/ scopes, which a person cannot hold/);
    });
  });

  describe('revocation', () => {
    it('revokes an access token through RFC 7009 /oauth/revoke, and it is refused from then on', async () => {
      const { client, secret } = await createClient(server.platform.sql, { name: 'Revoker', organisation: 'Organization/gp', scopes: ['system/Patient.rs'] });
      const token = await clientToken(client.id, secret);
      const other = await clientToken(client.id, secret);
      expect((await get(token)).statusCode).toBe(200);
      const revoke = await server.app.inject({
        method: 'POST',
        url: '/oauth/revoke',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.id}:${secret}`).toString('base64')}` },
        payload: `token=${token}&token_type_hint=access_token`,
      });
      expect(revoke.statusCode).toBe(200);
      expect(revoke.headers['cache-control']).toBe('no-store');
      const after = await get(token);
      expect(after.statusCode).toBe(401);
      expect(diagnostics(after.body)).toMatch(/revoked/);
      expect((await get(other)).statusCode).toBe(200);
      const stored = await server.platform.sql.query<{ revoked_by: string; subject: string }>('SELECT revoked_by, subject FROM revoked_access_token WHERE subject = $1', [client.id]);
      expect(stored.rows).toEqual([{ revoked_by: 'client', subject: client.id }]);
    });

    it('answers 200 for a token that is not ours, refuses another client’s token, and needs the client’s credentials', async () => {
      const mine = await createClient(server.platform.sql, { name: 'Mine', organisation: 'Organization/gp', scopes: ['system/Patient.rs'] });
      const theirs = await createClient(server.platform.sql, { name: 'Theirs', organisation: 'Organization/gp', scopes: ['system/Patient.rs'] });
      const theirToken = await clientToken(theirs.client.id, theirs.secret);
      const revoke = (payload: Record<string, string>) => server.app.inject({ method: 'POST', url: '/oauth/revoke', payload });
      expect((await revoke({ token: 'not-a-token', client_id: mine.client.id, client_secret: mine.secret })).statusCode).toBe(200);
      const refused = await revoke({ token: theirToken, client_id: mine.client.id, client_secret: mine.secret });
      expect(refused.statusCode).toBe(400);
      expect((await get(theirToken)).statusCode).toBe(200);
      expect((await revoke({ token: theirToken, client_id: theirs.client.id, client_secret: 'wrong' })).statusCode).toBe(401);
      expect((await revoke({ token: theirToken, client_id: theirs.client.id })).statusCode).toBe(401);
      expect((await revoke({ client_id: theirs.client.id, client_secret: theirs.secret })).statusCode).toBe(400);
      expect((await revoke({ token: theirToken, token_type_hint: 'id_token', client_id: theirs.client.id, client_secret: theirs.secret })).json()).toMatchObject({ error: 'unsupported_token_type' });
      expect((await get(theirToken)).statusCode).toBe(200);
    });
  });

  it('sends Cache-Control: no-store on every FHIR answer that may carry patient data, errors included', async () => {
    const token = await server.token();
    const answers = [
      await get(token, `/fhir/R4/Patient/${patient.id}`),
      await get(token, '/fhir/R4/Patient?_count=5'),
      await get(token, `/fhir/R4/Patient/${patient.id}/_history`),
      await get(token, '/fhir/R4/Patient/no-such-person'),
      await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 404, 401]);
    for (const answer of answers) expect(answer.headers['cache-control'], answer.body.slice(0, 80)).toBe('no-store');
    const metadata = await server.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(metadata.headers['cache-control']).toBeUndefined();
  });

  it('publishes the public signing keys (JWKS) and the revocation endpoint', async () => {
    const jwks = await server.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(jwks.statusCode).toBe(200);
    const { keys } = jwks.json() as { keys: Array<Record<string, string>> };
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.kty === 'EC' && k.alg === 'ES256' && typeof k.kid === 'string' && k.d === undefined)).toBe(true);
    const token = await server.token();
    const kid = (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
    expect(keys.map((k) => k.kid)).toContain(kid);
    const smart = (await server.app.inject({ method: 'GET', url: '/.well-known/smart-configuration' })).json() as Record<string, string>;
    expect(smart.jwks_uri).toMatch(/\/\.well-known\/jwks\.json$/);
    expect(smart.revocation_endpoint).toMatch(/\/oauth\/revoke$/);
  });
});
