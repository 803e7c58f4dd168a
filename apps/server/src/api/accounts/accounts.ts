import { randomUUID } from 'node:crypto';
import { writeAccountEvent, type AccessContext, type AccountChange, type Repository, type SqlClient } from '@footprint/record';
import { ApiProblem } from '../problem';
import { generatePassword, hashPassword } from '../auth/passwords';
import type { Role } from '../auth/roles';
import { endSessionsOf } from '../auth/sessions';
import { USERNAME, type StaffUser } from '../auth/users';
import { resolveOrganisation } from './organisation-input';
import { describeRole, parseRole, type RoleDescription } from './role-input';

/**
 * The staff account operations behind `footprint user …` and the administrator's accounts page.
 * Each change and its AuditEvent commit in one transaction; a new or reset password is a
 * temporary one, returned once to show to the administrator and stored only as a hash.
 */
export interface AccountStorage {
  record: Repository;
  sql: SqlClient;
}

/** A staff account as the accounts page and `user list` show it (never a password or hash). */
export interface StaffAccount {
  id: string;
  username: string;
  displayName: string;
  role: RoleDescription;
  organisation: { code: string; name: string } | null;
  status: 'active' | 'disabled';
  /** True while the account holds a temporary password not yet changed. */
  mustChangePassword: boolean;
  /** How the account can sign in: a local password, an OpenID Connect identity, or both. */
  signIn: { password: boolean; identity: boolean };
  createdAt: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  /** A role name, or an RBAC code that belongs to one role only. */
  role: string;
  /** The ODS code of the organisation in the record the user works for. */
  organisation?: string;
}

/** Roles that work for the partnership as a whole, and so may have no organisation in the record. */
const PARTNERSHIP_ROLES: ReadonlySet<Role> = new Set(['administrator', 'analyst', 'partnership_lead']);

type AccountRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  organisation_code: string | null;
  organisation_name: string | null;
  must_change_password: boolean;
  disabled: boolean;
  has_password: boolean;
  has_identity: boolean;
  created_at: string | Date;
};

const ACCOUNT_COLUMNS = `id, username, display_name, role, organisation_code, organisation_name, must_change_password,
  disabled_at IS NOT NULL AS disabled, password_hash IS NOT NULL AS has_password, identity_subject IS NOT NULL AS has_identity, created_at`;

function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: describeRole(row.role as Role),
    organisation: row.organisation_code ? { code: row.organisation_code, name: row.organisation_name ?? row.organisation_code } : null,
    status: row.disabled ? 'disabled' : 'active',
    mustChangePassword: row.must_change_password,
    signIn: { password: row.has_password, identity: row.has_identity },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listAccounts(sql: SqlClient): Promise<StaffAccount[]> {
  const { rows } = await sql.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM web_users ORDER BY username`);
  return rows.map(toAccount);
}

/** The account with this username; 404 when there is none. */
export async function requireAccount(sql: SqlClient, username: string): Promise<StaffAccount> {
  const { rows } = await sql.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM web_users WHERE username = $1`, [username.trim().toLowerCase()]);
  if (!rows[0]) throw new ApiProblem(404, 'Unknown user', `There is no user "${username.trim()}".`);
  return toAccount(rows[0]);
}

/** What an account is now, for its AuditEvent (no names, no secrets). */
function auditDetails(account: StaffAccount): Record<string, string> {
  return {
    role: `${account.role.role} (${account.role.code})`,
    ...(account.organisation ? { organisation: account.organisation.code } : {}),
    status: account.status,
  };
}

async function audit(tx: SqlClient, actor: AccessContext, change: AccountChange, account: StaffAccount): Promise<void> {
  await writeAccountEvent(tx, actor, { change, account: { id: account.id, username: account.username }, details: auditDetails(account) });
}

async function organisationFor(storage: AccountStorage, role: Role, code: string | undefined): Promise<StaffUser['organisation']> {
  if (code?.trim()) return resolveOrganisation(storage.record, code);
  if (PARTNERSHIP_ROLES.has(role)) return undefined;
  throw new ApiProblem(400, 'Organisation required', `A ${describeRole(role).label.toLowerCase()} works for an organisation: give its ODS code.`);
}

