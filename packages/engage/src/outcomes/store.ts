import { z } from 'zod';
import type { SqlClient } from '@footprint/record';
import { EngageInputError } from '../errors';
import type { Outcome, OutcomeInput, PlanItemRef } from './types';

const words = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const outcomeSchema = z
  .object({
    weAsked: words(2000),
    youSaid: words(4000),
    weDid: words(4000),
    planItems: z
      .array(z.object({ kind: z.enum(['priority', 'ambition', 'programme', 'decision'], { message: 'must be priority, ambition, programme or decision' }), id: z.string().trim().min(1).max(80) }).strict())
      .max(20, 'may link at most 20 plan items'),
  })
  .strict();

/** Checks outcome inputs; EngageInputError naming each field that is wrong (`outcomes[1].weDid: must not be empty`). */
export function validateOutcomes(input: unknown): OutcomeInput[] {
  const parsed = z.array(outcomeSchema).max(50, 'at most 50 outcomes').safeParse(input);
  if (parsed.success) return parsed.data;
  throw new EngageInputError(parsed.error.issues.map((i) => `outcomes${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`));
}

interface OutcomeRow extends Record<string, unknown> {
  id: string | number;
  consultation_id: string;
  title: string;
  position: number;
  we_asked: string;
  you_said: string;
  we_did: string;
  recorded_at: Date | string;
  recorded_by: string;
  links: Array<{ kind: PlanItemRef['kind']; id: string }> | null;
}

const SELECT = `
SELECT o.id, o.consultation_id, c.definition->>'title' AS title, o.position, o.we_asked, o.you_said, o.we_did, o.recorded_at, o.recorded_by,
  (SELECT jsonb_agg(jsonb_build_object('kind', l.item_kind, 'id', l.item_id) ORDER BY l.item_kind, l.item_id) FROM engage_outcome_link l WHERE l.outcome_id = o.id) AS links
FROM engage_outcome o JOIN engage_consultation c ON c.id = o.consultation_id`;

const fromRow = (r: OutcomeRow): Outcome => ({
  id: Number(r.id),
  consultationId: r.consultation_id,
  consultationTitle: r.title,
  position: r.position,
  weAsked: r.we_asked,
  youSaid: r.you_said,
  weDid: r.we_did,
  planItems: r.links ?? [],
  recordedAt: new Date(r.recorded_at).toISOString(),
  recordedBy: r.recorded_by,
});

/** "We asked, you said, we did" on the platform's PostgreSQL (the `engage-outcomes` migrations). */
export class OutcomeStore {
  constructor(private readonly sql: SqlClient) {}

  /** Replaces a consultation's outcomes with these, in this order, in one transaction. */
  async replace(consultationId: string, input: unknown, recordedBy: string): Promise<Outcome[]> {
    const outcomes = validateOutcomes(input);
    await this.sql.transaction(async (tx) => {
      await tx.query('DELETE FROM engage_outcome WHERE consultation_id = $1', [consultationId]);
      for (const [position, o] of outcomes.entries()) {
        const { rows } = await tx.query<{ id: string }>('INSERT INTO engage_outcome (consultation_id, position, we_asked, you_said, we_did, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [consultationId, position + 1, o.weAsked, o.youSaid, o.weDid, recordedBy]);
        for (const item of o.planItems) await tx.query('INSERT INTO engage_outcome_link (outcome_id, item_kind, item_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [rows[0].id, item.kind, item.id]);
      }
    });
    return this.forConsultation(consultationId);
  }

  async forConsultation(consultationId: string): Promise<Outcome[]> {
    const { rows } = await this.sql.query<OutcomeRow>(`${SELECT} WHERE o.consultation_id = $1 ORDER BY o.position`, [consultationId]);
    return rows.map(fromRow);
  }

  /**
   * The outcomes that changed any of these plan items, for the plan's pages: only those of
   * published consultations (a draft's outcomes are not public), newest consultation first.
   */
  async forPlanItems(items: readonly PlanItemRef[]): Promise<Outcome[]> {
    if (items.length === 0) return [];
    const { rows } = await this.sql.query<OutcomeRow>(
      `${SELECT} WHERE c.published_at IS NOT NULL AND EXISTS (SELECT 1 FROM engage_outcome_link l WHERE l.outcome_id = o.id AND (l.item_kind, l.item_id) IN (SELECT * FROM unnest($1::text[], $2::text[])))
       ORDER BY c.closes_on DESC, o.consultation_id, o.position`,
      [items.map((i) => i.kind), items.map((i) => i.id)],
    );
    return rows.map(fromRow);
  }
}
