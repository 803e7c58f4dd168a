import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlClient } from '@footprint/record';
import { countClients, createClient } from './clients';

/** Where the first administrator client's credentials are written, inside the data directory. */
export const CREDENTIALS_FILE = 'credentials.json';

/** The contents of `<dataDir>/credentials.json`. */
export interface StoredCredentials {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  purpose: string;
  organisation?: string;
  /** The path of the token endpoint on the server, for scripts. */
  tokenEndpoint: string;
}

export const ADMINISTRATOR_SCOPES = ['system/*.cruds'];

/**
 * On first start with empty storage (no OAuth clients at all), creates an administrator
 * client and writes its id and secret to `<dataDir>/credentials.json` with mode 0600.
 * Returns the file's path when it was written, so the caller can say where (never the secret).
 */
export async function ensureAdministratorClient(sql: SqlClient, dataDir: string): Promise<{ created: boolean; path: string }> {
  const path = join(dataDir, CREDENTIALS_FILE);
  // One transaction under an advisory lock, so servers starting together create one administrator;
  // the file is written before the commit, so a failed write leaves no client without credentials.
  const created = await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['footprint-administrator-client']);
    if ((await countClients(tx)) > 0) return false;
    const { client, secret } = await createClient(tx, { name: 'Footprint administrator', scopes: ADMINISTRATOR_SCOPES, purpose: 'SYSADMIN', administrator: true });
    const credentials: StoredCredentials = {
      clientId: client.id,
      clientSecret: secret,
      scopes: client.scopes,
      purpose: client.purpose,
      tokenEndpoint: '/oauth/token',
    };
    await mkdir(dataDir, { recursive: true });
    await writeFile(path, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
    await chmod(path, 0o600);
    return true;
  });
  if (!created) return { created: false, path };
  return { created: true, path };
}

/** Reads `<dataDir>/credentials.json`, with a message that says how to get one when it is missing. */
export async function readStoredCredentials(dataDir: string): Promise<StoredCredentials> {
  const path = join(dataDir, CREDENTIALS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `No credentials at ${path}: start the server once on empty storage (footprint serve or footprint demo) to create the administrator client, or register a client with footprint client add`,
      );
    }
    throw error;
  }
  const parsed = JSON.parse(text) as StoredCredentials;
  if (typeof parsed.clientId !== 'string' || !Array.isArray(parsed.scopes)) throw new Error(`${path} is not a Footprint credentials file`);
  return parsed;
}
