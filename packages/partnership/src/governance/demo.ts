import type { DemoSeedContext } from '../demo/seed';
import { membersOn } from '../organisations/members';
import type { OrganisationRef } from './fields';
import { ACTION, AGENDA_ITEM, DECISION, GOVERNANCE_BODY, GOVERNANCE_MEMBER, MEETING, MEETING_PAPER, TERMS_OF_REFERENCE } from './kinds';
import { DEMO_BODIES } from './demo-bodies';
import { DEMO_MEETINGS, type ActionSpec, type OwnerSpec } from './demo-meetings';

/** The footprint the demo's governance describes: Cheshire and Merseyside. Other footprints get none invented. */
export const DEMO_GOVERNANCE_FOOTPRINT = 'E54000008';

/**
 * Seeds the demo's governance (idempotent: store.seed with stable ids, so what people edit
 * survives). Members and action owners are drawn from the organisations the record holds for the
 * partnership, by kind (the first trust, the fifth council…); a kind the record lacks leaves the
 * member out, and an owner then keeps only the role.
 */
export async function seedDemoGovernance({ store, record, footprint }: DemoSeedContext): Promise<void> {
  if (footprint.onsCode !== DEMO_GOVERNANCE_FOOTPRINT) return;
  const byKind = new Map<string, OrganisationRef[]>();
  byKind.set('partnership', [{ id: footprint.organisationId, ...(footprint.odsCode ? { odsCode: footprint.odsCode } : {}) }]);
  for (const m of await membersOn(record, footprint.organisationId)) {
    const list = byKind.get(m.kind) ?? [];
    if (!list.some((o) => o.id === m.id)) list.push({ id: m.id, ...(m.odsCode ? { odsCode: m.odsCode } : {}) });
    byKind.set(m.kind, list);
  }
  const pick = (spec: { kind?: string; index?: number }) => (spec.kind ? byKind.get(spec.kind)?.[spec.index ?? 0] : undefined);
  const fp = footprint.onsCode;

  for (const spec of DEMO_BODIES) {
    await store.seed(GOVERNANCE_BODY, { id: spec.id, footprint: fp, data: spec.body });
    await store.seed(TERMS_OF_REFERENCE, { id: `${spec.id}-tor`, footprint: fp, parentId: spec.id, data: spec.terms });
    for (const [i, m] of spec.members.entries()) {
      const organisation = pick(m);
      if (m.kind && !organisation) continue;
      const period = { ...(m.since ? { start: m.since } : { start: spec.body.established }), ...(m.until ? { end: m.until } : {}) };
      await store.seed(GOVERNANCE_MEMBER, { id: `${spec.id}-m${i + 1}`, footprint: fp, parentId: spec.id, data: { ...(organisation ? { organisation } : {}), role: m.role, membership: m.membership, period } });
    }
  }

  const owner = (o: OwnerSpec) => {
    const organisation = pick(o);
    return { ...(organisation ? { organisation } : {}), ...(o.role ? { role: o.role } : {}) };
  };
  const action = (a: ActionSpec) => ({
    description: a.description,
    owner: owner(a.owner),
    dueDate: a.due,
    status: a.status,
    ...(a.completedOn ? { completedOn: a.completedOn } : {}),
    ...(a.note ? { completionNote: a.note } : {}),
  });

  for (const m of DEMO_MEETINGS) {
    const id = `${m.body}-${m.date}`;
    await store.seed(MEETING, {
      id,
      footprint: fp,
      parentId: m.body,
      data: { date: m.date, startTime: '10:00', endTime: '12:30', online: !!m.online, ...(m.location ? { location: m.location } : {}), status: m.status, public: m.public, ...(m.minutes ? { minutes: m.minutes } : {}) },
    });
    let paperCount = 0;
    for (const [i, item] of m.agenda.entries()) {
      const paperIds: string[] = [];
      for (const paper of item.papers ?? []) {
        const paperId = `${id}-p${++paperCount}`;
        await store.seed(MEETING_PAPER, { id: paperId, footprint: fp, parentId: id, data: { ...paper, author: item.presenter } });
        paperIds.push(paperId);
      }
      await store.seed(AGENDA_ITEM, { id: `${id}-a${i + 1}`, footprint: fp, parentId: id, data: { order: i + 1, title: item.title, ...(item.presenter ? { presenter: item.presenter } : {}), ...(item.purpose ? { purpose: item.purpose } : {}), paperIds } });
    }
    for (const [i, d] of (m.decisions ?? []).entries()) {
      const decisionId = `${id}-d${i + 1}`;
      await store.seed(DECISION, { id: decisionId, footprint: fp, parentId: id, data: { reference: d.reference, text: d.text, date: m.date, status: d.status, agendaItemId: `${id}-a${d.item}` } });
      for (const [j, a] of (d.actions ?? []).entries()) await store.seed(ACTION, { id: `${decisionId}-x${j + 1}`, footprint: fp, parentId: decisionId, data: action(a) });
    }
    for (const [j, a] of (m.actions ?? []).entries()) await store.seed(ACTION, { id: `${id}-x${j + 1}`, footprint: fp, parentId: id, data: action(a) });
  }
}
