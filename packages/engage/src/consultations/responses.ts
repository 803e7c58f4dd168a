import { createHash, randomBytes, randomInt } from 'node:crypto';
import { EngageConflictError, EngageInputError, EngageNotFoundError } from '../errors';
import { checkAboutYou, checkAnswers, checkContact, type FieldProblem } from './answers';
import { dateInWords, londonDate } from './state';
import type { ConsultationStore } from './store';
import type { Consultation, ConsultationResponse } from './types';

/** What a respondent sends: answers keyed by question id, the publication choice, and the optional parts. */
export interface ResponseInput {
  answers?: unknown;
  publishFreeText?: unknown;
  aboutYou?: unknown;
  contact?: unknown;
}

/** A response checked against its consultation, ready to store. */
export type CheckedResponse = Pick<ConsultationResponse, 'answers' | 'aboutYou' | 'contact' | 'publishFreeText'>;

/** How a response arrived: the web form, the public API, or keyed in from paper. */
export type ResponseChannel = 'web' | 'api' | 'paper';

/** A saved draft: the token for its resume link, shown once (only its SHA-256 hash is stored). */
export interface SavedDraft {
  reference: string;
  resumeToken: string;
  resumePath: string;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const randomCode = (length: number) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** SHA-256 of a resume token, as stored. */
export const resumeTokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** The link a respondent keeps to come back to a saved draft. */
export const resumePath = (consultationId: string, token: string) => `/public/consultations/${consultationId}/respond?resume=${token}`;

/** Why a consultation refuses responses now (closed, not yet open, or a draft); undefined when it is open. */
export function refusalOf(c: Consultation): string | undefined {
  if (c.state === 'closed') return `This consultation closed on ${dateInWords(c.closesOn)}; responses are no longer accepted.`;
  if (c.state === 'upcoming') return `This consultation opens on ${dateInWords(c.opensOn)}; responses are accepted from then until ${dateInWords(c.closesOn)}.`;
  if (c.state === 'draft') return 'This consultation is not published yet; it does not accept responses.';
  return undefined;
}

/**
 * Responses to consultations: submitted (with a reference as the respondent's receipt and an
 * unrelated public id for published free text, both random), or saved as drafts resumed with a
 * random link token kept only as its hash. Only an open consultation takes responses.
 */
export class ResponseStore {
  constructor(private readonly consultations: ConsultationStore) {}

  /** Checks a response against the consultation: every problem, each naming its field (for a form to show beside it). */
  async check(consultation: Consultation, input: ResponseInput, options: { partial?: boolean } = {}): Promise<{ response: CheckedResponse; problems: FieldProblem[] }> {
    if (!input || typeof input !== 'object' || Array.isArray(input)) return { response: { answers: {}, aboutYou: {}, contact: null, publishFreeText: false }, problems: [{ field: 'body', message: 'must be a JSON object with answers and publishFreeText' }] };
    const { answers, problems } = checkAnswers(consultation, input.answers, options);
    const about = consultation.askAboutYou ? checkAboutYou(input.aboutYou, await this.consultations.places(consultation.footprintCode)) : { aboutYou: {}, problems: input.aboutYou ? [{ field: 'aboutYou', message: 'this consultation does not ask about you' }] : [] };
    const contact = checkContact(input.contact);
    const publish = input.publishFreeText;
    const publishProblems: FieldProblem[] = typeof publish === 'boolean' || (options.partial && publish === undefined) ? [] : [{ field: 'publishFreeText', message: 'say whether your written answers may be published (true or false)' }];
    return { response: { answers, aboutYou: about.aboutYou, contact: contact.contact, publishFreeText: publish === true }, problems: [...problems, ...about.problems, ...contact.problems, ...publishProblems] };
  }

  private async openConsultation(id: string): Promise<Consultation> {
    const c = await this.consultations.getPublished(id);
    const refusal = refusalOf(c);
    if (refusal) throw new EngageConflictError(refusal, c.state === 'closed' ? 'Consultation closed' : 'Consultation not open');
    return c;
  }

  private async checked(c: Consultation, input: ResponseInput, partial: boolean): Promise<CheckedResponse> {
    const { response, problems } = await this.check(c, input, { partial });
    if (problems.length) throw new EngageInputError(problems.map((p) => `${p.field}: ${p.message}`));
    return response;
  }

  /** Submits a response (or the draft a resume token names, with these answers); returns its reference. */
  async submit(consultationId: string, input: ResponseInput, options: { channel?: ResponseChannel; resumeToken?: string } = {}): Promise<{ reference: string; publicId: string }> {
    const c = await this.openConsultation(consultationId);
    const response = await this.checked(c, input, false);
    const now = this.consultations.now().toISOString();
    if (options.resumeToken) {
      const { rows } = await this.consultations.sql.query<{ reference: string; public_id: string }>(
        `UPDATE engage_response SET status = 'submitted', answers = $3, about_you = $4, contact = $5, publish_free_text = $6, resume_token_hash = NULL, updated_at = $7, submitted_at = $7
         WHERE consultation_id = $1 AND resume_token_hash = $2 AND status = 'draft' RETURNING reference, public_id`,
        [consultationId, resumeTokenHash(options.resumeToken), JSON.stringify(response.answers), JSON.stringify(response.aboutYou), response.contact ? JSON.stringify(response.contact) : null, response.publishFreeText, now],
      );
      if (!rows[0]) throw new EngageNotFoundError('This saved response link does not work: it may have been submitted already. Start a new response.');
      return { reference: rows[0].reference, publicId: rows[0].public_id };
    }
    return this.insert(c, response, { status: 'submitted', channel: options.channel ?? 'web', at: now });
  }

