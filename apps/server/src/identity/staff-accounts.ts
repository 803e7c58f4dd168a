import { randomBytes, randomUUID } from 'node:crypto';
import type { SqlClient } from '@footprint/record';
import { hashPassword } from '../api/auth/passwords';
import { toStaffUser, type StaffUser } from '../api/auth/users';
import type { RoleChoice } from './staff-roles';

const USER_COLUMNS = 'id, username, display_name, role, organisation_code, organisation_name, organisation_ref';
type UserRow = Parameters<typeof toStaffUser>[0];

function usernameFor(subject: string): string {
  const cleaned = subject.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').slice(0, 56);
  return `cis2-${cleaned || randomBytes(4).toString('hex')}`;
}

/**
 * The staff account (web_users) of a person signed in through OpenID Connect, linked to their
 * issuer and subject in `identity_staff_link`: created at first sign-in, and given the role and
 * organisation they chose at each sign-in. Its password hash is the hash of 256 random bits that
 * nobody knows, so the account cannot be signed in to with a password.
 */
export async function linkStaffAccount(sql: SqlClient, identity: { issuer: string; subject: string; displayName: string }, choice: RoleChoice): Promise<StaffUser> {
  const organisation = [choice.organisation.code, choice.organisation.name, `Organization/${choice.organisation.id}`];
  return sql.transaction(async (tx) => {
    const linked = await tx.query<{ user_id: string }>(`SELECT user_id FROM identity_staff_link WHERE issuer = $1 AND subject = $2 FOR UPDATE`, [identity.issuer, identity.subject]);
    if (linked.rows[0]) {
      const { rows } = await tx.query<UserRow>(
        `UPDATE web_users SET display_name = $2, role = $3, organisation_code = $4, organisation_name = $5, organisation_ref = $6
          WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [linked.rows[0].user_id, identity.displayName, choice.role, ...organisation],
      );
      await tx.query(`UPDATE identity_staff_link SET last_sign_in_at = now() WHERE issuer = $1 AND subject = $2`, [identity.issuer, identity.subject]);
      return toStaffUser(rows[0]);
    }
    const unusable = await hashPassword(randomBytes(32).toString('base64url'));
    let username = usernameFor(identity.subject);
    for (let attempt = 0; ; attempt++) {
      const { rows } = await tx.query<UserRow>(
        `INSERT INTO web_users (id, username, display_name, role, organisation_code, organisation_name, organisation_ref, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING RETURNING ${USER_COLUMNS}`,
        [randomUUID(), username, identity.displayName, choice.role, ...organisation, unusable],
      );
      if (rows[0]) {
        await tx.query(`INSERT INTO identity_staff_link (issuer, subject, user_id) VALUES ($1, $2, $3)`, [identity.issuer, identity.subject, rows[0].id]);
        return toStaffUser(rows[0]);
      }
      // A local account already has that username: never take it over.
      if (attempt > 5) throw new Error('could not choose a username for the signed-in member of staff');
      username = `${usernameFor(identity.subject).slice(0, 55)}-${randomBytes(3).toString('hex')}`;
    }
  });
}
