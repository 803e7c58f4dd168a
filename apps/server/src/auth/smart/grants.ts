import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient } from '@footprint/record';

/**
 * The state of SMART authorisations: requests waiting for the person, one-time codes and
 * refresh tokens. Codes and refresh tokens are random 256-bit values stored only as SHA-256
 * hashes, so a copy of the database cannot be replayed.
 */

/** How long a person has to sign in and approve (ten minutes). */
export const REQUEST_LIFETIME_SECONDS = 600;
/** An authorisation code lives one minute and can be exchanged once (RFC 6749 §4.1.2). */
export const CODE_LIFETIME_SECONDS = 60;
/** A refresh token lasts 30 days; each use replaces it with a new one. */
export const REFRESH_LIFETIME_SECONDS = 30 * 24 * 3600;

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function newValue(): string {
  return randomBytes(32).toString('base64url');
}

export interface AuthorisationRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  codeChallenge: string;
}

export async function saveRequest(sql: SqlClient, request: Omit<AuthorisationRequest, 'id'>): Promise<AuthorisationRequest> {
  const id = newValue();
  await sql.query(
    `INSERT INTO smart_authorization_request (id, client_id, redirect_uri, scopes, state, code_challenge, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
    [id, request.clientId, request.redirectUri, request.scopes.join(' '), request.state, request.codeChallenge, REQUEST_LIFETIME_SECONDS],
  );
  return { id, ...request };
}

interface RequestRow extends Record<string, unknown> {
  id: string;
  client_id: string;
  redirect_uri: string;
  scopes: string;
  state: string;
  code_challenge: string;
}

function toRequest(row: RequestRow): AuthorisationRequest {
  return { id: row.id, clientId: row.client_id, redirectUri: row.redirect_uri, scopes: row.scopes.split(' ').filter(Boolean), state: row.state, codeChallenge: row.code_challenge };
}

/** A request still waiting for the person (not expired, not yet decided). */
export async function pendingRequest(sql: SqlClient, id: string): Promise<AuthorisationRequest | undefined> {
  const { rows } = await sql.query<RequestRow>('SELECT * FROM smart_authorization_request WHERE id = $1 AND decided_at IS NULL AND expires_at > now()', [id]);
  return rows[0] ? toRequest(rows[0]) : undefined;
}

/** Marks a request decided, once: undefined when it was already decided or has expired. */
export async function decideRequest(sql: SqlClient, id: string): Promise<AuthorisationRequest | undefined> {
  const { rows } = await sql.query<RequestRow>(
    'UPDATE smart_authorization_request SET decided_at = now() WHERE id = $1 AND decided_at IS NULL AND expires_at > now() RETURNING *',
    [id],
  );
  return rows[0] ? toRequest(rows[0]) : undefined;
}

/** What a code or refresh token stands for: an app's access to one person's record. */
export interface PatientGrant {
  clientId: string;
  scopes: string[];
  patientId: string;
  nhsNumber: string;
}

export async function issueCode(sql: SqlClient, grant: PatientGrant & { redirectUri: string; codeChallenge: string }): Promise<string> {
  const code = newValue();
  await sql.query(
    `INSERT INTO smart_authorization_code (code_hash, client_id, redirect_uri, code_challenge, scopes, patient_id, nhs_number, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))`,
    [hash(code), grant.clientId, grant.redirectUri, grant.codeChallenge, grant.scopes.join(' '), grant.patientId, grant.nhsNumber, CODE_LIFETIME_SECONDS],
  );
  return code;
}

export type CodeRedemption =
  | { kind: 'ok'; grant: PatientGrant & { redirectUri: string; codeChallenge: string }; codeHash: string }
  | { kind: 'unknown' | 'expired' }
  | { kind: 'replayed' };

interface CodeRow extends Record<string, unknown> {
  code_hash: string;
  client_id: string;
  redirect_uri: string;
  code_challenge: string;
  scopes: string;
  patient_id: string;
  nhs_number: string;
  expired: boolean;
}

/**
 * Uses a code up, atomically: a second exchange of the same code finds it used, and every
 * refresh token issued from it is revoked (RFC 6749 §4.1.2: a replayed code may mean it was stolen).
 */
export async function redeemCode(sql: SqlClient, code: string): Promise<CodeRedemption> {
  const codeHash = hash(code);
  const { rows } = await sql.query<CodeRow>(
    'UPDATE smart_authorization_code SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL RETURNING *, expires_at <= now() AS expired',
    [codeHash],
  );
  const row = rows[0];
  if (!row) {
    const used = await sql.query('SELECT 1 FROM smart_authorization_code WHERE code_hash = $1', [codeHash]);
    if (used.rows.length === 0) return { kind: 'unknown' };
    await sql.query('UPDATE smart_refresh_token SET revoked_at = now() WHERE code_hash = $1 AND revoked_at IS NULL', [codeHash]);
    return { kind: 'replayed' };
  }
  if (row.expired) return { kind: 'expired' };
  return {
    kind: 'ok',
    codeHash,
    grant: { clientId: row.client_id, redirectUri: row.redirect_uri, codeChallenge: row.code_challenge, scopes: row.scopes.split(' ').filter(Boolean), patientId: row.patient_id, nhsNumber: row.nhs_number },
  };
}

export async function issueRefreshToken(sql: SqlClient, grant: PatientGrant, codeHash: string): Promise<string> {
  const token = newValue();
  await sql.query(
    `INSERT INTO smart_refresh_token (token_hash, client_id, code_hash, scopes, patient_id, nhs_number, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
    [hash(token), grant.clientId, codeHash, grant.scopes.join(' '), grant.patientId, grant.nhsNumber, REFRESH_LIFETIME_SECONDS],
  );
  return token;
}

