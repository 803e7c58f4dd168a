import type { SqlClient } from '@footprint/record';
import { ILLUSTRATIVE_MATURITY_CONFIGURATION, maturityAnswerProblems, MATURITY_ANSWERS, type MaturityConfiguration, type MaturitySelfAssessment } from './maturity';
import { schemeRatings, type PublishedRating, type PublishedRatingInput, type RatingScheme } from './published';
import { RatingInputError } from './types';

/** A published rating for the same footprint, scheme and period is already stored: published facts are not overwritten. */
export class RatingConflictError extends Error {
  constructor(readonly existing: PublishedRating) {
    super(`a ${existing.scheme} rating for ${existing.footprintCode} in ${existing.period} is already recorded (${existing.rating} ${existing.ratingLabel}); published ratings are not overwritten`);
    this.name = 'RatingConflictError';
  }
}

interface PublishedRow extends Record<string, unknown> {
  footprint_code: string;
  footprint_name: string;
  scheme: RatingScheme;
  period: string;
  rating: string;
  rating_label: string;
  source: string;
  source_url: string | null;
  recorded_at: Date | string;
  recorded_by: string;
}

const PUBLISHED_COLUMNS = 'footprint_code, footprint_name, scheme, period, rating, rating_label, source, source_url, recorded_at, recorded_by';
const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function fromPublishedRow(r: PublishedRow): PublishedRating {
  return { footprintCode: r.footprint_code, footprintName: r.footprint_name, scheme: r.scheme, period: r.period, rating: r.rating, ratingLabel: r.rating_label, source: r.source, sourceUrl: r.source_url, recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by };
}

/** Published ratings on the platform's PostgreSQL (the `performance-ratings` migrations). Rows are only ever added. */
export class PublishedRatingStore {
  constructor(private readonly sql: SqlClient) {}

  /** Records a published rating; throws RatingConflictError when one is stored for its footprint, scheme and period. */
  async record(rating: PublishedRatingInput, recordedBy: string): Promise<PublishedRating> {
    const saved = await this.insert(rating, recordedBy);
    if (saved) return saved;
    const existing = (await this.list({ footprintCode: rating.footprintCode, scheme: rating.scheme })).find((r) => r.period === rating.period)!;
    throw new RatingConflictError(existing);
  }

  /** Records each rating not yet stored (the seed): returns how many were added. */
  async seed(ratings: readonly PublishedRatingInput[], recordedBy: string): Promise<number> {
    let added = 0;
    for (const rating of ratings) if (await this.insert(rating, recordedBy)) added++;
    return added;
  }

  /** Stored ratings, newest period first within each footprint and scheme. */
  async list(filter: { footprintCode?: string; scheme?: RatingScheme } = {}): Promise<PublishedRating[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.footprintCode !== undefined) where.push(`footprint_code = $${params.push(filter.footprintCode)}`);
    if (filter.scheme !== undefined) where.push(`scheme = $${params.push(filter.scheme)}`);
    const { rows } = await this.sql.query<PublishedRow>(`SELECT ${PUBLISHED_COLUMNS} FROM performance_published_rating ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY footprint_name, scheme, period DESC`, params);
    return rows.map(fromPublishedRow);
  }

  private async insert(rating: PublishedRatingInput, recordedBy: string): Promise<PublishedRating | null> {
    const label = schemeRatings(rating.scheme).find((r) => r.value === rating.rating)?.label;
    if (!label) throw new RatingInputError([`rating: ${rating.rating} is not a ${rating.scheme} rating`]);
    const { rows } = await this.sql.query<PublishedRow>(
      `INSERT INTO performance_published_rating (footprint_code, footprint_name, scheme, period, rating, rating_label, source, source_url, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (footprint_code, scheme, period) DO NOTHING RETURNING ${PUBLISHED_COLUMNS}`,
      [rating.footprintCode, rating.footprintName, rating.scheme, rating.period, rating.rating, label, rating.source, rating.sourceUrl, recordedBy],
    );
    return rows[0] ? fromPublishedRow(rows[0]) : null;
  }
}

export interface StoredSelfAssessment extends MaturitySelfAssessment {
  id: number;
  recordedAt: string;
  recordedBy: string;
}

