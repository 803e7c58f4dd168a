import { randomBytes } from 'node:crypto';
import { parseScope, type PurposeOfUse, type SqlClient } from '@footprint/record';
import { KNOWN_PURPOSES } from './purposes';
import { generateSecret, hashSecret, verifySecret } from './secrets';

/** A partner system allowed to call the FHIR API with OAuth2 client credentials. */
export interface OAuthClient {
  id: string;
  name: string;
  /** The Organization the client acts for, e.g. `Organization/abc`. */
  organisation?: string;
  odsCode?: string;
  /** The most the client may be granted. */
  scopes: string[];
  purpose: PurposeOfUse;
  administrator: boolean;
  active: boolean;
}

export interface NewClient {
  name: string;
  /** The Organization the client acts for (`Organization/<id>`); required except for the platform's administrator. */
  organisation?: string;
  odsCode?: string;
  scopes: string[];
  purpose?: PurposeOfUse;
  administrator?: boolean;
  /** Fixed id (tests, scripted set-up); otherwise a random one. */
  id?: string;
  /** Fixed secret (tests); otherwise a random 256-bit one. */
  secret?: string;
}

/**
 * Registers a client and returns its id and secret. The secret is returned once and stored
 * only as an scrypt hash. Scopes must be SMART `system/` resource scopes: a partner system acts
 * as itself, never as a person (`patient/`) or a member of staff (`user/`).
 */
export async function createClient(sql: SqlClient, client: NewClient): Promise<{ client: OAuthClient; secret: string }> {
  if (client.organisation !== undefined && !/^Organization\/[A-Za-z0-9\-.]{1,64}$/.test(client.organisation)) {
    throw new Error(`A client's organisation must be a reference such as Organization/abc, not ${client.organisation}`);
  }
  if (!client.organisation && !client.administrator) throw new Error('Every partner client belongs to an Organization: give organisation');
  for (const scope of client.scopes) {
    const grant = parseScope(scope);
    if (!grant) throw new Error(`Not a SMART resource scope: ${scope}`);
    if (grant.context !== 'system') throw new Error(`A partner system may only have system/ scopes, not ${scope}: patient/ scopes belong to a person's app, user/ scopes to a member of staff`);
  }
  const purpose = client.purpose ?? 'TREAT';
  if (!KNOWN_PURPOSES.has(purpose)) throw new Error(`Unknown purpose of use: ${purpose}`);
  const id = client.id ?? `fp-${randomBytes(12).toString('hex')}`;
  const secret = client.secret ?? generateSecret();
  await sql.query(
    `INSERT INTO oauth_client (id, name, secret_hash, organisation, ods_code, scopes, purpose, administrator)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, client.name, await hashSecret(secret), client.organisation ?? null, client.odsCode ?? null, client.scopes.join(' '), purpose, client.administrator ?? false],
  );
  return {
    client: { id, name: client.name, organisation: client.organisation, odsCode: client.odsCode, scopes: [...client.scopes], purpose, administrator: client.administrator ?? false, active: true },
    secret,
  };
}

interface ClientRow extends Record<string, unknown> {
  id: string;
  name: string;
  secret_hash: string;
  organisation: string | null;
  ods_code: string | null;
  scopes: string;
  purpose: string;
  administrator: boolean;
  active: boolean;
}

function toClient(row: ClientRow): OAuthClient {
  return {
    id: row.id,
    name: row.name,
    ...(row.organisation ? { organisation: row.organisation } : {}),
    ...(row.ods_code ? { odsCode: row.ods_code } : {}),
    scopes: row.scopes.split(' ').filter(Boolean),
    purpose: row.purpose as PurposeOfUse,
    administrator: row.administrator,
    active: row.active,
  };
}

/** Checks a client's id and secret; undefined when either is wrong or the client is disabled (callers cannot tell which). */
/** PostgreSQL text cannot hold U+0000: an id with one names no client, and must not reach the query. */
const storable = (id: string) => !id.includes('\u0000');

export async function authenticateClient(sql: SqlClient, id: string, secret: string): Promise<OAuthClient | undefined> {
  const { rows } = storable(id) ? await sql.query<ClientRow>('SELECT * FROM oauth_client WHERE id = $1', [id]) : { rows: [] };
  const row = rows[0];
  if (!row) {
    // Spend the same time as a real check, so response times do not reveal which ids exist.
    await verifySecret(secret, DUMMY_HASH);
    return undefined;
  }
  const ok = await verifySecret(secret, row.secret_hash);
  return ok && row.active ? toClient(row) : undefined;
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function findClient(sql: SqlClient, id: string): Promise<OAuthClient | undefined> {
  if (!storable(id)) return undefined;
  const { rows } = await sql.query<ClientRow>('SELECT * FROM oauth_client WHERE id = $1', [id]);
  return rows[0] ? toClient(rows[0]) : undefined;
}

/** Every client, newest first (no secrets: only their hashes are stored, and those are not returned). */
export async function listClients(sql: SqlClient): Promise<OAuthClient[]> {
  const { rows } = await sql.query<ClientRow>('SELECT * FROM oauth_client ORDER BY created_at DESC, id');
  return rows.map(toClient);
}

export async function countClients(sql: SqlClient): Promise<number> {
  const { rows } = await sql.query<{ n: number | string }>('SELECT count(*)::int AS n FROM oauth_client');
  return Number(rows[0]?.n ?? 0);
}

/** Disables a client: its secret stops working at once, and so do the tokens already issued to it (the bearer check looks the client up). */
export async function disableClient(sql: SqlClient, id: string): Promise<void> {
  await sql.query('UPDATE oauth_client SET active = false WHERE id = $1', [id]);
}
