import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@footprint/record';
import { hashPassword, verifyPassword } from '../api/auth/passwords';

/** A role a member of staff holds at one organisation, as CIS2's `nhsid_nrbac_roles` carries it. */
export interface NationalRbacRole {
  /** The identifier of this person-in-role; `selected_roleid` names one of these. */
  person_roleid: string;
  /** The ODS code of the organisation the role is held at. */
  org_code: string;
  /** Job-role code path, `S…:G…:R…`, whose last part is the national RBAC job role (e.g. R8000). */
  role_code: string;
  role_name: string;
}

/** NHS login's identity claims for a citizen (a subset: enough to find their record). */
export interface CitizenClaims {
  given_name: string;
  family_name: string;
  birthdate: string;
  nhs_number: string;
  /** NHS login's proofing level: P9 is a verified identity, needed to see a GP record. */
  identity_proofing_level: 'P0' | 'P5' | 'P9';
  email: string;
}

/** NHS CIS2's claims for a member of staff. */
export interface StaffClaims {
  given_name: string;
  family_name: string;
  name: string;
  nhsid_useruid: string;
  nhsid_nrbac_roles: NationalRbacRole[];
  nhsid_user_orgs: Array<{ org_code: string; org_name: string }>;
  email: string;
}

export type AccountClaims = CitizenClaims | StaffClaims;

export interface IdentityAccount {
  id: string;
  login: string;
  kind: 'citizen' | 'staff';
  claims: AccountClaims;
}

type AccountRow = { id: string; login: string; kind: 'citizen' | 'staff'; claims: AccountClaims | string; password_hash: string };

function toAccount(row: AccountRow): IdentityAccount {
  return { id: row.id, login: row.login, kind: row.kind, claims: typeof row.claims === 'string' ? (JSON.parse(row.claims) as AccountClaims) : row.claims };
}

/** The demo provider's accounts: citizens (NHS login-style) and staff (CIS2-style), each with a password. */
export class IdentityAccounts {
  constructor(private readonly sql: SqlClient) {}

  async find(id: string): Promise<IdentityAccount | undefined> {
    const { rows } = await this.sql.query<AccountRow>(`SELECT id, login, kind, claims, password_hash FROM identity_account WHERE id = $1`, [id]);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  /** The account for a login and password, or undefined; an unknown login costs the same time as a wrong password. */
  async authenticate(login: string, password: string): Promise<IdentityAccount | undefined> {
    const { rows } = await this.sql.query<AccountRow>(`SELECT id, login, kind, claims, password_hash FROM identity_account WHERE login = $1`, [
      login.trim().toLowerCase(),
    ]);
    const row = rows[0];
    const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
    return row && ok ? toAccount(row) : undefined;
  }

  /** Creates an account, or replaces the password and claims of the one with that login (its subject stays). */
  async upsert(account: { login: string; kind: IdentityAccount['kind']; claims: AccountClaims; password: string }): Promise<IdentityAccount> {
    const { rows } = await this.sql.query<AccountRow>(
      `INSERT INTO identity_account (id, login, kind, password_hash, claims) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (login) DO UPDATE SET kind = EXCLUDED.kind, password_hash = EXCLUDED.password_hash, claims = EXCLUDED.claims
       RETURNING id, login, kind, claims, password_hash`,
      [randomUUID(), account.login.toLowerCase(), account.kind, await hashPassword(account.password), JSON.stringify(account.claims)],
    );
    return toAccount(rows[0]);
  }
}