interface AssessmentRow extends Record<string, unknown> {
  id: string | number;
  footprint_code: string;
  assessed_on: Date | string;
  answers: MaturitySelfAssessment['answers'] | string;
  recorded_at: Date | string;
  recorded_by: string;
}

const dateOnly = (v: Date | string) => (v instanceof Date ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}` : String(v).slice(0, 10));

function fromAssessmentRow(r: AssessmentRow): StoredSelfAssessment {
  return { id: Number(r.id), footprintCode: r.footprint_code, assessedOn: dateOnly(r.assessed_on), answers: typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers, recordedAt: iso(r.recorded_at), recordedBy: r.recorded_by };
}

/** ICS maturity self-assessments, kept as history (the latest by date assessed is the current one). */
export class MaturityAssessmentStore {
  constructor(private readonly sql: SqlClient) {}

  async record(assessment: MaturitySelfAssessment, recordedBy: string): Promise<StoredSelfAssessment> {
    const { rows } = await this.sql.query<AssessmentRow>(
      'INSERT INTO performance_maturity_assessment (footprint_code, assessed_on, answers, recorded_by) VALUES ($1, $2, $3::jsonb, $4) RETURNING id, footprint_code, assessed_on, answers, recorded_at, recorded_by',
      [assessment.footprintCode, assessment.assessedOn, JSON.stringify(assessment.answers), recordedBy],
    );
    return fromAssessmentRow(rows[0]);
  }

  async latest(footprintCode: string): Promise<StoredSelfAssessment | null> {
    return (await this.list(footprintCode, 1))[0] ?? null;
  }

  /** A footprint's assessments, latest first. */
  async list(footprintCode: string, limit = 50): Promise<StoredSelfAssessment[]> {
    const { rows } = await this.sql.query<AssessmentRow>(
      'SELECT id, footprint_code, assessed_on, answers, recorded_at, recorded_by FROM performance_maturity_assessment WHERE footprint_code = $1 ORDER BY assessed_on DESC, id DESC LIMIT $2',
      [footprintCode, limit],
    );
    return rows.map(fromAssessmentRow);
  }
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Validates a self-assessment to record for `footprintCode`; throws RatingInputError naming every bad field. */
export function parseMaturitySelfAssessment(input: unknown, footprintCode: string, configuration: MaturityConfiguration = ILLUSTRATIVE_MATURITY_CONFIGURATION): MaturitySelfAssessment {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new RatingInputError(['the body must be a JSON object']);
  const body = input as Record<string, unknown>;
  const problems: string[] = [];
  const assessedOn = body.assessedOn;
  if (typeof assessedOn !== 'string' || !DATE.test(assessedOn) || Number.isNaN(Date.parse(`${assessedOn}T00:00:00Z`)) || new Date(`${assessedOn}T00:00:00Z`).toISOString().slice(0, 10) !== assessedOn) {
    problems.push('assessedOn: a date YYYY-MM-DD');
  }
  const answers: Record<string, { answer: 'met' | 'not-met'; evidence?: string }> = {};
  if (typeof body.answers !== 'object' || body.answers === null || Array.isArray(body.answers)) {
    problems.push('answers: an object of criterion id → { answer: "met" | "not-met", evidence? }');
  } else {
    for (const [id, given] of Object.entries(body.answers as Record<string, unknown>)) {
      const g = given as Record<string, unknown> | null;
      if (typeof g !== 'object' || g === null || !MATURITY_ANSWERS.includes(g.answer as 'met')) {
        problems.push(`answers.${id}.answer: must be met or not-met`);
        continue;
      }
      if (g.evidence !== undefined && (typeof g.evidence !== 'string' || g.evidence.length > 1000)) {
        problems.push(`answers.${id}.evidence: a string of at most 1000 characters`);
        continue;
      }
      answers[id] = { answer: g.answer as 'met' | 'not-met', ...(typeof g.evidence === 'string' && g.evidence.trim() ? { evidence: g.evidence.trim() } : {}) };
    }
    problems.push(...maturityAnswerProblems(configuration, answers).filter((p) => !problems.includes(p)));
    if (!Object.keys(body.answers as object).length) problems.push('answers: answer at least one criterion');
  }
  if (problems.length) throw new RatingInputError(problems);
  return { footprintCode, assessedOn: assessedOn as string, answers };
}
