import { z } from 'zod';
import type { SqlClient } from '@footprint/record';
import { EngageConflictError, EngageInputError, EngageNotFoundError } from '../errors';
import type { Question } from '../consultations/types';
import { detectPersonalData, PERSONAL_DATA_KINDS, type PersonalDataKind } from './detect';
import { redactedText } from './redact';
import { REDACTION_REASONS, type ModerationEvent, type ModerationItem, type ModerationQueueEntry, type PublishedComment, type Redaction, type RedactionReason } from './types';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

interface ItemRow extends Record<string, unknown> {
  id: string;
  consultation_id: string;
  public_id: string;
  question_id: string;
  questions: Question[] | string;
  text: string | null;
  status: ModerationItem['status'];
  decided_at: Date | string | null;
  decided_by: string | null;
}
interface EventRow extends Record<string, unknown> {
  item_id: string;
  action: ModerationEvent['action'];
  span_start: number | null;
  span_end: number | null;
  reason: RedactionReason | null;
  flagged_kind: PersonalDataKind | null;
  note: string | null;
  at: Date | string;
  by_user: string;
}

const redactionSchema = z
  .object({
    start: z.number({ message: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more'),
    end: z.number({ message: 'must be a whole number' }).int('must be a whole number'),
    reason: z.enum(REDACTION_REASONS, { message: `must be one of ${REDACTION_REASONS.join(', ')}` }),
    kind: z.enum(PERSONAL_DATA_KINDS, { message: `must be one of ${PERSONAL_DATA_KINDS.join(', ')}` }).nullish(),
  })
  .strict();

const problems = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);

/** Free-text answers (short and long text) of submitted responses whose authors allowed publication, not yet queued. */
const SYNC = `
INSERT INTO engage_moderation_item (consultation_id, response_id, question_id)
SELECT r.consultation_id, r.id, q->>'id'
FROM engage_response r
JOIN engage_consultation c ON c.id = r.consultation_id
CROSS JOIN LATERAL jsonb_array_elements(c.definition->'questions') q
WHERE r.status = 'submitted' AND r.publish_free_text AND q->>'type' IN ('short-text', 'long-text')
  AND jsonb_typeof(r.answers->(q->>'id')) = 'string' AND length(btrim(r.answers->>(q->>'id'))) > 0
  AND ($1::text IS NULL OR r.consultation_id = $1)
ON CONFLICT (response_id, question_id) DO NOTHING`;

const ITEM_SELECT = `
SELECT i.id, i.consultation_id, r.public_id, i.question_id, c.definition->'questions' AS questions, r.answers->>i.question_id AS text, i.status, i.decided_at, i.decided_by
FROM engage_moderation_item i JOIN engage_response r ON r.id = i.response_id JOIN engage_consultation c ON c.id = i.consultation_id`;

/**
 * Moderation before publication on the platform's PostgreSQL (the `engage-moderation` migrations).
 * The queue holds only free-text answers of submitted responses whose authors allowed publication;
 * each redaction and decision is appended to the audit in the same transaction as the item's
 * status; the original answer is never changed, and the published text is computed from the redactions.
 */
export class ModerationStore {
  constructor(private readonly sql: SqlClient) {}

  /** Queues the free-text answers submitted since the last look (idempotent). */
  async sync(consultationId?: string): Promise<void> {
    await this.sql.query(SYNC, [consultationId ?? null]);
  }

  /** Every consultation with free text to moderate, with its counts by status. */
  async queue(): Promise<ModerationQueueEntry[]> {
    await this.sync();
    const { rows } = await this.sql.query<{ consultation_id: string; title: string; pending: string; approved: string; rejected: string }>(
      `SELECT i.consultation_id, c.definition->>'title' AS title,
         count(*) FILTER (WHERE i.status = 'pending') AS pending, count(*) FILTER (WHERE i.status = 'approved') AS approved, count(*) FILTER (WHERE i.status = 'rejected') AS rejected
       FROM engage_moderation_item i JOIN engage_consultation c ON c.id = i.consultation_id
       GROUP BY i.consultation_id, c.definition->>'title', c.closes_on ORDER BY count(*) FILTER (WHERE i.status = 'pending') DESC, c.closes_on DESC, i.consultation_id`,
    );
    return rows.map((r) => ({ consultationId: r.consultation_id, title: r.title, pending: Number(r.pending), approved: Number(r.approved), rejected: Number(r.rejected) }));
  }

  /** A consultation's items, pending first, each with the detector's flags, its redactions and its audit. */
  async items(consultationId: string): Promise<ModerationItem[]> {
    const exists = await this.sql.query('SELECT 1 FROM engage_consultation WHERE id = $1', [consultationId]);
    if (exists.rows.length === 0) throw new EngageNotFoundError(`There is no consultation ${consultationId}.`);
    await this.sync(consultationId);
    const { rows } = await this.sql.query<ItemRow>(`${ITEM_SELECT} WHERE i.consultation_id = $1 ORDER BY i.status = 'pending' DESC, i.id`, [consultationId]);
    return this.withEvents(rows);
  }

  async item(itemId: number): Promise<ModerationItem> {
    const { rows } = await this.sql.query<ItemRow>(`${ITEM_SELECT} WHERE i.id = $1`, [itemId]);
    if (rows.length === 0) throw new EngageNotFoundError(`There is no moderation item ${itemId}.`);
    return (await this.withEvents(rows))[0]!;
  }

  /** Redacts a span of a pending item's text: {start, end, reason, kind?}; refused once the item is decided. */
  async redact(itemId: number, input: unknown, by: string): Promise<ModerationItem> {
    const parsed = redactionSchema.safeParse(input);
    if (!parsed.success) throw new EngageInputError(problems(parsed.error));
    const { start, end, reason, kind } = parsed.data;
    await this.sql.transaction(async (tx) => {
      const current = await this.pendingItem(tx, itemId);
      if (end <= start) throw new EngageInputError(['end: must be after start']);
      if (end > current.length) throw new EngageInputError([`end: must be at most ${current.length}, the length of the answer`]);
      await tx.query("INSERT INTO engage_moderation_event (item_id, action, span_start, span_end, reason, flagged_kind, by_user) VALUES ($1, 'redacted', $2, $3, $4, $5, $6)", [itemId, start, end, reason, kind ?? null, by]);
    });
    return this.item(itemId);
  }

  /** Approves a pending item: its redacted text is published with the results. */
  async approve(itemId: number, by: string): Promise<ModerationItem> {
    return this.decide(itemId, 'approved', by, null);
  }

  /** Rejects a pending item with a reason (kept in the audit): it is never published. */
  async reject(itemId: number, input: unknown, by: string): Promise<ModerationItem> {
    const parsed = z.object({ reason: z.string().trim().min(1, 'must say why').max(500, 'must be at most 500 characters') }).strict().safeParse(input);
    if (!parsed.success) throw new EngageInputError(problems(parsed.error));
    return this.decide(itemId, 'rejected', by, parsed.data.reason);
  }

  /** The approved comments of a consultation, redacted, each under its response's public id, in question then response order. */
  async publishedComments(consultationId: string): Promise<PublishedComment[]> {
    const { rows } = await this.sql.query<ItemRow>(`${ITEM_SELECT} WHERE i.consultation_id = $1 AND i.status = 'approved' ORDER BY i.question_id, i.id`, [consultationId]);
    return (await this.withEvents(rows)).map((i) => ({ responsePublicId: i.responsePublicId, questionId: i.questionId, text: i.publishedText }));
  }

  /** How many answers were moderated and how, for the report's method. */
  async counts(consultationId: string): Promise<{ pending: number; approved: number; rejected: number; redactions: number }> {
    await this.sync(consultationId);
    const { rows } = await this.sql.query<{ pending: string; approved: string; rejected: string; redactions: string }>(
      `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'approved') AS approved, count(*) FILTER (WHERE status = 'rejected') AS rejected,
         (SELECT count(*) FROM engage_moderation_event e JOIN engage_moderation_item j ON j.id = e.item_id WHERE j.consultation_id = $1 AND e.action = 'redacted') AS redactions
       FROM engage_moderation_item WHERE consultation_id = $1`,
      [consultationId],
    );
    const r = rows[0]!;
    return { pending: Number(r.pending), approved: Number(r.approved), rejected: Number(r.rejected), redactions: Number(r.redactions) };
  }

  private async decide(itemId: number, status: 'approved' | 'rejected', by: string, note: string | null): Promise<ModerationItem> {
    await this.sql.transaction(async (tx) => {
      await this.pendingItem(tx, itemId);
      await tx.query('UPDATE engage_moderation_item SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1', [itemId, status, by]);
      await tx.query('INSERT INTO engage_moderation_event (item_id, action, note, by_user) VALUES ($1, $2, $3, $4)', [itemId, status, note, by]);
    });
    return this.item(itemId);
  }

  /** Locks a pending item and gives its text's length; 404 when there is none, 409 when already decided. */
  private async pendingItem(tx: SqlClient, itemId: number): Promise<string> {
    const { rows } = await tx.query<{ status: string; text: string | null }>(
      'SELECT i.status, r.answers->>i.question_id AS text FROM engage_moderation_item i JOIN engage_response r ON r.id = i.response_id WHERE i.id = $1 FOR UPDATE OF i',
      [itemId],
    );
    if (rows.length === 0) throw new EngageNotFoundError(`There is no moderation item ${itemId}.`);
    if (rows[0]!.status !== 'pending') throw new EngageConflictError(`This answer has already been ${rows[0]!.status}; its moderation is final.`, 'Already moderated');
    return rows[0]!.text ?? '';
  }

  private async withEvents(rows: ItemRow[]): Promise<ModerationItem[]> {
    if (rows.length === 0) return [];
    const { rows: events } = await this.sql.query<EventRow>('SELECT item_id, action, span_start, span_end, reason, flagged_kind, note, at, by_user FROM engage_moderation_event WHERE item_id = ANY($1::bigint[]) ORDER BY id', [rows.map((r) => r.id)]);
    return rows.map((row) => {
      const text = row.text ?? '';
      const mine = events.filter((e) => e.item_id === row.id || Number(e.item_id) === Number(row.id));
      const history: ModerationEvent[] = mine.map((e) => ({
        action: e.action,
        at: iso(e.at)!,
        by: e.by_user,
        ...(e.action === 'redacted' ? { start: e.span_start!, end: e.span_end!, reason: e.reason!, kind: e.flagged_kind } : {}),
        ...(e.note ? { note: e.note } : {}),
      }));
      const redactions: Redaction[] = mine.filter((e) => e.action === 'redacted').map((e) => ({ start: e.span_start!, end: e.span_end!, reason: e.reason!, kind: e.flagged_kind, at: iso(e.at)!, by: e.by_user }));
      const questions = (typeof row.questions === 'string' ? JSON.parse(row.questions) : row.questions) as Question[];
      const rejected = mine.find((e) => e.action === 'rejected');
      return {
        id: Number(row.id),
        consultationId: row.consultation_id,
        responsePublicId: row.public_id,
        questionId: row.question_id,
        questionTitle: questions.find((q) => q.id === row.question_id)?.title ?? row.question_id,
        text,
        flags: detectPersonalData(text),
        redactions,
        publishedText: redactedText(text, redactions),
        status: row.status,
        decidedAt: iso(row.decided_at),
        decidedBy: row.decided_by,
        rejectReason: rejected?.note ?? null,
        history,
      };
    });
  }
}
