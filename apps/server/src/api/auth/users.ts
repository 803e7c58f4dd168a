import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@footprint/record';
import { hashPassword, needsRehash, NO_MATCH_HASH, verifyPassword } from './passwords';
import { isRole, type Role } from './roles';

/** A member of staff who signs in to the web app. */
export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The organisation the user works for: ODS code (or partnership id), name and record reference. */
  organisation?: { code: string; name: string; reference?: string };
  /** True while the user holds a temporary password: they may do nothing but change it. */
  mustChangePassword: boolean;
}

export interface NewStaffUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  organisation?: StaffUser['organisation'];
}

/** The columns every query that builds a StaffUser selects. */
export const USER_COLUMNS = 'id, username, display_name, role, organisation_code, organisation_name, organisation_ref, must_change_password';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  organisation_code: string | null;
  organisation_name: string | null;
  organisation_ref: string | null;
  must_change_password: boolean;
};

export function toStaffUser(row: UserRow): StaffUser {
  if (!isRole(row.role)) throw new Error(`Unknown role stored for user ${row.id}`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organisation: row.organisation_code
      ? { code: row.organisation_code, name: row.organisation_name ?? row.organisation_code, reference: row.organisation_ref ?? undefined }
      : undefined,
    mustChangePassword: row.must_change_password,
  };
}

/**
 * Creates a user, or replaces the password and details of an existing one with that username
 * (the demo's users: their passwords are not temporary). Accounts for real staff are made with
 * the account operations in ../accounts, which audit each change.
 */
export async function upsertUser(sql: SqlClient, user: NewStaffUser): Promise<StaffUser> {
  if (!USERNAME.test(user.username)) throw new Error(`Invalid username '${user.username}'`);
  const hash = await hashPassword(user.password);
  const { rows } = await sql.query<UserRow>(
    `INSERT INTO web_users (id, username, display_name, role, organisation_code, organisation_name, organisation_ref, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
       organisation_code = EXCLUDED.organisation_code, organisation_name = EXCLUDED.organisation_name,
       organisation_ref = EXCLUDED.organisation_ref, password_hash = EXCLUDED.password_hash,
       failed_attempts = 0, locked_until = NULL, must_change_password = false, updated_at = now()
     RETURNING ${USER_COLUMNS}`,
    [
      randomUUID(),
      user.username,
      user.displayName,
      user.role,
      user.organisation?.code ?? null,
      user.organisation?.name ?? null,
      user.organisation?.reference ?? null,
      hash,
    ],
  );
  return toStaffUser(rows[0]);
}

/** The member of staff with this username, or undefined (for `footprint token --user`). */
export async function findStaffUser(sql: SqlClient, username: string): Promise<StaffUser | undefined> {
  const { rows } = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM web_users WHERE username = $1 AND disabled_at IS NULL`, [username.trim().toLowerCase()]);
  return rows[0] ? toStaffUser(rows[0]) : undefined;
}

export type SignInResult =
  | { ok: true; user: StaffUser }
  | { ok: false; reason: 'invalid' | 'disabled'; account?: { id: string; username: string; role: Role } };

/**
 * Checks a username and password with the same work whatever the outcome: one password hash is
 * checked for an unknown user, an account without a password (it signs in only through OpenID
 * Connect), a disabled account and a wrong password alike, and all of those but a disabled account
 * given its right password answer `invalid`, so usernames cannot be discovered. No count of wrong
 * passwords is kept on the account (anyone could lock it); the sign-in route slows guessers by
 * address instead (sign-in-throttle.ts). A legacy hash is replaced with Argon2id once the password
 * is known to be right. Refusals of a known account name it, so they can be audited.
 */
export async function authenticate(sql: SqlClient, username: string, password: string): Promise<SignInResult> {
  const { rows } = await sql.query<UserRow & { password_hash: string | null; disabled: boolean }>(
    `SELECT ${USER_COLUMNS}, password_hash, disabled_at IS NOT NULL AS disabled FROM web_users WHERE username = $1`,
    [username.trim().toLowerCase()],
  );
  const row = rows[0];
  const stored = row?.password_hash ?? null;
  const matches = await verifyPassword(password, stored ?? NO_MATCH_HASH);
  if (!row || stored === null) return { ok: false, reason: 'invalid' };
  const account = { id: row.id, username: row.username, role: toStaffUser(row).role };
  if (!matches) return { ok: false, reason: 'invalid', account };
  if (row.disabled) return { ok: false, reason: 'disabled', account };
  if (needsRehash(stored)) {
    // Only if nobody changed the password meanwhile.
    await sql.query(`UPDATE web_users SET password_hash = $2, updated_at = now() WHERE id = $1 AND password_hash = $3`, [row.id, await hashPassword(password), stored]);
  }
  return { ok: true, user: toStaffUser(row) };
}
