import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../db/sql-client';

/** One pair in the review queue: two Patient records that may be the same person. */
export interface MatchReview {
  id: string;
  /** The record that was being created or imported when the pair was found. */
  patientId: string;
  /** The existing record it resembles. */
  candidateId: string;
  grade: 'certain' | 'probable' | 'possible';
  score: number;
  reasons: string[];
  foundBy: 'create' | 'import' | 'review';
  status: MatchReviewStatus;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  mergeId?: string;
}

export const MATCH_REVIEW_STATUSES = ['pending', 'confirmed-duplicate', 'not-duplicate'] as const;
export type MatchReviewStatus = (typeof MATCH_REVIEW_STATUSES)[number];

interface ReviewRow {
  id: string;
  patient_id: string;
  candidate_id: string;
  grade: MatchReview['grade'];
  score: string;
  reasons: string;
  found_by: MatchReview['foundBy'];
  status: MatchReviewStatus;
  created_at: Date | string;
  decided_at: Date | string | null;
  decided_by: string | null;
  merge_id: string | null;
  [key: string]: unknown;
}

const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function fromRow(row: ReviewRow): MatchReview {
  return {
    id: row.id,
    patientId: row.patient_id,
    candidateId: row.candidate_id,
    grade: row.grade,
    score: Number(row.score),
    reasons: JSON.parse(row.reasons) as string[],
    foundBy: row.found_by,
    status: row.status,
    createdAt: iso(row.created_at),
    ...(row.decided_at ? { decidedAt: iso(row.decided_at) } : {}),
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.merge_id ? { mergeId: row.merge_id } : {}),
  };
}

/** Queues a suspected pair, once: a pair already queued (in either order, whatever its status) is left as it is. */
export async function queueReview(
  sql: SqlClient,
  pair: { patientId: string; candidateId: string; grade: MatchReview['grade']; score: number; reasons: string[]; foundBy: MatchReview['foundBy'] },
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `INSERT INTO match_review (id, patient_id, candidate_id, grade, score, reasons, found_by, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', now())
     ON CONFLICT (LEAST(patient_id, candidate_id), GREATEST(patient_id, candidate_id)) DO NOTHING`,
    [randomUUID(), pair.patientId, pair.candidateId, pair.grade, pair.score, JSON.stringify(pair.reasons), pair.foundBy],
  );
  return rowCount > 0;
}

export async function selectReviews(sql: SqlClient, filter: { status?: MatchReviewStatus; limit: number }): Promise<MatchReview[]> {
  const { rows } = await sql.query<ReviewRow>(
    `SELECT * FROM match_review WHERE ($1::text IS NULL OR status = $1) ORDER BY status = 'pending' DESC, score DESC, created_at, id LIMIT $2`,
    [filter.status ?? null, filter.limit],
  );
  return rows.map(fromRow);
}

export async function selectReview(sql: SqlClient, id: string, forUpdate = false): Promise<MatchReview | undefined> {
  const { rows } = await sql.query<ReviewRow>(`SELECT * FROM match_review WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** The review of a pair (either order), if one was queued. */
export async function selectReviewOfPair(sql: SqlClient, a: string, b: string): Promise<MatchReview | undefined> {
  const { rows } = await sql.query<ReviewRow>(
    'SELECT * FROM match_review WHERE LEAST(patient_id, candidate_id) = LEAST($1, $2) AND GREATEST(patient_id, candidate_id) = GREATEST($1, $2)',
    [a, b],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function setReviewStatus(sql: SqlClient, id: string, status: MatchReviewStatus, decidedBy: string | null, mergeId?: string | null): Promise<void> {
  await sql.query(
    `UPDATE match_review SET status = $2, decided_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END, decided_by = $3,
       merge_id = CASE WHEN $4::text IS NULL AND $5 THEN merge_id ELSE $4 END WHERE id = $1`,
    [id, status, decidedBy, mergeId ?? null, mergeId === undefined],
  );
}
