import { randomUUID } from 'node:crypto';
import { badRequest, forbidden, ID_PATTERN, notFound } from '@footprint/fhir';
import type { AccessContext } from '../../access-context';
import { audited } from '../../audit/audited';
import type { SqlClient } from '../../db/sql-client';
import { overridesDissent } from '../consent/dissent';
import { BREAK_GLASS_REASONS } from '../trust-codes';
import { BREAK_GLASS_ROLES, DEFAULT_BREAK_GLASS_HOURS } from './roles';
import { EXPLANATION_MAX, type BreakGlassGrant, type BreakGlassRequest } from './types';

/** The longest a grant may be configured to last: one day; anything longer is a standing permission. */
const MAX_HOURS = 24;

/** A clinician acting for an organisation, for direct care, may break glass; anyone else is refused. */
function requireClinician(ctx: AccessContext): { userId: string; role: string; display: string | null; organisation: string; odsCode: string | null } {
  const { principal } = ctx;
  if (principal.kind !== 'user' || !(BREAK_GLASS_ROLES as readonly string[]).includes(principal.role)) {
    throw forbidden(`Only clinicians and social workers (${BREAK_GLASS_ROLES.join(', ')}) may break glass`);
  }
  if (!ctx.organisation?.reference) throw forbidden('Break-glass is given to a clinician acting for an organisation, and you have none');
  if (ctx.purpose !== 'TREAT' && ctx.purpose !== 'ETREAT') throw forbidden('Break-glass is for direct care (purpose TREAT)');
  return { userId: principal.id, role: principal.role, display: principal.display ?? null, organisation: ctx.organisation.reference, odsCode: ctx.organisation.odsCode ?? null };
}

/** Checks the request's shape: a known reason, a non-empty explanation, a sensible duration. */
export function checkBreakGlassRequest(request: BreakGlassRequest): { explanation: string; hours: number } {
  if (typeof request.patientId !== 'string' || !ID_PATTERN.test(request.patientId)) throw badRequest(`"${String(request.patientId)}" is not a valid Patient id`, 'id');
  if (!(BREAK_GLASS_REASONS as readonly string[]).includes(request.reason)) {
    throw badRequest(`"${String(request.reason)}" is not a break-glass reason (${BREAK_GLASS_REASONS.join(', ')})`, 'reason');
  }
  const explanation = typeof request.explanation === 'string' ? request.explanation.trim() : '';
  if (!explanation) throw badRequest('Say why you need to see this record (explanation)', 'explanation');
  if (explanation.length > EXPLANATION_MAX) throw badRequest(`The explanation is longer than ${EXPLANATION_MAX} characters`, 'explanation');
  const hours = request.hours ?? DEFAULT_BREAK_GLASS_HOURS;
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) throw badRequest(`A break-glass grant lasts more than 0 and at most ${MAX_HOURS} hours, not ${hours}`, 'hours');
  return { explanation, hours };
}

/**
 * Break-glass: gives the clinician time-limited access to one person's record, whatever their
 * relationship and the person's sharing choice, and opens a review for the privacy officers of
 * their organisation. One transaction, audited with purpose ETREAT; a refusal or bad request
 * writes nothing but its failure AuditEvent.
 */
export async function breakGlass(sql: SqlClient, ctx: AccessContext, request: BreakGlassRequest): Promise<BreakGlassGrant> {
  const emergency: AccessContext = { ...ctx, purpose: 'ETREAT' };
  const entity = `Patient/${String(request.patientId)}`;
  return audited(sql, emergency, { interaction: 'operation', operation: '$break-glass', entities: [entity] }, async (tx) => {
    const clinician = requireClinician(ctx);
    const { explanation, hours } = checkBreakGlassRequest(request);
    const { rows: patients } = await tx.query<{ deleted: boolean }>("SELECT deleted FROM resource WHERE resource_type = 'Patient' AND id = $1", [request.patientId]);
    if (!patients[0] || patients[0].deleted) throw notFound(`${entity} is not known`);
    const dissent = await overridesDissent(tx, request.patientId, clinician.organisation);
    const id = randomUUID();
    const { rows } = await tx.query<{ granted_at: Date | string; expires_at: Date | string }>(
      `INSERT INTO break_glass_grant (id, user_id, user_display, user_role, organisation, organisation_code, patient_id, reason, explanation, granted_at, expires_at, overrides_dissent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, statement_timestamp(), statement_timestamp() + make_interval(secs => $10::double precision), $11)
       RETURNING granted_at, expires_at`,
      [id, clinician.userId, clinician.display, clinician.role, clinician.organisation, clinician.odsCode, request.patientId, request.reason, explanation, hours * 3600, dissent],
    );
    const grant: BreakGlassGrant = {
      id,
      patientId: request.patientId,
      reason: request.reason,
      grantedAt: new Date(rows[0].granted_at).toISOString(),
      expires: new Date(rows[0].expires_at).toISOString(),
      overridesDissent: dissent,
    };
    return { result: grant, patients: [request.patientId], entities: [entity, `break-glass/${id}`] };
  });
}

/** The user's unexpired grant for this person (the newest), for the care record's banner; undefined when there is none. */
export async function activeBreakGlass(sql: SqlClient, ctx: AccessContext, patientId: string): Promise<BreakGlassGrant | undefined> {
  if (ctx.principal.kind !== 'user' || !ctx.organisation?.reference) return undefined;
  const { rows } = await sql.query<{ id: string; reason: string; granted_at: Date | string; expires_at: Date | string; overrides_dissent: boolean }>(
    `SELECT id, reason, granted_at, expires_at, overrides_dissent FROM break_glass_grant
     WHERE user_id = $1 AND organisation = $2 AND patient_id = $3 AND expires_at > statement_timestamp() ORDER BY expires_at DESC LIMIT 1`,
    [ctx.principal.id, ctx.organisation.reference, patientId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    patientId,
    reason: row.reason as BreakGlassGrant['reason'],
    grantedAt: new Date(row.granted_at).toISOString(),
    expires: new Date(row.expires_at).toISOString(),
    overridesDissent: row.overrides_dissent,
  };
}
