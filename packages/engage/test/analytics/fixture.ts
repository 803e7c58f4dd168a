import type { SqlClient } from '@footprint/record';
import type { ConsultationDefinition } from '../../src';

/** A small consultation of our own (the consultations store is built elsewhere): one of each kind of question the analyses read. */
export const DEFINITION: ConsultationDefinition = {
  title: 'Community services in Wirral',
  summary: 'What should change',
  background: [],
  easyRead: [],
  opensOn: '2026-03-01',
  closesOn: '2026-03-31',
  audience: { places: [], groups: [] },
  askAboutYou: true,
  questions: [
    { id: 'q1', type: 'single-choice', title: 'Do you use the walk-in centre?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
    { id: 'q2', type: 'multiple-choice', title: 'What matters most?', required: false, options: [{ id: 'hours', label: 'Opening hours' }, { id: 'travel', label: 'Travel' }, { id: 'staff', label: 'Staff' }] },
    { id: 'q3', type: 'rating-scale', title: 'How good is it?', required: false, min: 1, max: 5, minLabel: 'Very poor', maxLabel: 'Very good' },
    { id: 'q4', type: 'long-text', title: 'Anything else?', required: false },
    { id: 'q5', type: 'ranking', title: 'Rank these', required: false, options: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }] },
    { id: 'q6', type: 'matrix', title: 'Rate each', required: false, rows: [{ id: 'gp', label: 'GP' }, { id: 'pharmacy', label: 'Pharmacy' }], columns: [{ id: 'good', label: 'Good' }, { id: 'poor', label: 'Poor' }] },
  ],
};

/** Inserts the consultation and these responses (submitted ones by their London date and time) with SQL. */
export async function insertConsultation(sql: SqlClient, id: string, responses: Array<{ answers: object; aboutYou?: object; contact?: object | null; at: string; status?: 'draft' | 'submitted' }>): Promise<number[]> {
  await sql.query("INSERT INTO engage_consultation (id, footprint_code, definition, opens_on, closes_on, created_by, updated_by) VALUES ($1, 'E54000008', $2, '2026-03-01', '2026-03-31', 'test', 'test')", [id, JSON.stringify(DEFINITION)]);
  const ids: number[] = [];
  for (const [i, r] of responses.entries()) {
    const status = r.status ?? 'submitted';
    const { rows } = await sql.query<{ id: string }>(
      "INSERT INTO engage_response (consultation_id, public_id, reference, status, answers, about_you, contact, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $4 = 'submitted' THEN ($8::timestamp AT TIME ZONE 'Europe/London') END) RETURNING id",
      [id, `R-${id.slice(0, 3).toUpperCase()}${i}`, `FP-C-${id}-${i}`, status, JSON.stringify(r.answers), JSON.stringify(r.aboutYou ?? {}), r.contact ? JSON.stringify(r.contact) : null, r.at],
    );
    ids.push(Number(rows[0].id));
  }
  return ids;
}
