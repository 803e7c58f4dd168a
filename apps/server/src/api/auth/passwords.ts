import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

/**
 * Staff passwords are stored only as Argon2id hashes at OWASP's current recommended parameters
 * (Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1), in the self-describing PHC form
 * `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. Hashes written by earlier versions (scrypt, in the
 * form `scrypt$N$r$p$salt$hash`) still verify, and `needsRehash` tells sign-in to replace them.
 */
export const ARGON2_PARAMETERS = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;
const ARGON2_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMETERS.memoryCost},t=${ARGON2_PARAMETERS.timeCost},p=${ARGON2_PARAMETERS.parallelism}$`;

/** Passwords are compared in Unicode NFKC form, so the same passphrase typed on another keyboard matches. */
function normalise(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2's default algorithm is Argon2id; the prefix check below makes sure of it.
  const hashed = await argon2Hash(normalise(password), ARGON2_PARAMETERS);
  if (!hashed.startsWith(ARGON2_PREFIX)) throw new Error('Password hashing did not produce an Argon2id hash at the configured parameters');
  return hashed;
}

/** True when a stored hash is not Argon2id at today's parameters: sign-in replaces it once the password is known. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(ARGON2_PREFIX);
}

/** Constant-time comparison of a password with a stored hash (Argon2id, or a legacy scrypt hash); false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) {
    try {
      return await argon2Verify(stored, normalise(password));
    } catch {
      return false;
    }
  }
  return verifyLegacyScrypt(password, stored);
}

/** A stored hash no password matches, at today's parameters, so checking it costs what checking a real one costs. */
export const NO_MATCH_HASH = `${ARGON2_PREFIX}${Buffer.alloc(16).toString('base64').replace(/=+$/, '')}$${Buffer.alloc(32).toString('base64').replace(/=+$/, '')}`;

function deriveScrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(normalise(password), salt, 64, { N, r, p, maxmem: 128 * N * r * 2 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The scrypt hashes earlier versions wrote (`scrypt$N$r$p$salt$hash`); verified until sign-in upgrades them. */
async function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20 || r > 32 || p > 16) return false;
  const expected = Buffer.from(parts[5], 'base64');
  try {
    const actual = await deriveScrypt(password, Buffer.from(parts[4], 'base64'), N, r, p);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  } catch {
    return false;
  }
}

/** Writes a legacy scrypt hash, for tests that prove old hashes are upgraded. */
export async function legacyScryptHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveScrypt(password, salt, 16384, 8, 1);
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A random password that is easy to type from the demo start page: four groups of letters and digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY23456789';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
