import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file, inside the data directory, holding the HMAC key of the SMART consent form (never committed: `.footprint/` is gitignored). Access tokens are signed by the keys in `signing-keys.json` (./keys). */
export const SIGNING_KEY_FILE = 'signing-key';

/**
 * Loads the HMAC key that binds the SMART consent form to its request and person from
 * `<dataDir>/signing-key`, creating a random 256-bit key with mode 0600 on first use, so servers
 * sharing a data directory accept each other's forms.
 */
export async function loadSigningKey(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, SIGNING_KEY_FILE);
  try {
    const text = (await readFile(path, 'utf8')).trim();
    const key = Buffer.from(text, 'base64url');
    if (key.length < 32) throw new Error(`The signing key in ${path} is shorter than 256 bits; delete it to create a new one`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx' fails if another process created the key first; then read theirs.
    await writeFile(path, key.toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    await chmod(path, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadSigningKey(dataDir);
    throw error;
  }
}
