import { randomBytes } from 'node:crypto';
import type { SqlClient } from '@footprint/record';
import { generateSecret, hashSecret, verifySecret } from '../secrets';
import { PATIENT_APP_CEILING, checkAppScopes } from './scopes';

/**
 * A third-party app a person may connect to their own record through SMART App Launch:
 * public (a browser or mobile app that cannot keep a secret, so PKCE alone proves it) or
 * confidential (a server-side app with a secret, stored only as an scrypt hash).
 */
export interface SmartApp {
  id: string;
  name: string;
  type: 'public' | 'confidential';
  /** Redirect URIs registered for the app; an authorisation request must name one exactly. */
  redirectUris: string[];
  /** The most the app may be granted (patient scopes, launch/patient, offline_access…). */
  scopes: string[];
  active: boolean;
}

export interface NewSmartApp {
  name: string;
  type: 'public' | 'confidential';
  redirectUris: string[];
  /** Default: read and search the person's whole record, with the patient in context and refresh tokens. */
  scopes?: string[];
  /** Fixed id (tests, scripted set-up); otherwise a random one. */
  id?: string;
  /** Fixed secret for a confidential app (tests); otherwise a random 256-bit one. */
  secret?: string;
}

export const DEFAULT_APP_SCOPES = ['launch/patient', 'patient/*.rs', 'offline_access'];

/** An absolute https URI, or http only for the local machine (RFC 8252 loopback redirects), without a fragment. */
export function checkRedirectUri(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`A redirect URI must be an absolute URL, not ${uri}`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error(`A redirect URI must use https (http only for localhost): ${uri}`);
  if (url.hash) throw new Error(`A redirect URI must not have a fragment: ${uri}`);
}

/** Registers an app; a confidential app's secret is returned once and stored only as a hash. */
export async function registerSmartApp(sql: SqlClient, app: NewSmartApp): Promise<{ app: SmartApp; secret?: string }> {
  if (!app.name.trim()) throw new Error('An app needs a name people will recognise on the consent screen');
  if (app.type !== 'public' && app.type !== 'confidential') throw new Error(`An app is public or confidential, not ${String(app.type)}`);
  if (app.redirectUris.length === 0) throw new Error('Give at least one redirect URI');
  app.redirectUris.forEach(checkRedirectUri);
  const scopes = app.scopes ?? DEFAULT_APP_SCOPES;
  checkAppScopes(scopes);
  const id = app.id ?? `app-${randomBytes(12).toString('hex')}`;
  const secret = app.type === 'confidential' ? (app.secret ?? generateSecret()) : undefined;
  await sql.query('INSERT INTO smart_app (id, name, client_type, secret_hash, redirect_uris, scopes) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    app.name.trim(),
    app.type,
    secret ? await hashSecret(secret) : null,
    app.redirectUris,
    scopes.join(' '),
  ]);
  return { app: { id, name: app.name.trim(), type: app.type, redirectUris: [...app.redirectUris], scopes: [...scopes], active: true }, ...(secret ? { secret } : {}) };
}

interface AppRow extends Record<string, unknown> {
  id: string;
  name: string;
  client_type: 'public' | 'confidential';
  secret_hash: string | null;
  redirect_uris: string[];
  scopes: string;
  active: boolean;
}

function toApp(row: AppRow): SmartApp {
  return { id: row.id, name: row.name, type: row.client_type, redirectUris: row.redirect_uris, scopes: row.scopes.split(' ').filter(Boolean), active: row.active };
}

async function loadRow(sql: SqlClient, id: string): Promise<AppRow | undefined> {
  const { rows } = await sql.query<AppRow>('SELECT * FROM smart_app WHERE id = $1', [id]);
  return rows[0];
}

/** The app with this client id, if registered and active. */
export async function findSmartApp(sql: SqlClient, id: string): Promise<SmartApp | undefined> {
  const row = await loadRow(sql, id);
  return row?.active ? toApp(row) : undefined;
}

/**
 * Authenticates the app at the token endpoint: a confidential app must present its secret;
 * a public app must not claim one (it proves itself with PKCE). Undefined when that fails.
 */
export async function authenticateSmartApp(sql: SqlClient, id: string, secret: string | undefined): Promise<SmartApp | undefined> {
  const row = await loadRow(sql, id);
  if (!row?.active) return undefined;
  if (row.client_type === 'public') return secret === undefined ? toApp(row) : undefined;
  if (secret === undefined || !row.secret_hash) return undefined;
  return (await verifySecret(secret, row.secret_hash)) ? toApp(row) : undefined;
}

export async function listSmartApps(sql: SqlClient): Promise<SmartApp[]> {
  const { rows } = await sql.query<AppRow>('SELECT * FROM smart_app ORDER BY created_at DESC, id');
  return rows.map(toApp);
}

/** Disables an app and revokes its refresh tokens; access tokens already issued stop working at once (the bearer check looks the app up). */
export async function disableSmartApp(sql: SqlClient, id: string): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>('UPDATE smart_app SET active = false WHERE id = $1 RETURNING id', [id]);
  await sql.query('UPDATE smart_refresh_token SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL', [id]);
  return rows.length > 0;
}

export { PATIENT_APP_CEILING };
