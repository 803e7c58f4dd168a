import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, legacyScryptHash, needsRehash, NO_MATCH_HASH, verifyPassword } from './passwords';

describe('staff password hashing', () => {
  it('hashes with Argon2id at OWASP’s parameters (19 MiB, 2 passes, 1 lane), verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('Tr0ub4dor&3');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain('Tr0ub4dor');
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword('Tr0ub4dor&3', hash)).toBe(true);
    expect(await verifyPassword('Tr0ub4dor&4', hash)).toBe(false);
  });

  it('still verifies an old scrypt hash, and says it needs replacing', async () => {
    const old = await legacyScryptHash('kettle orbit meadow');
    expect(old).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('kettle orbit meadow', old)).toBe(true);
    expect(await verifyPassword('kettle orbit meadoW', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA')).toBe(true);
  });

  it('salts each hash so equal passwords hash differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats malformed stored hashes, and the unknown-user stand-in, as not matching', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$AA==$AA==')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$v=19$m=19456,t=2,p=1$bad')).toBe(false);
    expect(await verifyPassword('', NO_MATCH_HASH)).toBe(false);
    expect(needsRehash(NO_MATCH_HASH)).toBe(false);
  });

  it('generates readable demo passwords with about 90 bits of randomness', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    expect(generatePassword()).not.toBe(password);
  });
});