interface RefreshRow extends Record<string, unknown> {
  client_id: string;
  code_hash: string;
  scopes: string;
  patient_id: string;
  nhs_number: string;
}

/**
 * Uses a refresh token up (each is good once; the answer carries its replacement). Undefined
 * when it is unknown, used, revoked, expired or belongs to another app. Reuse of a used token
 * revokes the whole chain from that code, as OAuth 2.0 Security BCP §4.14 advises.
 */
export async function redeemRefreshToken(sql: SqlClient, token: string, clientId: string): Promise<(PatientGrant & { codeHash: string }) | undefined> {
  const tokenHash = hash(token);
  const { rows } = await sql.query<RefreshRow>(
    `UPDATE smart_refresh_token SET used_at = now()
     WHERE token_hash = $1 AND client_id = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING *`,
    [tokenHash, clientId],
  );
  const row = rows[0];
  if (!row) {
    await sql.query(
      `UPDATE smart_refresh_token SET revoked_at = now() WHERE revoked_at IS NULL AND code_hash IN
         (SELECT code_hash FROM smart_refresh_token WHERE token_hash = $1 AND client_id = $2 AND used_at IS NOT NULL)`,
      [tokenHash, clientId],
    );
    return undefined;
  }
  return { clientId: row.client_id, codeHash: row.code_hash, scopes: row.scopes.split(' ').filter(Boolean), patientId: row.patient_id, nhsNumber: row.nhs_number };
}

/**
 * Revokes a refresh token the app holds (RFC 7009) and every refresh token of the same grant (the
 * chain from one authorisation code). True when the token was the app's; false for anything else.
 */
export async function revokeRefreshToken(sql: SqlClient, token: string, clientId: string): Promise<boolean> {
  const { rows } = await sql.query<{ code_hash: string }>('SELECT code_hash FROM smart_refresh_token WHERE token_hash = $1 AND client_id = $2', [hash(token), clientId]);
  if (!rows[0]) return false;
  await sql.query('UPDATE smart_refresh_token SET revoked_at = now() WHERE code_hash = $1 AND client_id = $2 AND revoked_at IS NULL', [rows[0].code_hash, clientId]);
  return true;
}
