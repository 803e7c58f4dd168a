import { randomBytes, randomUUID } from 'node:crypto';
import { systemContext, writeAccountEvent, type SqlClient } from '@footprint/record';
import { toStaffUser, USER_COLUMNS, type StaffUser, type UserRow } from '../api/auth/users';
import type { RoleChoice } from './staff-roles';

function usernameFor(subject: string): string {
  const cleaned = subject.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').slice(0, 56);
  return `cis2-${cleaned || randomBytes(4).toString('hex')}`;
}

/** Signing in through OpenID Connect found the linked account disabled by an administrator. */
export class DisabledAccountError extends Error {
  constructor() {
    super('The staff account linked to this identity is disabled');
  }
}

type LinkedRow = UserRow & { disabled: boolean };

/**
 * The staff account (web_users) of a person signed in through OpenID Connect, linked to their
 * issuer and subject (web_users.identity_issuer, identity_subject): created at first sign-in,
 * and given the role and organisation they chose at each sign-in. It has no password hash, so it
 * can never be signed in to with a password; a disabled account is refused. Creating the account
 * and changing its role are audited like any account change.
 */
export async function linkStaffAccount(sql: SqlClient, identity: { issuer: string; subject: string; displayName: string }, choice: RoleChoice): Promise<StaffUser> {
  const organisation = [choice.organisation.code, choice.organisation.name, `Organization/${choice.organisation.id}`];
  const actor = systemContext('SYSADMIN', 'footprint-identity');
  return sql.transaction(async (tx) => {
    const linked = await tx.query<LinkedRow & { previous_role: string }>(
      `SELECT ${USER_COLUMNS}, disabled_at IS NOT NULL AS disabled, role AS previous_role FROM web_users
        WHERE identity_issuer = $1 AND identity_subject = $2 FOR UPDATE`,
      [identity.issuer, identity.subject],
    );
    const existing = linked.rows[0];
    if (existing) {
      if (existing.disabled) throw new DisabledAccountError();
      const { rows } = await tx.query<UserRow>(
        `UPDATE web_users SET display_name = $2, role = $3, organisation_code = $4, organisation_name = $5, organisation_ref = $6, updated_at = now()
          WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [existing.id, identity.displayName, choice.role, ...organisation],
      );
      if (existing.previous_role !== choice.role || existing.organisation_code !== choice.organisation.code) {
        await writeAccountEvent(tx, actor, {
          change: 'set-role',
          account: { id: existing.id, username: existing.username },
          details: { role: choice.role, organisation: choice.organisation.code, via: 'OpenID Connect sign-in' },
        });
      }
      return toStaffUser(rows[0]);
    }
    let username = usernameFor(identity.subject);
    for (let attempt = 0; ; attempt++) {
      const { rows } = await tx.query<UserRow>(
        `INSERT INTO web_users (id, username, display_name, role, organisation_code, organisation_name, organisation_ref, password_hash, identity_issuer, identity_subject)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9) ON CONFLICT (username) DO NOTHING RETURNING ${USER_COLUMNS}`,
        [randomUUID(), username, identity.displayName, choice.role, ...organisation, identity.issuer, identity.subject],
      );
      if (rows[0]) {
        await writeAccountEvent(tx, actor, {
          change: 'add',
          account: { id: rows[0].id, username: rows[0].username },
          details: { role: choice.role, organisation: choice.organisation.code, via: 'OpenID Connect sign-in' },
        });
        return toStaffUser(rows[0]);
      }
      // A local account already has that username: never take it over.
      if (attempt > 5) throw new Error('could not choose a username for the signed-in member of staff');
      username = `${usernameFor(identity.subject).slice(0, 55)}-${randomBytes(3).toString('hex')}`;
    }
  });
}