/** Refuses a change that would leave no active administrator (checked inside the change's transaction). */
async function keepAnAdministrator(tx: SqlClient): Promise<void> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM web_users WHERE role = 'administrator' AND disabled_at IS NULL`);
  if ((rows[0]?.n ?? 0) === 0) {
    throw new ApiProblem(409, 'The last administrator', 'This would leave no active administrator: add or enable another administrator first.');
  }
}

/** Locks the active administrators' rows so two changes cannot each remove "another" administrator at once. */
async function lockAdministrators(tx: SqlClient): Promise<void> {
  await tx.query(`SELECT id FROM web_users WHERE role = 'administrator' AND disabled_at IS NULL ORDER BY id FOR UPDATE`);
}

function isActor(actor: AccessContext, account: StaffAccount): boolean {
  return actor.principal.kind === 'user' && actor.principal.id === account.id;
}

/** Adds an account with a temporary password, which the user must change at first sign-in. */
export async function addAccount(storage: AccountStorage, actor: AccessContext, input: NewAccount): Promise<{ account: StaffAccount; temporaryPassword: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new ApiProblem(400, 'Invalid username', `"${input.username.trim()}": a username is 2 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.`);
  }
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 100) throw new ApiProblem(400, 'Invalid display name', 'Give the name to show for the user (1 to 100 characters).');
  const role = parseRole(input.role);
  const organisation = await organisationFor(storage, role, input.organisation);
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  const account = await storage.sql.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO web_users (id, username, display_name, role, organisation_code, organisation_name, organisation_ref, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [randomUUID(), username, displayName, role, organisation?.code ?? null, organisation?.name ?? null, organisation?.reference ?? null, hash],
    );
    if (!rows[0]) throw new ApiProblem(409, 'Username already taken', `There is already a user "${username}".`);
    const added = await requireAccount(tx, username);
    await audit(tx, actor, 'add', added);
    return added;
  });
  return { account, temporaryPassword };
}

/** Disables an account: it cannot sign in, and its sessions end at once. */
export async function disableAccount(storage: AccountStorage, actor: AccessContext, username: string): Promise<StaffAccount> {
  return storage.sql.transaction(async (tx) => {
    const account = await requireAccount(tx, username);
    if (isActor(actor, account)) throw new ApiProblem(409, 'You cannot disable yourself', 'Ask another administrator to disable your account.');
    if (account.status === 'disabled') return account;
    await lockAdministrators(tx);
    await tx.query(`UPDATE web_users SET disabled_at = now(), updated_at = now() WHERE id = $1`, [account.id]);
    await keepAnAdministrator(tx);
    await endSessionsOf(tx, account.id);
    const disabled = await requireAccount(tx, username);
    await audit(tx, actor, 'disable', disabled);
    return disabled;
  });
}

/** Enables a disabled account again (its password is unchanged). */
export async function enableAccount(storage: AccountStorage, actor: AccessContext, username: string): Promise<StaffAccount> {
  return storage.sql.transaction(async (tx) => {
    const account = await requireAccount(tx, username);
    if (account.status === 'active') return account;
    await tx.query(`UPDATE web_users SET disabled_at = NULL, failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE id = $1`, [account.id]);
    const enabled = await requireAccount(tx, username);
    await audit(tx, actor, 'enable', enabled);
    return enabled;
  });
}

/** Replaces an account's password with a new temporary one (to be changed at next sign-in) and ends its sessions. */
export async function resetPassword(storage: AccountStorage, actor: AccessContext, username: string): Promise<{ account: StaffAccount; temporaryPassword: string }> {
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  const account = await storage.sql.transaction(async (tx) => {
    const found = await requireAccount(tx, username);
    await tx.query(
      `UPDATE web_users SET password_hash = $2, must_change_password = true, failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [found.id, hash],
    );
    await endSessionsOf(tx, found.id);
    const reset = await requireAccount(tx, username);
    await audit(tx, actor, 'reset-password', reset);
    return reset;
  });
  return { account, temporaryPassword };
}

/** Gives an account another role (and, optionally, another organisation); it takes effect on the user's next request. */
export async function setRole(storage: AccountStorage, actor: AccessContext, username: string, roleInput: string, organisationCode?: string): Promise<StaffAccount> {
  const role = parseRole(roleInput);
  const current = await requireAccount(storage.sql, username);
  const organisation = organisationCode?.trim()
    ? await resolveOrganisation(storage.record, organisationCode)
    : current.organisation
      ? undefined
      : await organisationFor(storage, role, undefined);
  return storage.sql.transaction(async (tx) => {
    const account = await requireAccount(tx, username);
    await lockAdministrators(tx);
    await tx.query(
      organisation
        ? `UPDATE web_users SET role = $2, organisation_code = $3, organisation_name = $4, organisation_ref = $5, updated_at = now() WHERE id = $1`
        : `UPDATE web_users SET role = $2, updated_at = now() WHERE id = $1`,
      organisation ? [account.id, role, organisation.code, organisation.name, organisation.reference ?? null] : [account.id, role],
    );
    await keepAnAdministrator(tx);
    const changed = await requireAccount(tx, username);
    await audit(tx, actor, 'set-role', changed);
    return changed;
  });
}
