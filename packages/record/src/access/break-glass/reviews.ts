import { badRequest, conflict, forbidden, notFound, NHS_NUMBER_SYSTEM, parseStoredJson, type Patient } from '@footprint/fhir';
import type { AccessContext } from '../../access-context';
import { audited } from '../../audit/audited';
import type { SqlClient } from '../../db/sql-client';
import type { BreakGlassReason } from '../trust-codes';
import {
  BREAK_GLASS_REVIEW_OUTCOMES,
  BREAK_GLASS_REVIEW_STATUSES,
  REVIEW_NOTE_MAX,
  type BreakGlassReview,
  type BreakGlassReviewDecision,
  type BreakGlassReviewStatus,
  type BreakGlassReviewSummary,
} from './types';

type GrantRow = {
  id: string;
  user_id: string;
  user_display: string | null;
  user_role: string;
  organisation: string;
  organisation_code: string | null;
  patient_id: string;
  reason: string;
  explanation: string;
  granted_at: Date | string;
  expires_at: Date | string;
  overrides_dissent: boolean;
  status: BreakGlassReviewStatus;
  review_outcome: BreakGlassReviewSummary['review']['outcome'];
  review_note: string | null;
  reviewed_by_display: string | null;
  reviewed_at: Date | string | null;
  closed_by_display: string | null;
  closed_at: Date | string | null;
};

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function summary(row: GrantRow): BreakGlassReviewSummary {
  return {
    id: row.id,
    user: { id: row.user_id, display: row.user_display, role: row.user_role },
    organisation: { reference: row.organisation, odsCode: row.organisation_code },
    reason: row.reason as BreakGlassReason,
    explanation: row.explanation,
    grantedAt: iso(row.granted_at)!,
    expires: iso(row.expires_at)!,
    overridesDissent: row.overrides_dissent,
    status: row.status,
    review: {
      outcome: row.review_outcome,
      note: row.review_note,
      reviewedBy: row.reviewed_by_display,
      reviewedAt: iso(row.reviewed_at),
      closedBy: row.closed_by_display,
      closedAt: iso(row.closed_at),
    },
  };
}

/** Privacy officers review the break-glass of their own organisation; anyone else is refused. */
function requirePrivacyOfficer(ctx: AccessContext): { id: string; display: string; organisation: string } {
  const { principal } = ctx;
  if (principal.kind !== 'user' || principal.role !== 'privacy_officer') throw forbidden('Only privacy officers review break-glass');
  if (!ctx.organisation?.reference) throw forbidden('A privacy officer reviews the break-glass of their organisation, and you have none');
  return { id: principal.id, display: principal.display ?? principal.id, organisation: ctx.organisation.reference };
}

const COLUMNS = `id, user_id, user_display, user_role, organisation, organisation_code, patient_id, reason, explanation, granted_at, expires_at,
  overrides_dissent, status, review_outcome, review_note, reviewed_by_display, reviewed_at, closed_by_display, closed_at`;

/**
 * The privacy officer's queue: the break-glass of their organisation, newest first, optionally
 * of one status. It names who, why and when, never whose record (that needs opening a review).
 */
export async function listBreakGlassReviews(sql: SqlClient, ctx: AccessContext, filter: { status?: BreakGlassReviewStatus } = {}): Promise<BreakGlassReviewSummary[]> {
  const officer = requirePrivacyOfficer(ctx);
  if (filter.status !== undefined && !BREAK_GLASS_REVIEW_STATUSES.includes(filter.status)) {
    throw badRequest(`"${String(filter.status)}" is not a review status (${BREAK_GLASS_REVIEW_STATUSES.join(', ')})`, 'status');
  }
  const { rows } = await sql.query<GrantRow>(
    `SELECT ${COLUMNS} FROM break_glass_grant WHERE organisation = $1 AND ($2::text IS NULL OR status = $2) ORDER BY granted_at DESC, id LIMIT 500`,
    [officer.organisation, filter.status ?? null],
  );
  return rows.map(summary);
}

