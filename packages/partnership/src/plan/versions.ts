import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SqlClient } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { isoDate, period, text } from '../store/fields';
import { PartnershipStore, validateItem, type Editor, type Item } from '../store/items';
import { AMBITION, MILESTONE, PLAN, PRIORITY, PROGRAMME, RISK, type PlanData } from './kinds';
import { readPlanTree } from './tree';

export const newVersionSchema = z
  .object({
    version: text(100),
    name: text(200).optional(),
    published: isoDate.optional(),
    period: period.optional(),
    /** The plan version's status: `current` (the default) supersedes the old one; `draft` leaves it current until the draft is made current. */
    status: z.enum(['draft', 'current'], { message: 'must be draft or current' }).default('current'),
  })
  .strict();
export type NewPlanVersion = z.input<typeof newVersionSchema>;

/**
 * Starts a new version of a plan from an existing one, in one transaction: the plan and its whole
 * tree (priorities, programmes, milestones, risks, ambitions) are copied into new items, the new
 * plan naming the old as `basedOn`; the old is marked superseded (naming the new), unless the new
 * one is a draft. Refused (409) when the old version changed since `ifVersion`, or is already
 * superseded. The copies' ids are the new plan's id with a sequence number, so they keep their order.
 */
export async function startNewPlanVersion(sql: SqlClient, planId: string, input: unknown, editor: Editor, options: { ifVersion?: number } = {}): Promise<Item<PlanData>> {
  const asked = validateItem({ kind: 'plan', label: 'new plan version', schema: newVersionSchema, title: () => '' }, input);
  return sql.transaction(async (tx) => {
    const store = new PartnershipStore(tx);
    const tree = await readPlanTree(store, planId);
    const old = tree.plan;
    if (old.data.status === 'superseded') throw new PartnershipProblem(409, 'Plan already superseded', `This version was superseded by ${old.data.supersededBy ?? 'a later version'}: start the new version from that one.`);
    if (options.ifVersion !== undefined && old.version !== options.ifVersion) {
      throw new PartnershipProblem(409, 'Changed since you opened it', `This plan is at version ${old.version}, not ${options.ifVersion}: someone else has changed it. Reload it and try again.`);
    }
    const newId = randomUUID();
    let sequence = 0;
    const nextId = () => `${newId}-${String(++sequence).padStart(4, '0')}`;
    const { supersededBy: _superseded, published: _published, period: _period, ...kept } = old.data;
    const data: PlanData = {
      ...kept,
      name: asked.name ?? old.data.name,
      version: asked.version,
      status: asked.status,
      basedOn: old.id,
      ...(asked.published ? { published: asked.published } : {}),
      ...(asked.period ? { period: asked.period } : {}),
    };
    const footprint = old.footprint;
    const plan = await store.create(PLAN, { id: newId, footprint, data }, editor);
    const copy = async (kind: Parameters<typeof store.create>[0], item: Item, parentId: string) => (await store.create(kind, { id: nextId(), footprint, parentId, data: item.data }, editor)).id;
    for (const ambition of tree.ambitions) await copy(AMBITION, ambition, plan.id);
    for (const risk of tree.risks) await copy(RISK, risk, plan.id);
    for (const priority of tree.priorities) {
      const priorityId = await copy(PRIORITY, priority, plan.id);
      for (const programme of priority.programmes) {
        const programmeId = await copy(PROGRAMME, programme, priorityId);
        for (const milestone of programme.milestones) await copy(MILESTONE, milestone, programmeId);
        for (const risk of programme.risks) await copy(RISK, risk, programmeId);
      }
    }
    if (asked.status === 'current') await store.update(PLAN, old.id, { ...old.data, status: 'superseded', supersededBy: plan.id }, editor, { ifVersion: old.version });
    return plan;
  });
}
