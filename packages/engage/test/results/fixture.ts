import { PDFParse } from 'pdf-parse';
import { createRecord, recordMigrationSets, type OpenRecord, type SqlClient } from '@footprint/record';
import { openOnTestStorage, type PostgresKind } from '@footprint/testing';
import { engageMigrationSets } from '../../src/migrations';
import type { Answers, ConsultationDefinition, Question } from '../../src/consultations/types';

/** Fresh storage with the record's and engagement's migrations. */
export function openEngageTestStorage(kind: PostgresKind, prefix: string): Promise<OpenRecord> {
  return openOnTestStorage(kind, prefix, (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...engageMigrationSets] }));
}

/** A question of every type, for results and moderation tests. */
export const EVERY_QUESTION: Question[] = [
  { id: 'q1', type: 'single-choice', title: 'Which option do you prefer?', required: true, options: [{ id: 'a', label: 'Option A' }, { id: 'b', label: 'Option B' }, { id: 'c', label: 'Option C' }] },
  { id: 'q2', type: 'multiple-choice', title: 'Which services have you used?', required: false, options: [{ id: 'gp', label: 'GP' }, { id: 'pharmacy', label: 'Pharmacy' }, { id: 'ae', label: 'A&E' }] },
  { id: 'q3', type: 'rating-scale', title: 'How would you rate the plan?', required: false, min: 1, max: 5, minLabel: 'Very poor', maxLabel: 'Very good' },
  { id: 'q4', type: 'ranking', title: 'Rank these priorities', required: false, options: [{ id: 'prevention', label: 'Prevention' }, { id: 'waits', label: 'Waiting times' }, { id: 'staff', label: 'Staff' }] },
  { id: 'q5', type: 'matrix', title: 'How good is each service?', required: false, rows: [{ id: 'gp', label: 'GP' }, { id: 'ae', label: 'A&E' }], columns: [{ id: 'poor', label: 'Poor' }, { id: 'good', label: 'Good' }] },
  { id: 'q6', type: 'long-text', title: 'Anything else you would like to tell us?', required: false },
  { id: 'q7', type: 'short-text', title: 'In a few words, what matters most?', required: false },
];

export function definition(overrides: Partial<ConsultationDefinition> = {}): ConsultationDefinition {
  return {
    title: 'Urgent care in Wirral',
    summary: 'Tell us how urgent care should work.',
    background: [],
    easyRead: [],
    opensOn: '2026-01-05',
    closesOn: '2026-03-01',
    audience: { places: [], groups: [] },
    questions: EVERY_QUESTION,
    askAboutYou: true,
    ...overrides,
  };
}

/** Inserts a consultation as the consultations part stores it (published unless told otherwise). */
export async function insertConsultation(sql: SqlClient, id: string, options: { definition?: ConsultationDefinition; published?: boolean } = {}): Promise<void> {
  const d = options.definition ?? definition();
  await sql.query(
    `INSERT INTO engage_consultation (id, footprint_code, definition, opens_on, closes_on, published_at, created_by, updated_by)
     VALUES ($1, 'E54000008', $2, $3, $4, ${options.published === false ? 'NULL' : "'2026-01-01T09:00:00Z'"}, 'fixture', 'fixture')`,
    [id, JSON.stringify(d), d.opensOn, d.closesOn],
  );
}

let serial = 0;

/** Inserts a response (submitted unless told otherwise) and gives its row id and public id. */
export async function insertResponse(
  sql: SqlClient,
  consultationId: string,
  response: { answers: Answers; aboutYou?: Record<string, string>; publishFreeText?: boolean; status?: 'draft' | 'submitted'; channel?: 'web' | 'api' | 'paper' },
): Promise<{ id: number; publicId: string }> {
  serial += 1;
  const n = `${process.pid % 1000}${serial}`.padStart(6, '0');
  const submitted = (response.status ?? 'submitted') === 'submitted';
  const { rows } = await sql.query<{ id: string; public_id: string }>(
    `INSERT INTO engage_response (consultation_id, public_id, reference, status, answers, about_you, publish_free_text, channel, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${submitted ? "'2026-02-01T10:00:00Z'" : 'NULL'}) RETURNING id, public_id`,
    [consultationId, `R-${n}`, `FP-C-2026-${n}`, submitted ? 'submitted' : 'draft', JSON.stringify(response.answers), JSON.stringify(response.aboutYou ?? {}), response.publishFreeText ?? false, response.channel ?? 'web'],
  );
  return { id: Number(rows[0]!.id), publicId: rows[0]!.public_id };
}

/** A PDF's text, with runs of white space as one space. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: pdf });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}