async function loadGrant(tx: SqlClient, organisation: string, id: string, lock = false): Promise<GrantRow> {
  const { rows } = await tx.query<GrantRow>(`SELECT ${COLUMNS} FROM break_glass_grant WHERE id = $1 AND organisation = $2${lock ? ' FOR UPDATE' : ''}`, [id, organisation]);
  if (!rows[0]) throw notFound(`Break-glass review ${id} is not known`);
  return rows[0];
}

async function withPerson(tx: SqlClient, row: GrantRow): Promise<BreakGlassReview> {
  const { rows } = await tx.query<{ content: string | null }>("SELECT content FROM resource WHERE resource_type = 'Patient' AND id = $1", [row.patient_id]);
  const patient = rows[0]?.content ? (parseStoredJson(rows[0].content) as Patient) : undefined;
  const nhsNumber = patient?.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value ?? null;
  return { ...summary(row), person: { patientId: row.patient_id, nhsNumber } };
}

/** Opens one review: the person's NHS number is disclosed to the privacy officer, so the opening is audited against that person. */
export async function openBreakGlassReview(sql: SqlClient, ctx: AccessContext, id: string): Promise<BreakGlassReview> {
  return audited(sql, ctx, { interaction: 'operation', operation: '$break-glass-review', entities: [`break-glass/${id}`] }, async (tx) => {
    const officer = requirePrivacyOfficer(ctx);
    const review = await withPerson(tx, await loadGrant(tx, officer.organisation, id));
    return { result: review, patients: [review.person.patientId] };
  });
}

/** open → reviewed: the privacy officer's finding (appropriate or inappropriate) and note, with who and when. */
export async function reviewBreakGlass(sql: SqlClient, ctx: AccessContext, id: string, decision: BreakGlassReviewDecision): Promise<BreakGlassReview> {
  return audited(sql, ctx, { interaction: 'operation', operation: '$break-glass-review', entities: [`break-glass/${id}`] }, async (tx) => {
    const officer = requirePrivacyOfficer(ctx);
    if (!BREAK_GLASS_REVIEW_OUTCOMES.includes(decision?.outcome)) {
      throw badRequest(`The outcome must be one of ${BREAK_GLASS_REVIEW_OUTCOMES.join(', ')}, not "${String(decision?.outcome)}"`, 'outcome');
    }
    const note = typeof decision.note === 'string' ? decision.note.trim() : '';
    if (!note) throw badRequest('A review needs a note saying what was found', 'note');
    if (note.length > REVIEW_NOTE_MAX) throw badRequest(`The note is longer than ${REVIEW_NOTE_MAX} characters`, 'note');
    const row = await loadGrant(tx, officer.organisation, id, true);
    if (row.status !== 'open') throw conflict(`Break-glass review ${id} is already ${row.status}`);
    const { rows } = await tx.query<GrantRow>(
      `UPDATE break_glass_grant SET status = 'reviewed', review_outcome = $2, review_note = $3, reviewed_by = $4, reviewed_by_display = $5, reviewed_at = statement_timestamp()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, decision.outcome, note, officer.id, officer.display],
    );
    const review = await withPerson(tx, rows[0]);
    return { result: review, patients: [review.person.patientId] };
  });
}

/** reviewed → closed, with who and when. A review must be reviewed before it is closed. */
export async function closeBreakGlassReview(sql: SqlClient, ctx: AccessContext, id: string): Promise<BreakGlassReview> {
  return audited(sql, ctx, { interaction: 'operation', operation: '$break-glass-review', entities: [`break-glass/${id}`] }, async (tx) => {
    const officer = requirePrivacyOfficer(ctx);
    const row = await loadGrant(tx, officer.organisation, id, true);
    if (row.status !== 'reviewed') throw conflict(row.status === 'open' ? `Review break-glass ${id} before closing it` : `Break-glass review ${id} is already closed`);
    const { rows } = await tx.query<GrantRow>(
      `UPDATE break_glass_grant SET status = 'closed', closed_by = $2, closed_by_display = $3, closed_at = statement_timestamp() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, officer.id, officer.display],
    );
    const review = await withPerson(tx, rows[0]);
    return { result: review, patients: [review.person.patientId] };
  });
}
