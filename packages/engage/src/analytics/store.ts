import type { SqlClient } from '@footprint/record';
import { CONTROL_CHARACTERS } from '../abuse';
import { FREE_TEXT_TYPES } from '../consultations/types';
import { EngageConflictError, EngageInputError, EngageNotFoundError } from '../errors';
import { characters } from '../enquiries/validate';
import { responsesCsv } from './export';
import { aboutYouKey, answersByGroup, whoResponded } from './groups';
import { loadConsultation, submittedResponses } from './load';
import type { ConsultationAnalytics, DailyResponses, FreeTextAnswer, Theme } from './types';

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function themeText(value: unknown, field: string, max: number, required: boolean): string {
  if (value === undefined && !required) return '';
  if (typeof value !== 'string' || (required && value.trim() === '')) throw new EngageInputError([`${field}: ${required ? 'must not be empty' : 'must be text'}`]);
  const text = value.trim();
  if (CONTROL_CHARACTERS.test(text) || text.includes('\n')) throw new EngageInputError([`${field}: must be one line of text`]);
  if (characters(text) > max) throw new EngageInputError([`${field}: must be ${max} characters or fewer`]);
  return text;
}

/**
 * Staff analytics of a consultation on the platform's PostgreSQL: submitted responses over time,
 * who responded and closed answers by group ("about you"), themes drawn from the free text and the
 * answers tagged with them (the `engage-analytics` migrations), and the export to CSV.
 */
export class AnalyticsStore {
  constructor(private readonly sql: SqlClient) {}

  /** The analytics page at once; `group` is the "about you" key answers are broken down by (default age band). */
  async overview(consultationId: string, group?: unknown, placeNames: Record<string, string> = {}): Promise<ConsultationAnalytics> {
    const key = aboutYouKey(group);
    const consultation = await loadConsultation(this.sql, consultationId);
    const responses = await submittedResponses(this.sql, consultationId);
    const { rows: drafts } = await this.sql.query<{ n: string }>("SELECT count(*) AS n FROM engage_response WHERE consultation_id = $1 AND status = 'draft'", [consultationId]);
    const questions = consultation.definition.questions;
    const freeText = questions.filter((q) => FREE_TEXT_TYPES.includes(q.type));
    return {
      consultation: { id: consultation.id, title: consultation.definition.title ?? consultation.id, opensOn: consultation.opensOn, closesOn: consultation.closesOn },
      submitted: responses.length,
      drafts: Number(drafts[0].n),
      overTime: await this.overTime(consultationId),
      whoResponded: whoResponded(responses, placeNames),
      byGroup: answersByGroup(questions, responses, key, placeNames),
      themes: await this.themes(consultationId),
      freeTextQuestions: freeText.map((q) => ({ id: q.id, title: q.title, answers: responses.filter((r) => typeof r.answers[q.id] === 'string' && String(r.answers[q.id]).trim() !== '').length })),
    };
  }

  /** Submitted responses per day in England, from the first to the last day with any, gaps filled with 0, and the running total. */
  async overTime(consultationId: string): Promise<DailyResponses[]> {
    const { rows } = await this.sql.query<{ day: string; n: string }>(
      "SELECT ((submitted_at AT TIME ZONE 'Europe/London')::date)::text AS day, count(*) AS n FROM engage_response WHERE consultation_id = $1 AND status = 'submitted' GROUP BY 1 ORDER BY 1",
      [consultationId],
    );
    if (rows.length === 0) return [];
    const counts = new Map(rows.map((r) => [r.day, Number(r.n)]));
    const days: DailyResponses[] = [];
    let cumulative = 0;
    for (let date = rows[0].day; date <= rows[rows.length - 1].day; date = nextDay(date)) {
      const count = counts.get(date) ?? 0;
      cumulative += count;
      days.push({ date, count, cumulative });
    }
    return days;
  }

