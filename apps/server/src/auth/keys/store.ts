import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The file, inside the data directory, holding the access-token signing keys (mode 0600; `.footprint/` is gitignored). */
export const SIGNING_KEYS_FILE = 'signing-keys.json';

/** The one algorithm access tokens are signed with: ECDSA P-256 with SHA-256. */
export const TOKEN_ALGORITHM = 'ES256';

/**
 * The longest any access token may live (a day: `footprint token --lifetime` at most). A key retired
 * by rotation keeps verifying for this long, so every token it signed expires before it goes.
 */
export const MAX_ACCESS_TOKEN_LIFETIME_SECONDS = 86_400;

/** One signing key as stored: its private JWK and when it was made and retired. */
interface StoredKey {
  kid: string;
  createdAt: string;
  retiredAt?: string;
  privateJwk: JWK;
}

interface StoredKeys {
  keys: StoredKey[];
}

/** A key loaded for use: the private key signs (only the current one), the public key verifies. */
export interface SigningKey {
  kid: string;
  createdAt: Date;
  retiredAt?: Date;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

async function newStoredKey(now: Date): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  return { kid, createdAt: now.toISOString(), privateJwk: { ...privateJwk, kid, alg: TOKEN_ALGORITHM, use: 'sig' } };
}

async function load(stored: StoredKey): Promise<SigningKey> {
  const { d: _private, ...publicPart } = stored.privateJwk;
  const publicJwk: JWK = { kty: publicPart.kty, crv: publicPart.crv, x: publicPart.x, y: publicPart.y, kid: stored.kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  return {
    kid: stored.kid,
    createdAt: new Date(stored.createdAt),
    ...(stored.retiredAt ? { retiredAt: new Date(stored.retiredAt) } : {}),
    privateKey: (await importJWK(stored.privateJwk, TOKEN_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, TOKEN_ALGORITHM)) as CryptoKey,
    publicJwk,
  };
}

function parse(path: string, text: string): StoredKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON; restore it from a backup or delete it to create a new signing key (tokens already issued then stop working)`);
  }
  const keys = (parsed as StoredKeys | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => typeof k?.kid !== 'string' || typeof k.privateJwk?.d !== 'string')) {
    throw new Error(`${path} holds no signing keys; delete it to create a new one`);
  }
  return { keys };
}

/** Writes the key file whole (a temporary file renamed over it), mode 0600, so a reader never sees half of it. */
async function save(dataDir: string, stored: StoredKeys): Promise<void> {
  const path = join(dataDir, SIGNING_KEYS_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

async function readStored(dataDir: string): Promise<StoredKeys | undefined> {
  const path = join(dataDir, SIGNING_KEYS_FILE);
  try {
    return parse(path, await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The stored keys, creating the first one (exclusively, so two processes starting together agree) when there are none. */
async function readOrCreate(dataDir: string, now: Date): Promise<StoredKeys> {
  const existing = await readStored(dataDir);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const stored = { keys: [await newStoredKey(now)] };
  const path = join(dataDir, SIGNING_KEYS_FILE);
  try {
    await writeFile(path, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    await chmod(path, 0o600);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readStored(dataDir))!;
    throw error;
  }
}

/** True while a retired key may still verify: until every token it could have signed has expired. */
function stillVerifies(key: { retiredAt?: Date }, now: Date): boolean {
  return !key.retiredAt || now.getTime() < key.retiredAt.getTime() + MAX_ACCESS_TOKEN_LIFETIME_SECONDS * 1000;
}

/**
 * Makes a new current signing key: the previous current key is retired (it still verifies the
 * tokens it signed until they have all expired) and keys retired longer ago than the longest token
 * lifetime are dropped. Servers sharing the data directory pick the new key up within seconds.
 * Returns the new key's id and the ids still kept for verification.
 */
export async function rotateSigningKey(dataDir: string, now = new Date()): Promise<{ kid: string; retired: string[]; dropped: string[] }> {
  const stored = await readOrCreate(dataDir, now);
  const fresh = await newStoredKey(now);
  const kept: StoredKey[] = [];
  const dropped: string[] = [];
  for (const key of stored.keys) {
    const retiredAt = key.retiredAt ?? now.toISOString();
    if (stillVerifies({ retiredAt: new Date(retiredAt) }, now)) kept.push({ ...key, retiredAt });
    else dropped.push(key.kid);
  }
  await save(dataDir, { keys: [fresh, ...kept] });
  return { kid: fresh.kid, retired: kept.map((k) => k.kid), dropped };
}

/** The keys' ids and dates, for `footprint keys list` (never the keys). */
export async function describeSigningKeys(dataDir: string, now = new Date()): Promise<Array<{ kid: string; createdAt: string; retiredAt?: string; status: 'current' | 'verifying' | 'expired' }>> {
  const stored = await readOrCreate(dataDir, now);
  return stored.keys.map((k) => ({
    kid: k.kid,
    createdAt: k.createdAt,
    ...(k.retiredAt ? { retiredAt: k.retiredAt } : {}),
    status: !k.retiredAt ? 'current' : stillVerifies({ retiredAt: new Date(k.retiredAt) }, now) ? 'verifying' : 'expired',
  }));
}

/** How often a long-running server looks for a rotation made by another process (milliseconds). */
const RELOAD_CHECK_MS = 5_000;

/**
 * The access-token signing keys of one data directory (`signing-keys.json`): one current key signs,
 * retired keys verify until their tokens have expired, and the public keys are published as a JWKS.
 * The file is re-read when it changes (a `footprint keys rotate` beside a running server), checked at
 * most every few seconds before signing and at once when a token names a key not yet loaded.
 */
export class SigningKeys {
  private keys: SigningKey[] = [];
  private loadedMtime = 0;
  private checkedAt = 0;

  private constructor(readonly dataDir: string) {}

  static async open(dataDir: string): Promise<SigningKeys> {
    const store = new SigningKeys(dataDir);
    await readOrCreate(dataDir, new Date());
    await store.reload();
    return store;
  }

  /** Re-reads the file if it changed; `force` reads it whatever its mtime says (two writes in one clock tick share one). */
  private async reload(force = false): Promise<void> {
    const path = join(this.dataDir, SIGNING_KEYS_FILE);
    const mtime = (await stat(path)).mtimeMs;
    this.checkedAt = Date.now();
    if (!force && mtime === this.loadedMtime && this.keys.length > 0) return;
    const stored = parse(path, await readFile(path, 'utf8'));
    this.keys = await Promise.all(stored.keys.map(load));
    this.loadedMtime = mtime;
  }

  private async reloadIfStale(): Promise<void> {
    if (Date.now() - this.checkedAt >= RELOAD_CHECK_MS) await this.reload();
  }

  /** The key that signs new tokens: the newest key not retired. */
  async current(): Promise<SigningKey> {
    await this.reloadIfStale();
    const key = this.keys.find((k) => !k.retiredAt);
    if (!key) throw new Error(`${join(this.dataDir, SIGNING_KEYS_FILE)} has no current signing key; run footprint keys rotate`);
    return key;
  }

  /** The public key with this id while it may still verify, else undefined. */
  async verificationKey(kid: string, now = new Date()): Promise<SigningKey | undefined> {
    let key = this.keys.find((k) => k.kid === kid);
    if (!key) {
      // A token naming a key not loaded: a rotation by another process, however recent (the file is small).
      await this.reload(true);
      key = this.keys.find((k) => k.kid === kid);
    }
    return key && stillVerifies(key, now) ? key : undefined;
  }

  /** The public keys that verify tokens today, as a JSON Web Key Set (RFC 7517). */
  async jwks(now = new Date()): Promise<{ keys: JWK[] }> {
    await this.reloadIfStale();
    return { keys: this.keys.filter((k) => stillVerifies(k, now)).map((k) => k.publicJwk) };
  }
}
