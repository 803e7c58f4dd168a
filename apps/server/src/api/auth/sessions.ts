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
  /** The session's id as its user sees it on the sessions page (never the token or its digest). */
  publicId: string;
}

/** One of a user's live sessions, as the sessions page lists them. */
export interface SessionSummary {
  id: string;
  current: boolean;
  userAgent: string | null;
  address: string | null;
  signedInAt: string;
  lastActiveAt: string;
  expiresAt: string;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Where a session was started from, shown to its user on the sessions page. */
export interface SessionOrigin {
  userAgent?: string;
  address?: string;
  /** The token the browser presented when signing in: that session ends, so a session id never survives sign-in. */
  replacing?: string;
}

/** Starts a session with a fresh random token (the id is rotated at every sign-in: any session the browser held is ended). */
export async function startSession(sql: SqlClient, userId: string, policy: SessionPolicy, origin: SessionOrigin = {}): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  if (origin.replacing) await endSession(sql, origin.replacing);
  await sql.query(
    `INSERT INTO web_sessions (id, user_id, csrf_token, expires_at, public_id, user_agent, address)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6, $7)`,
    [digest(token), userId, csrfToken, policy.absoluteSeconds, randomBytes(16).toString('base64url'), origin.userAgent?.slice(0, 300) ?? null, origin.address ?? null],
  );
  // Housekeeping: forget sessions that can no longer be used.
  await sql.query(`DELETE FROM web_sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => $1)`, [
    policy.idleSeconds,
  ]);
  return { token, csrfToken };
}

/** The live session for a token (refreshing its idle timer), or undefined if unknown, expired or its account disabled. */
export async function resumeSession(sql: SqlClient, token: string, policy: SessionPolicy): Promise<ActiveSession | undefined> {
  const { rows } = await sql.query<UserRow & { csrf_token: string; expires_at: string | Date; public_id: string }>(
    `UPDATE web_sessions s SET last_seen_at = now()
       FROM web_users u
      WHERE s.id = $1 AND u.id = s.user_id AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(secs => $2) AND u.disabled_at IS NULL
     RETURNING s.csrf_token, s.expires_at, s.public_id, ${USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ')}`,
    [digest(token), policy.idleSeconds],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { user: toStaffUser(row), csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at).toISOString(), publicId: row.public_id };
}

export async function endSession(sql: SqlClient, token: string): Promise<void> {
  await sql.query(`DELETE FROM web_sessions WHERE id = $1`, [digest(token)]);
}

/**
 * Ends every session of a user at once (their account was disabled or its password reset), or
 * every session but the one whose token is `keep` (they changed their own password) or whose public
 * id is `keepPublicId` (they signed out their other sessions).
 */
export async function endSessionsOf(sql: SqlClient, userId: string, keep?: string, keepPublicId?: string): Promise<void> {
  await sql.query(`DELETE FROM web_sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2 AND public_id IS DISTINCT FROM $3`, [
    userId,
    keep === undefined ? null : digest(keep),
    keepPublicId ?? null,
  ]);
}

/** A user's live sessions (not idle-expired), most recently active first, the current one marked. */
export async function listSessions(sql: SqlClient, userId: string, currentPublicId: string, policy: SessionPolicy): Promise<SessionSummary[]> {
  const { rows } = await sql.query<{ public_id: string; user_agent: string | null; address: string | null; created_at: Date | string; last_seen_at: Date | string; expires_at: Date | string }>(
    `SELECT public_id, user_agent, address, created_at, last_seen_at, expires_at FROM web_sessions
      WHERE user_id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
      ORDER BY last_seen_at DESC, created_at DESC`,
    [userId, policy.idleSeconds],
  );
  const iso = (value: Date | string) => new Date(value).toISOString();
  return rows.map((r) => ({
    id: r.public_id,
    current: r.public_id === currentPublicId,
    userAgent: r.user_agent,
    address: r.address,
    signedInAt: iso(r.created_at),
    lastActiveAt: iso(r.last_seen_at),
    expiresAt: iso(r.expires_at),
  }));
}

/** Ends one of the user's own sessions by its public id; false if they have no such session. */
export async function endSessionById(sql: SqlClient, userId: string, publicId: string): Promise<boolean> {
  const { rows } = await sql.query<{ public_id: string }>(`DELETE FROM web_sessions WHERE user_id = $1 AND public_id = $2 RETURNING public_id`, [userId, publicId]);
  return rows.length > 0;
}