  /** The consultation's themes with how many free-text answers carry each, by name. */
  async themes(consultationId: string): Promise<Theme[]> {
    const { rows } = await this.sql.query<{ id: string; name: string; description: string; answers: string; created_at: Date | string; created_by: string }>(
      'SELECT t.id, t.name, t.description, t.created_at, t.created_by, count(g.theme_id) AS answers FROM engage_theme t LEFT JOIN engage_theme_tag g ON g.theme_id = t.id WHERE t.consultation_id = $1 GROUP BY t.id ORDER BY lower(t.name)',
      [consultationId],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, description: r.description, answers: Number(r.answers), createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by }));
  }

  /** Creates a theme (names unique within the consultation, ignoring case). */
  async createTheme(consultationId: string, input: { name?: unknown; description?: unknown }, by: string): Promise<Theme> {
    await loadConsultation(this.sql, consultationId);
    const name = themeText(input.name, 'name', 80, true);
    const description = themeText(input.description, 'description', 500, false);
    const { rows: existing } = await this.sql.query('SELECT 1 FROM engage_theme WHERE consultation_id = $1 AND lower(name) = lower($2)', [consultationId, name]);
    if (existing.length > 0) throw new EngageConflictError(`There is already a theme called ${JSON.stringify(name)}`, 'Theme already exists');
    const { rows } = await this.sql.query<{ id: string }>('INSERT INTO engage_theme (consultation_id, name, description, created_by) VALUES ($1, $2, $3, $4) RETURNING id', [consultationId, name, description, by]);
    return (await this.themes(consultationId)).find((t) => t.id === Number(rows[0].id))!;
  }

  /** Deletes a theme and its tags. */
  async deleteTheme(consultationId: string, themeId: number): Promise<void> {
    const { rowCount } = await this.sql.query('DELETE FROM engage_theme WHERE id = $1 AND consultation_id = $2', [themeId, consultationId]);
    if (rowCount === 0) throw new EngageNotFoundError(`There is no theme ${themeId} in this consultation`);
  }

  /** Tags (or with `tagged: false`, untags) one free-text answer with a theme; refuses what is not a submitted free-text answer of this consultation. */
  async tag(consultationId: string, themeId: number, input: { responseId?: unknown; questionId?: unknown; tagged?: unknown }, by: string): Promise<FreeTextAnswer> {
    const consultation = await loadConsultation(this.sql, consultationId);
    const { rows: theme } = await this.sql.query('SELECT 1 FROM engage_theme WHERE id = $1 AND consultation_id = $2', [themeId, consultationId]);
    if (theme.length === 0) throw new EngageNotFoundError(`There is no theme ${themeId} in this consultation`);
    const question = consultation.definition.questions.find((q) => q.id === input.questionId);
    if (!question || !FREE_TEXT_TYPES.includes(question.type)) throw new EngageInputError([`questionId: must be a free-text question of this consultation`]);
    const responseId = Number(input.responseId);
    const { rows: response } = Number.isSafeInteger(responseId)
      ? await this.sql.query<{ answers: Record<string, unknown> }>("SELECT answers FROM engage_response WHERE id = $1 AND consultation_id = $2 AND status = 'submitted'", [responseId, consultationId])
      : { rows: [] };
    if (response.length === 0) throw new EngageInputError(['responseId: must be a submitted response to this consultation']);
    if (typeof response[0].answers[question.id] !== 'string') throw new EngageInputError([`questionId: response ${responseId} did not answer ${question.id}`]);
    if (input.tagged === false) await this.sql.query('DELETE FROM engage_theme_tag WHERE theme_id = $1 AND response_id = $2 AND question_id = $3', [themeId, responseId, question.id]);
    else await this.sql.query('INSERT INTO engage_theme_tag (theme_id, response_id, question_id, tagged_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [themeId, responseId, question.id, by]);
    return (await this.freeText(consultationId, { question: question.id })).find((a) => a.responseId === responseId)!;
  }

  /** The free-text answers, for tagging: all, or one question's, or those with a theme, or those with none (`theme: 'none'`). */
  async freeText(consultationId: string, filter: { question?: string; theme?: number | 'none' } = {}): Promise<FreeTextAnswer[]> {
    const consultation = await loadConsultation(this.sql, consultationId);
    const questions = consultation.definition.questions.filter((q) => FREE_TEXT_TYPES.includes(q.type) && (!filter.question || q.id === filter.question));
    const tags = await this.tagsOf(consultationId);
    const answers: FreeTextAnswer[] = [];
    for (const r of await submittedResponses(this.sql, consultationId)) {
      for (const q of questions) {
        const text = r.answers[q.id];
        if (typeof text !== 'string' || text.trim() === '') continue;
        const themes = tags.get(`${r.id}/${q.id}`) ?? [];
        if (filter.theme === 'none' ? themes.length > 0 : filter.theme !== undefined && !themes.includes(filter.theme)) continue;
        answers.push({ responseId: r.id, publicId: r.publicId, questionId: q.id, questionTitle: q.title, text, submittedAt: r.submittedAt, themes });
      }
    }
    return answers;
  }

  /** The responses as CSV (export.ts). */
  async exportCsv(consultationId: string, placeNames: Record<string, string> = {}): Promise<{ filename: string; csv: string }> {
    const consultation = await loadConsultation(this.sql, consultationId);
    const responses = await submittedResponses(this.sql, consultationId);
    const tags = await this.tagsOf(consultationId);
    const names = new Map((await this.themes(consultationId)).map((t) => [t.id, t.name]));
    const themesOf = (responseId: number) => [...new Set([...tags].filter(([key]) => key.startsWith(`${responseId}/`)).flatMap(([, ids]) => ids.map((id) => names.get(id) ?? String(id))))].sort();
    return { filename: `${consultation.id}-responses.csv`, csv: responsesCsv(consultation.definition.questions, responses, themesOf, placeNames) };
  }

  private async tagsOf(consultationId: string): Promise<Map<string, number[]>> {
    const { rows } = await this.sql.query<{ theme_id: string; response_id: string; question_id: string }>('SELECT g.theme_id, g.response_id, g.question_id FROM engage_theme_tag g JOIN engage_theme t ON t.id = g.theme_id WHERE t.consultation_id = $1 ORDER BY g.theme_id', [consultationId]);
    const tags = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.response_id}/${r.question_id}`;
      tags.set(key, [...(tags.get(key) ?? []), Number(r.theme_id)]);
    }
    return tags;
  }
}