  /**
   * Saves a partial response (answers checked but none required). Without a token a new draft is
   * made and its token returned once; with one, that draft is updated (the same link keeps working).
   */
  async saveDraft(consultationId: string, input: ResponseInput, options: { resumeToken?: string; channel?: ResponseChannel } = {}): Promise<SavedDraft> {
    const c = await this.openConsultation(consultationId);
    const response = await this.checked(c, input, true);
    const now = this.consultations.now().toISOString();
    if (options.resumeToken) {
      const { rows } = await this.consultations.sql.query<{ reference: string }>(
        `UPDATE engage_response SET answers = $3, about_you = $4, contact = $5, publish_free_text = $6, updated_at = $7 WHERE consultation_id = $1 AND resume_token_hash = $2 AND status = 'draft' RETURNING reference`,
        [consultationId, resumeTokenHash(options.resumeToken), JSON.stringify(response.answers), JSON.stringify(response.aboutYou), response.contact ? JSON.stringify(response.contact) : null, response.publishFreeText, now],
      );
      if (!rows[0]) throw new EngageNotFoundError('This saved response link does not work: it may have been submitted already. Start a new response.');
      return { reference: rows[0].reference, resumeToken: options.resumeToken, resumePath: resumePath(consultationId, options.resumeToken) };
    }
    const token = randomBytes(24).toString('base64url');
    const { reference } = await this.insert(c, response, { status: 'draft', channel: options.channel ?? 'web', at: now, tokenHash: resumeTokenHash(token) });
    return { reference, resumeToken: token, resumePath: resumePath(consultationId, token) };
  }

  /** The draft a resume link names, to fill the form in again; EngageNotFoundError when the link does not work. */
  async resume(consultationId: string, token: string): Promise<ConsultationResponse> {
    const { rows } = await this.consultations.sql.query<ResponseRow>(`SELECT * FROM engage_response WHERE consultation_id = $1 AND resume_token_hash = $2 AND status = 'draft'`, [consultationId, resumeTokenHash(token)]);
    if (!rows[0]) throw new EngageNotFoundError('This saved response link does not work: it may have been submitted already, or mistyped. Start a new response.');
    return fromRow(rows[0]);
  }

  /** A consultation's submitted responses (for staff tools: results, moderation, analytics), oldest first. */
  async submitted(consultationId: string): Promise<ConsultationResponse[]> {
    const { rows } = await this.consultations.sql.query<ResponseRow>(`SELECT * FROM engage_response WHERE consultation_id = $1 AND status = 'submitted' ORDER BY submitted_at, id`, [consultationId]);
    return rows.map(fromRow);
  }

  private async insert(c: Consultation, r: CheckedResponse, o: { status: 'draft' | 'submitted'; channel: ResponseChannel; at: string; tokenHash?: string }): Promise<{ reference: string; publicId: string }> {
    const year = londonDate(new Date(o.at)).slice(0, 4);
    for (let attempt = 0; ; attempt++) {
      const reference = `FP-C-${year}-${randomCode(8)}`;
      const publicId = `R-${randomCode(6)}`;
      try {
        await this.consultations.sql.query(
          `INSERT INTO engage_response (consultation_id, public_id, reference, resume_token_hash, status, answers, about_you, contact, publish_free_text, channel, started_at, updated_at, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)`,
          [c.id, publicId, reference, o.tokenHash ?? null, o.status, JSON.stringify(r.answers), JSON.stringify(r.aboutYou), r.contact ? JSON.stringify(r.contact) : null, r.publishFreeText, o.channel, o.at, o.status === 'submitted' ? o.at : null],
        );
        return { reference, publicId };
      } catch (error) {
        if (attempt < 5 && /unique|duplicate/i.test(String((error as Error).message))) continue;
        throw error;
      }
    }
  }
}

interface ResponseRow extends Record<string, unknown> {
  id: string | number;
  consultation_id: string;
  public_id: string;
  reference: string;
  status: 'draft' | 'submitted';
  answers: ConsultationResponse['answers'];
  about_you: ConsultationResponse['aboutYou'];
  contact: ConsultationResponse['contact'];
  publish_free_text: boolean;
  started_at: Date | string;
  submitted_at: Date | string | null;
}

const fromRow = (r: ResponseRow): ConsultationResponse => ({
  id: Number(r.id),
  consultationId: r.consultation_id,
  publicId: r.public_id,
  reference: r.reference,
  status: r.status,
  answers: r.answers,
  aboutYou: r.about_you,
  contact: r.contact,
  publishFreeText: r.publish_free_text,
  startedAt: new Date(r.started_at).toISOString(),
  submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
});
