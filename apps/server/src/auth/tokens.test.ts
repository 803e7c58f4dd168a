import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ACCESS_TOKEN_LIFETIME_SECONDS, rotateSigningKey, SigningKeys } from './keys';
import { ACCESS_TOKEN_TYPE, InvalidTokenError, mintAccessToken, verifyAccessToken } from './tokens';
import { hashSecret, verifySecret } from './secrets';

const identity = { issuer: 'https://footprint.example', audience: 'https://footprint.example/fhir/R4' };
const basic = { clientId: 'gp-system', scopes: ['system/Patient.rs'], purpose: 'TREAT' };

describe('access tokens (jose, ES256)', () => {
  let dataDir: string;
  let keys: SigningKeys;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-keys-'));
    keys = await SigningKeys.open(dataDir);
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  /** A token signed with the real current key but claims of the test's choosing, as an attacker holding no key cannot make: proves the claim checks themselves. */
  async function signed(claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
    const key = await keys.current();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ scope: 'system/Patient.rs', purpose: 'TREAT', sub: 'gp-system', jti: 'j1', iat: now, exp: now + 300, iss: identity.issuer, aud: identity.audience, ...claims })
      .setProtectedHeader({ alg: 'ES256', typ: ACCESS_TOKEN_TYPE, kid: key.kid, ...header })
      .sign(key.privateKey);
  }

  it('round-trips claims, with issuer, audience, kid and type in the token', async () => {
    const { token, expiresIn, jti } = await mintAccessToken(keys, identity, { ...basic, organisation: { reference: 'Organization/1', odsCode: 'A81001' } });
    expect(expiresIn).toBe(300);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as Record<string, string>;
    expect(header).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: (await keys.current()).kid });
    const claims = await verifyAccessToken(keys, identity, token);
    expect(claims).toMatchObject({ iss: identity.issuer, aud: identity.audience, sub: 'gp-system', org: 'Organization/1', ods: 'A81001', scope: 'system/Patient.rs', purpose: 'TREAT', jti });
    expect((await stat(join(dataDir, 'signing-keys.json'))).mode & 0o777).toBe(0o600);
  });

  it('refuses another key, a tampered payload, an expired token and garbage', async () => {
    const other = await mkdtemp(join(tmpdir(), 'footprint-keys-other-'));
    try {
      const foreign = await mintAccessToken(await SigningKeys.open(other), identity, basic);
      await expect(verifyAccessToken(keys, identity, foreign.token)).rejects.toThrow(/key this server does not hold/);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    const { token } = await mintAccessToken(keys, identity, basic);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), scope: 'system/*.cruds' })).toString('base64url');
    await expect(verifyAccessToken(keys, identity, `${h}.${forged}.${s}`)).rejects.toThrow(/signature/);
    const old = await mintAccessToken(keys, identity, { ...basic, now: Date.now() - 3600_000 });
    await expect(verifyAccessToken(keys, identity, old.token)).rejects.toThrow(/expired/);
    await expect(verifyAccessToken(keys, identity, 'not-a-token')).rejects.toThrow(/well-formed/);
  });

  it('refuses a signature with characters appended or with unused bits changed (canonical base64url only)', async () => {
    const { token } = await mintAccessToken(keys, identity, basic);
    await expect(verifyAccessToken(keys, identity, token)).resolves.toBeTruthy();
    for (const extra of ['A', 'AA', 'AAAA', '=', '==', '.', '%20', '\u0000']) {
      await expect(verifyAccessToken(keys, identity, token + extra), extra).rejects.toThrow(InvalidTokenError);
    }
    // An ES256 signature is 64 bytes: 86 characters whose last carries 2 unused bits. Setting them decodes to the same bytes.
    const [h, p, s] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(s.at(-1)!);
    const sibling = `${s.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(sibling, 'base64url').equals(Buffer.from(s, 'base64url'))).toBe(true);
    await expect(verifyAccessToken(keys, identity, `${h}.${p}.${sibling}`)).rejects.toThrow(/canonical/);
  });

  it('requires issuer and audience, and they must be this server’s', async () => {
    await expect(verifyAccessToken(keys, identity, await signed({ iss: undefined }))).rejects.toThrow(/iss/);
    await expect(verifyAccessToken(keys, identity, await signed({ aud: undefined }))).rejects.toThrow(/aud/);
    await expect(verifyAccessToken(keys, identity, await signed({ iss: 'https://elsewhere.example' }))).rejects.toThrow(/not issued by this server/);
    await expect(verifyAccessToken(keys, identity, await signed({ aud: 'https://elsewhere.example/fhir' }))).rejects.toThrow(/not for this API/);
    await expect(verifyAccessToken(keys, identity, await signed({ aud: [identity.audience, 'x'] }))).rejects.toThrow(/exactly one audience/);
    await expect(verifyAccessToken(keys, identity, await signed({ jti: undefined }))).rejects.toThrow(/jti/);
    await expect(verifyAccessToken(keys, identity, await signed({}, { typ: 'JWT' }))).rejects.toThrow(/typ/);
    await expect(verifyAccessToken(keys, identity, await signed({}, { kid: undefined }))).rejects.toThrow(/kid/);
  });

  it('refuses far-future expiry, issue in the future and unknown purposes', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifyAccessToken(keys, identity, await signed({ exp: now + 10 * 365 * 86_400 }))).rejects.toThrow(/longer than/);
    await expect(verifyAccessToken(keys, identity, await signed({ iat: now + 3600, exp: now + 3900 }))).rejects.toThrow(/future/);
    await expect(verifyAccessToken(keys, identity, await signed({ purpose: 'MARKETING' }))).rejects.toThrow(/unknown purpose/);
    await expect(verifyAccessToken(keys, identity, await signed({ purpose: undefined }))).rejects.toThrow(/unknown purpose/);
    await expect(verifyAccessToken(keys, identity, await signed({ kind: 'admin' }))).rejects.toThrow(/unknown kind/);
    await expect(mintAccessToken(keys, identity, { ...basic, purpose: 'MARKETING' })).rejects.toThrow(/Unknown purpose/);
    await expect(mintAccessToken(keys, identity, { ...basic, lifetimeSeconds: MAX_ACCESS_TOKEN_LIFETIME_SECONDS + 1 })).rejects.toThrow(/between 1 and/);
  });

  it('rotates: the new key signs, the old one still verifies its tokens and is in the JWKS until its tokens have all expired', async () => {
    const before = await mintAccessToken(keys, identity, basic);
    const oldKid = (await keys.current()).kid;
    const rotated = await rotateSigningKey(dataDir);
    expect(rotated.retired).toEqual([oldKid]);
    // Another process (this one, here) picks the rotation up: a token signed with the new key names a kid it then loads.
    const elsewhere = await SigningKeys.open(dataDir);
    const after = await mintAccessToken(elsewhere, identity, basic);
    expect(JSON.parse(Buffer.from(after.token.split('.')[0], 'base64url').toString()).kid).toBe(rotated.kid);
    await expect(verifyAccessToken(keys, identity, after.token)).resolves.toMatchObject({ sub: 'gp-system' });
    await expect(verifyAccessToken(keys, identity, before.token)).resolves.toMatchObject({ sub: 'gp-system' });
    const jwks = await elsewhere.jwks();
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.kid].sort());
    expect(jwks.keys.every((k) => k.d === undefined && k.alg === 'ES256')).toBe(true);

    // A day after retirement the old key verifies nothing and leaves the JWKS; the next rotation drops it.
    const later = Date.now() + (MAX_ACCESS_TOKEN_LIFETIME_SECONDS + 60) * 1000;
    const stale = await new SignJWT({ scope: 'system/Patient.rs', purpose: 'TREAT', jti: 'late' })
      .setProtectedHeader({ alg: 'ES256', typ: ACCESS_TOKEN_TYPE, kid: oldKid })
      .setIssuer(identity.issuer).setAudience(identity.audience).setSubject('gp-system')
      .setIssuedAt(Math.floor(later / 1000) - 10).setExpirationTime(Math.floor(later / 1000) + 100)
      .sign(await privateKeyOf(dataDir, oldKid));
    await expect(verifyAccessToken(elsewhere, identity, stale, { now: later })).rejects.toThrow(/key this server does not hold/);
    expect((await elsewhere.jwks(new Date(later))).keys.map((k) => k.kid)).toEqual([rotated.kid]);
    const again = await rotateSigningKey(dataDir, new Date(later));
    expect(again.dropped).toEqual([oldKid]);
  });
});

/** Reads a private key straight from the key file: only a test signs with a retired key. */
async function privateKeyOf(dataDir: string, kid: string): Promise<CryptoKey> {
  const stored = JSON.parse(await readFile(join(dataDir, 'signing-keys.json'), 'utf8')) as { keys: Array<{ kid: string; privateJwk: JWK }> };
  const found = stored.keys.find((k) => k.kid === kid);
  if (!found) throw new Error(`no key ${kid}`);
  return (await importJWK(found.privateJwk, 'ES256')) as CryptoKey;
}

describe('client secrets', () => {
  it('verifies only the right secret and never stores it in clear', async () => {
    const hash = await hashSecret('s3cret-value');
    expect(hash).not.toContain('s3cret-value');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifySecret('s3cret-value', hash)).toBe(true);
    expect(await verifySecret('s3cret-valuE', hash)).toBe(false);
    expect(await verifySecret('x', 'garbage')).toBe(false);
  });
});
