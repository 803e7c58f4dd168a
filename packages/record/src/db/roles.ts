import { quoteIdent } from './pglite-client';
import type { SqlClient } from './sql-client';

/**
 * Grants the application role what the platform needs and no more, run by the owner role after
 * every migration (docs/audit.md "Database roles"): reading and writing the platform's tables in
 * the owner's schema, but on the audit trail only SELECT and INSERT, and on the chain head only
 * SELECT (the chain trigger advances it as the owner). Tables stay owned by the owner, so the application cannot alter them,
 * drop their triggers or disable them; only a superuser could.
 */
export async function grantApplicationRole(owner: SqlClient, appRole: string): Promise<void> {
  const { rows } = await owner.query<{ schema: string; owner: string }>('SELECT current_schema() AS schema, current_user AS owner');
  const schema = quoteIdent(rows[0].schema);
  const app = quoteIdent(appRole);
  if (appRole === rows[0].owner) return; // one role for both: nothing to grant (checkApplicationRole warns)
  await owner.query(`
GRANT USAGE ON SCHEMA ${schema} TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app};
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${schema}.audit_event FROM ${app};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.audit_chain_head FROM ${app};
REVOKE INSERT, UPDATE, DELETE ON ${schema}.schema_migration FROM ${app};
`);
}

/**
 * Why the connection's role could rewrite the audit, if it could: it is a superuser, or it owns
 * (or is a member of the role that owns) the audit table, and so could disable its triggers.
 * Undefined when it is a plain application role.
 */
export async function applicationRoleProblem(sql: SqlClient): Promise<string | undefined> {
  const { rows } = await sql.query<{ role: string; superuser: boolean; owner: boolean }>(
    `SELECT current_user AS role, r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'MEMBER') AS owner
     FROM pg_roles r CROSS JOIN pg_class c WHERE r.rolname = current_user AND c.oid = to_regclass('audit_event')`,
  );
  const row = rows[0];
  if (!row) return undefined;
  if (!row.superuser && !row.owner) return undefined;
  return (
    `The application connects to PostgreSQL as ${row.role}, which ${row.superuser ? 'is a superuser' : 'owns the record tables'} and so could disable the audit's append-only triggers. ` +
    'Connect the application (DATABASE_URL) as a role that owns nothing and run migrations as the owner (FOOTPRINT_MIGRATION_DATABASE_URL); see docs/audit.md.'
  );
}
