import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient } from '@footprint/record';
import { toStaffUser, USER_COLUMNS, type StaffUser, type UserRow } from './users';

/**
 * Server-side sessions. The browser holds only a random token in an HttpOnly cookie; the database
 * holds its SHA-256 (so a copy of the table cannot be replayed), the CSRF token, and the times
 * that enforce idle and absolute expiry.
 */
export interface SessionPolicy {
  /** Sign the user out after this long without a request. */
  idleSeconds: number;
  /** Sign the user out this long after signing in, however active. */
  absoluteSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleSeconds: 30 * 60, absoluteSeconds: 8 * 60 * 60 };

export interface ActiveSession {
  user: StaffUser;
  csrfToken: string;
  expiresAt: string;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function startSession(sql: SqlClient, userId: string, policy: SessionPolicy): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await sql.query(
    `INSERT INTO web_sessions (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [digest(token), userId, csrfToken, policy.absoluteSeconds],
  );
  // Housekeeping: forget sessions that can no longer be used.
  await sql.query(`DELETE FROM web_sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => $1)`, [
    policy.idleSeconds,
  ]);
  return { token, csrfToken };
}

/** The live session for a token (refreshing its idle timer), or undefined if unknown, expired or its account disabled. */
export async function resumeSession(sql: SqlClient, token: string, policy: SessionPolicy): Promise<ActiveSession | undefined> {
  const { rows } = await sql.query<UserRow & { csrf_token: string; expires_at: string | Date }>(
    `UPDATE web_sessions s SET last_seen_at = now()
       FROM web_users u
      WHERE s.id = $1 AND u.id = s.user_id AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(secs => $2) AND u.disabled_at IS NULL
     RETURNING s.csrf_token, s.expires_at, ${USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ')}`,
    [digest(token), policy.idleSeconds],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { user: toStaffUser(row), csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at).toISOString() };
}

export async function endSession(sql: SqlClient, token: string): Promise<void> {
  await sql.query(`DELETE FROM web_sessions WHERE id = $1`, [digest(token)]);
}

/**
 * Ends every session of a user at once (their account was disabled or its password reset), or
 * every session but the one whose token is `keep` (they changed their own password).
 */
export async function endSessionsOf(sql: SqlClient, userId: string, keep?: string): Promise<void> {
  await sql.query(`DELETE FROM web_sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2`, [userId, keep === undefined ? null : digest(keep)]);
}
