import { hash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Keyed pseudonyms for the warehouse. `patient_key` is HMAC-SHA256 of the record's patient id under
 * a secret salt kept in `<dataDir>/warehouse-key` (mode 0600, made on first use, never committed):
 * stable across builds so refreshes line up, meaningless without the key, and the same id never
 * appears in any table. `resource_key` is the same construction over `Type/id`, cut to 63 bits.
 */
export class Pseudonymiser {
  private readonly patientCache = new Map<string, string>();
  private static readonly cacheLimit = 500_000;
  /** The HMAC inner and outer padded keys (RFC 2104), as latin1 strings so each message costs two one-shot hashes. */
  private readonly innerPad: string;
  private readonly outerPad: string;

  constructor(key: Buffer) {
    if (key.length < 32 || key.length > 64) throw new Error('The warehouse key must be 32 to 64 bytes');
    const inner = Buffer.alloc(64, 0x36);
    const outer = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < key.length; i++) {
      inner[i] ^= key[i];
      outer[i] ^= key[i];
    }
    this.innerPad = inner.toString('latin1');
    this.outerPad = outer.toString('latin1');
  }

  /** HMAC-SHA256(key, message), computed as H(K⊕opad ‖ H(K⊕ipad ‖ m)): twice as fast as createHmac per call. */
  hmac(message: string): Buffer {
    const bytes = nonAscii.test(message) ? Buffer.from(message, 'utf8').toString('latin1') : message;
    const inner = hash('sha256', Buffer.from(this.innerPad + bytes, 'latin1'), 'binary');
    return hash('sha256', Buffer.from(this.outerPad + inner, 'latin1'), 'buffer');
  }

  /** The patient's pseudonym: 128 bits of the HMAC as base64url (22 characters). */
  patientKey(patientId: string): string {
    let key = this.patientCache.get(patientId);
    if (key === undefined) {
      key = this.hmac(`Patient/${patientId}`).subarray(0, 16).toString('base64url');
      if (this.patientCache.size >= Pseudonymiser.cacheLimit) this.patientCache.clear();
      this.patientCache.set(patientId, key);
    }
    return key;
  }

  /** A resource's pseudonym, a positive 63-bit integer, so refresh can find its rows. */
  resourceKey(resourceType: string, id: string): bigint {
    return this.hmac(`${resourceType}/${id}`).readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
  }
}

const nonAscii = /[^\x00-\x7f]/;

/** The key file's name inside the data directory. */
export const keyFileName = 'warehouse-key';

/**
 * Reads `<dataDir>/warehouse-key`, creating it (32 random bytes, hex, mode 0600) when absent.
 * Refuses a key file that others can read, so a misconfigured copy is noticed rather than used.
 */
export async function loadWarehouseKey(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, keyFileName);
  try {
    const info = await stat(path);
    if ((info.mode & 0o077) !== 0) {
      throw new Error(`${path} is readable by other users; run chmod 600 on it (the warehouse key must stay secret)`);
    }
    const text = (await readFile(path, 'utf8')).trim();
    if (!/^[0-9a-f]{64,}$/.test(text)) throw new Error(`${path} is not a warehouse key (expected at least 64 hex characters)`);
    return Buffer.from(text, 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const key = randomBytes(32);
  try {
    await writeFile(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadWarehouseKey(dataDir);
    throw error;
  }
  await chmod(path, 0o600);
  return key;
}
