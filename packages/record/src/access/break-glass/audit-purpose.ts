import type { AccessContext } from '../../access-context';
import type { SqlClient } from '../../db/sql-client';

/**
 * The context to audit an access with: a member of staff's access to the record of someone they
 * hold an unexpired break-glass grant for is audited with purpose ETREAT (break-glass), so the
 * person's access log and the privacy officer see every look taken under it.
 */
export async function auditContext(sql: SqlClient, ctx: AccessContext, patients: readonly string[]): Promise<AccessContext> {
  if (ctx.principal.kind !== 'user' || ctx.purpose !== 'TREAT' || !ctx.organisation?.reference || patients.length === 0) return ctx;
  const { rows } = await sql.query<{ under: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM break_glass_grant WHERE user_id = $1 AND organisation = $2 AND patient_id = ANY($3::text[]) AND expires_at > statement_timestamp()) AS under`,
    [ctx.principal.id, ctx.organisation.reference, [...patients]],
  );
  return rows[0]?.under ? { ...ctx, purpose: 'ETREAT' } : ctx;
}
