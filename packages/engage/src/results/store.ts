import { z } from 'zod';
import type { SqlClient } from '@footprint/record';
import { todayInEngland } from '@footprint/partnership';
import { EngageConflictError, EngageInputError, EngageNotFoundError } from '../errors';
import type { ConsultationDefinition } from '../consultations/types';
import { ModerationStore } from '../moderation/store';
import { OutcomeStore } from '../outcomes/store';
import { computeResults, type ResponseForResults } from './compute';
import { SUPPRESSION_WORDS } from './suppression';
import type { ConsultationResults } from './types';

interface ConsultationRow extends Record<string, unknown> {
  id: string;
  footprint_code: string;
  definition: ConsultationDefinition | string;
  opens_on: Date | string;
  closes_on: Date | string;
  published_at: Date | string | null;
  results_published_at: Date | string | null;
}

const day = (v: Date | string) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * A consultation's results on the platform's PostgreSQL: computed on reading from the submitted
 * responses (with small-number suppression), the approved comments (redacted), the outcomes and
 * the staff's notes; published and withdrawn by staff. Nothing is computed from draft responses.
 */
export class ResultsStore {
  private readonly moderation: ModerationStore;
  private readonly outcomes: OutcomeStore;

  constructor(private readonly sql: SqlClient) {
    this.moderation = new ModerationStore(sql);
    this.outcomes = new OutcomeStore(sql);
  }

  private async consultation(id: string): Promise<ConsultationRow> {
    const { rows } = await this.sql.query<ConsultationRow>('SELECT id, footprint_code, definition, opens_on::text AS opens_on, closes_on::text AS closes_on, published_at, results_published_at FROM engage_consultation WHERE id = $1', [id]);
    if (rows.length === 0) throw new EngageNotFoundError(`There is no consultation ${id}.`);
    return rows[0]!;
  }

  /** The results as they are now, published or not (the staff preview). `placeNames` names the "where do you live" options. */
  async preview(id: string, placeNames: Readonly<Record<string, string>> = {}): Promise<ConsultationResults> {
    const row = await this.consultation(id);
    const definition = json(row.definition);
    const { rows } = await this.sql.query<{ answers: unknown; about_you: unknown; channel: string }>("SELECT answers, about_you, channel FROM engage_response WHERE consultation_id = $1 AND status = 'submitted' ORDER BY id", [id]);
    const responses: ResponseForResults[] = rows.map((r) => ({ answers: json(r.answers as ResponseForResults['answers']), aboutYou: json(r.about_you as ResponseForResults['aboutYou']), channel: r.channel }));
    const [comments, outcomes, moderation, note] = await Promise.all([this.moderation.publishedComments(id), this.outcomes.forConsultation(id), this.moderation.counts(id), this.themesNotCovered(id)]);
    return {
      consultation: { id, title: definition.title, summary: definition.summary, opensOn: day(row.opens_on), closesOn: day(row.closes_on), audience: definition.audience },
      publishedAt: row.results_published_at ? new Date(row.results_published_at).toISOString() : null,
      ...computeResults(definition, responses, comments, placeNames),
      outcomes,
      themesNotCovered: note,
      moderation,
      suppression: SUPPRESSION_WORDS,
    };
  }

  /** The published results, for the public; 404 when the consultation is unknown, unpublished or its results are not published. */
  async published(id: string, placeNames: Readonly<Record<string, string>> = {}): Promise<ConsultationResults> {
    const row = await this.consultation(id).catch(() => undefined);
    if (!row || !row.published_at || !row.results_published_at) throw new EngageNotFoundError(`The results of consultation ${id} have not been published.`);
    return this.preview(id, placeNames);
  }

  /**
   * Publishes the results: only for a published consultation that has closed, once every
   * free-text answer allowed for publication has been moderated (409 otherwise, saying why).
   */
  async publish(id: string, by: string, today = todayInEngland()): Promise<ConsultationResults> {
    const row = await this.consultation(id);
    if (!row.published_at) throw new EngageConflictError('The consultation itself has not been published, so its results cannot be.', 'Not published');
    if (day(row.closes_on) >= today) throw new EngageConflictError(`The consultation closes on ${day(row.closes_on)}: results can be published once it has closed.`, 'Still open');
    const { pending } = await this.moderation.counts(id);
    if (pending > 0) throw new EngageConflictError(`${pending} free-text ${pending === 1 ? 'answer still awaits' : 'answers still await'} moderation: moderate them first.`, 'Moderation not finished');
    await this.sql.query('UPDATE engage_consultation SET results_published_at = now(), results_published_by = $2 WHERE id = $1 AND results_published_at IS NULL', [id, by]);
    return this.preview(id);
  }

  /** Withdraws published results (the public page, API and report answer 404 again until they are republished). */
  async unpublish(id: string): Promise<ConsultationResults> {
    await this.consultation(id);
    await this.sql.query('UPDATE engage_consultation SET results_published_at = NULL, results_published_by = NULL WHERE id = $1', [id]);
    return this.preview(id);
  }

  async themesNotCovered(id: string): Promise<string> {
    const { rows } = await this.sql.query<{ themes_not_covered: string }>('SELECT themes_not_covered FROM engage_results_note WHERE consultation_id = $1', [id]);
    return rows[0]?.themes_not_covered ?? '';
  }

  /** Saves the themes the questions did not cover: {themesNotCovered} as plain text, at most 8,000 characters. */
  async setThemesNotCovered(id: string, input: unknown, by: string): Promise<string> {
    const parsed = z.object({ themesNotCovered: z.string({ message: 'must be text' }).max(8000, 'must be at most 8000 characters') }).strict().safeParse(input);
    if (!parsed.success) throw new EngageInputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`));
    await this.consultation(id);
    const text = parsed.data.themesNotCovered.replace(/\r\n?/g, '\n').trim();
    await this.sql.query(
      `INSERT INTO engage_results_note (consultation_id, themes_not_covered, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (consultation_id) DO UPDATE SET themes_not_covered = EXCLUDED.themes_not_covered, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [id, text, by],
    );
    return text;
  }
}
