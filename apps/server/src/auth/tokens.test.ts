import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidTokenError, mintAccessToken, verifyAccessToken } from './tokens';
import { hashSecret, verifySecret } from './secrets';

const key = randomBytes(32);

describe('access tokens', () => {
  it('round-trips claims', () => {
    const { token, expiresIn } = mintAccessToken(key, {
      issuer: 'footprint',
      clientId: 'gp-system',
      organisation: { reference: 'Organization/1', odsCode: 'A81001' },
      scopes: ['system/Patient.rs'],
      purpose: 'TREAT',
    });
    expect(expiresIn).toBe(300);
    const claims = verifyAccessToken(key, token);
    expect(claims).toMatchObject({ sub: 'gp-system', org: 'Organization/1', ods: 'A81001', scope: 'system/Patient.rs', purpose: 'TREAT' });
  });

  it('rejects a token signed with another key, a tampered token and an expired token', () => {
    const { token } = mintAccessToken(key, { issuer: 'footprint', clientId: 'c', scopes: ['system/Patient.r'], purpose: 'TREAT' });
    expect(() => verifyAccessToken(randomBytes(32), token)).toThrow(InvalidTokenError);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), scope: 'system/*.cruds' })).toString('base64url');
    expect(() => verifyAccessToken(key, `${h}.${forged}.${s}`)).toThrow(/signature/);
    const old = mintAccessToken(key, { issuer: 'footprint', clientId: 'c', scopes: [], purpose: 'TREAT', now: Date.now() - 3600_000 });
    expect(() => verifyAccessToken(key, old.token)).toThrow(/expired/);
    expect(() => verifyAccessToken(key, 'not-a-token')).toThrow(/well-formed/);
  });
});

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
