import { badRequest, notFound, parseStoredJson, type Patient } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { requireRecordIntegrity } from '../access/record-integrity';
import { audited } from '../audit/audited';
import type { SqlClient } from '../db/sql-client';
import { validNhsNumber } from './demographics';
import { activeMergesOf } from './merge-sql';
import { MATCH_REVIEW_STATUSES, selectReview, selectReviews, setReviewStatus, type MatchReview, type MatchReviewStatus } from './reviews-sql';

/**
 * The demographics a reviewer needs to decide whether two records are one person, and nothing
 * clinical: identifiers, name, date of birth, sex, address, registered practice, the
 * organisation that recorded it, and whether it is active or merged.
 */
export interface DemographicSummary {
  id: string;
  nhsNumber?: string;
  family?: string;
  given?: string;
  birthDate?: string;
  gender?: string;
  addressLine?: string;
  city?: string;
  postcode?: string;
  registeredPractice?: string;
  /** The recording organisation, or (for records imported by the platform) the managing organisation. */
  recordedBy?: string;
  active: boolean;
  /** The record this one was merged into (Patient.link replaced-by), if any. */
  mergedInto?: string;
  lastUpdated?: string;
}

export interface ReviewedPair extends MatchReview {
  patient: DemographicSummary | null;
  candidate: DemographicSummary | null;
  /** When the pair is merged: which record was merged into which. */
  merged?: { sourceId: string; targetId: string };
}

function summarise(patient: Patient, organisation: string | null): DemographicSummary {
  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  const address = patient.address?.find((a) => a.use === 'home') ?? patient.address?.[0];
  const nhs = validNhsNumber(patient);
  const mergedInto = patient.link?.find((l) => l.type === 'replaced-by')?.other?.reference;
  const practice = patient.generalPractitioner?.[0];
  const s: DemographicSummary = { id: patient.id!, active: patient.active !== false };
  if (nhs) s.nhsNumber = nhs;
  if (name?.family) s.family = name.family;
  if (name?.given?.length) s.given = name.given.join(' ');
  if (patient.birthDate) s.birthDate = patient.birthDate;
  if (patient.gender) s.gender = patient.gender;
  if (address?.line?.length) s.addressLine = address.line.join(', ');
  if (address?.city) s.city = address.city;
  if (address?.postalCode) s.postcode = address.postalCode;
  if (practice) s.registeredPractice = practice.display ?? practice.reference ?? practice.identifier?.value;
  const recorder = organisation ?? patient.managingOrganization?.reference;
  if (recorder) s.recordedBy = recorder;
  if (mergedInto) s.mergedInto = mergedInto;
  if (patient.meta?.lastUpdated) s.lastUpdated = patient.meta.lastUpdated;
  return s;
}

async function summaries(sql: SqlClient, ids: readonly string[]): Promise<Map<string, DemographicSummary>> {
  const { rows } = await sql.query<{ id: string; content: string; organisation: string | null }>(
    `SELECT id, content, organisation FROM resource WHERE resource_type = 'Patient' AND id = ANY($1::text[]) AND NOT deleted`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, summarise(parseStoredJson(r.content) as Patient, r.organisation)]));
}

async function withPeople(sql: SqlClient, reviews: MatchReview[]): Promise<ReviewedPair[]> {
  const ids = [...new Set(reviews.flatMap((r) => [r.patientId, r.candidateId]))];
  const people = await summaries(sql, ids);
  const merges = await activeMergesOf(sql, ids);
  return reviews.map((review) => {
    const pair: ReviewedPair = { ...review, patient: people.get(review.patientId) ?? null, candidate: people.get(review.candidateId) ?? null };
    for (const [source, target] of [[review.patientId, review.candidateId], [review.candidateId, review.patientId]]) {
      if (merges.get(source) === target) pair.merged = { sourceId: source, targetId: target };
    }
    return pair;
  });
}

/**
 * The review queue of suspected duplicates with each pair's demographics side by side, for an
 * administrator (see requireRecordIntegrity). Audited: one AuditEvent naming every person shown.
 */
export async function listMatchReviews(sql: SqlClient, ctx: AccessContext, filter: { status?: MatchReviewStatus; limit?: number } = {}): Promise<ReviewedPair[]> {
  const policy = new AccessPolicy(ctx);
  return audited(sql, ctx, { interaction: 'operation', operation: '$match-review', query: `Patient/$match-review?status=${filter.status ?? 'all'}` }, async (tx) => {
    requireRecordIntegrity(policy);
    if (filter.status !== undefined && !MATCH_REVIEW_STATUSES.includes(filter.status)) {
      throw badRequest(`status must be one of ${MATCH_REVIEW_STATUSES.join(', ')}`, 'status');
    }
    const pairs = await withPeople(tx, await selectReviews(tx, { ...(filter.status ? { status: filter.status } : {}), limit: Math.min(filter.limit ?? 100, 500) }));
    return { result: pairs, patients: [...new Set(pairs.flatMap((p) => [p.patientId, p.candidateId]))] };
  }, { singleStatement: true });
}

/** One pair of the queue, with both records' demographics; 404 when there is no such review. Audited. */
export async function readMatchReview(sql: SqlClient, ctx: AccessContext, id: string): Promise<ReviewedPair> {
  const policy = new AccessPolicy(ctx);
  return audited(sql, ctx, { interaction: 'operation', operation: '$match-review', query: `Patient/$match-review?review=${encodeURIComponent(id)}`, entities: [] }, async (tx) => {
    requireRecordIntegrity(policy);
    const review = await selectReview(tx, id);
    if (!review) throw notFound(`There is no review ${id} in the queue of suspected duplicates`);
    const [pair] = await withPeople(tx, [review]);
    return { result: pair, patients: [review.patientId, review.candidateId] };
  }, { singleStatement: true });
}

/**
 * Records a reviewer's decision on a pair: `confirmed-duplicate` (they are one person; merging
 * is a separate step), `not-duplicate`, or back to `pending`. A merged pair cannot be marked
 * not-duplicate until it is unmerged. Audited.
 */
export async function decideMatchReview(sql: SqlClient, ctx: AccessContext, id: string, status: MatchReviewStatus): Promise<ReviewedPair> {
  const policy = new AccessPolicy(ctx);
  return audited(sql, ctx, { interaction: 'operation', operation: '$match-review', query: `Patient/$match-review?review=${encodeURIComponent(id)}&decision=${encodeURIComponent(String(status))}`, entities: [] }, async (tx) => {
    requireRecordIntegrity(policy);
    if (!MATCH_REVIEW_STATUSES.includes(status)) throw badRequest(`status must be one of ${MATCH_REVIEW_STATUSES.join(', ')}`, 'status');
    const review = await selectReview(tx, id, true);
    if (!review) throw notFound(`There is no review ${id} in the queue of suspected duplicates`);
    const [current] = await withPeople(tx, [review]);
    if (current.merged && status !== 'confirmed-duplicate') {
      throw badRequest('These records are merged: unmerge them before marking them anything but a confirmed duplicate', 'status');
    }
    await setReviewStatus(tx, id, status, status === 'pending' ? null : ctx.principal.id);
    const [pair] = await withPeople(tx, [(await selectReview(tx, id))!]);
    return { result: pair, patients: [review.patientId, review.candidateId] };
  });
}
