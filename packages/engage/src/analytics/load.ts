import type { SqlClient } from '@footprint/record';
import type { AboutYouKey } from '../consultations/about-you';
import type { Answers, ConsultationDefinition, RespondentContact } from '../consultations/types';
import { EngageNotFoundError } from '../errors';

/** A submitted response as the analyses read it. */
export interface SubmittedResponse {
  id: number;
  publicId: string;
  answers: Answers;
  aboutYou: Partial<Record<AboutYouKey, string>>;
  contact: RespondentContact | null;
  publishFreeText: boolean;
  channel: string;
  submittedAt: string;
}

export interface LoadedConsultation {
  id: string;
  opensOn: string;
  closesOn: string;
  definition: ConsultationDefinition;
}

const day = (value: Date | string): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** The consultation's definition as stored (engage_consultation); 404 when there is none. */
export async function loadConsultation(sql: SqlClient, id: string): Promise<LoadedConsultation> {
  const { rows } = await sql.query<{ id: string; definition: ConsultationDefinition; opens_on: Date | string; closes_on: Date | string }>('SELECT id, definition, opens_on::text AS opens_on, closes_on::text AS closes_on FROM engage_consultation WHERE id = $1', [id]);
  if (rows.length === 0) throw new EngageNotFoundError(`There is no consultation ${JSON.stringify(id)}`);
  const r = rows[0];
  return { id: r.id, opensOn: day(r.opens_on), closesOn: day(r.closes_on), definition: { ...r.definition, questions: r.definition.questions ?? [] } };
}

/** Its submitted responses, oldest first (drafts are not analysed). */
export async function submittedResponses(sql: SqlClient, consultationId: string): Promise<SubmittedResponse[]> {
  const { rows } = await sql.query<{ id: string; public_id: string; answers: Answers; about_you: SubmittedResponse['aboutYou']; contact: RespondentContact | null; publish_free_text: boolean; channel: string; submitted_at: Date | string }>(
    "SELECT id, public_id, answers, about_you, contact, publish_free_text, channel, submitted_at FROM engage_response WHERE consultation_id = $1 AND status = 'submitted' ORDER BY submitted_at, id",
    [consultationId],
  );
  return rows.map((r) => ({ id: Number(r.id), publicId: r.public_id, answers: r.answers ?? {}, aboutYou: r.about_you ?? {}, contact: r.contact, publishFreeText: r.publish_free_text, channel: r.channel, submittedAt: new Date(r.submitted_at).toISOString() }));
}
