import { footprintDefinitions } from '@footprint/geography';
import { PartnershipProblem } from '../errors';
import type { Item, PartnershipStore } from '../store/items';
import { AMBITION, MILESTONE, PLAN, PRIORITY, PROGRAMME, RISK, type AmbitionData, type MilestoneData, type PlanData, type PriorityData, type ProgrammeData, type RiskData } from './kinds';
import { todayInEngland } from '../store/fields';
import { isMilestoneOverdue, riskScore, type RiskBand } from './measures';

export interface MilestoneView extends Item<MilestoneData> {
  /** Due date passed and not complete (computed from the due date on reading, never stored). */
  overdue: boolean;
}
export interface RiskView extends Item<RiskData> {
  /** likelihood × impact, 1–25. */
  score: number;
  band: RiskBand;
}
export interface ProgrammeView extends Item<ProgrammeData> {
  /** The lead organisation's name in the record, when the record has it. */
  leadOrganisationName?: string;
  /** The places in scope with their names (from the bundled footprints' places; the code when unknown). */
  placesInScope: Array<{ code: string; name: string }>;
  milestones: MilestoneView[];
  risks: RiskView[];
  summary: { milestones: number; complete: number; overdue: number; atRiskOrDelayed: number; openRisks: number; highestRisk?: { score: number; band: RiskBand } };
}
export interface PriorityView extends Item<PriorityData> {
  programmes: ProgrammeView[];
}
/** One version of a plan read whole: plan → priorities → programmes → milestones and risks; ambitions; plan-wide risks. */
export interface PlanTree {
  plan: Item<PlanData>;
  priorities: PriorityView[];
  ambitions: Item<AmbitionData>[];
  /** Risks to the plan as a whole (not to one programme). */
  risks: RiskView[];
  /** The date "overdue" was judged on. */
  today: string;
}
export interface PlanList {
  footprint: { onsCode: string; name: string };
  /** Every version, newest published first (unpublished ones first of all). */
  plans: Item<PlanData>[];
  /** The version to show by default: the newest current one (else the newest). */
  current: string | null;
}

// A version not yet published (one just started) counts as the newest.
const published = (p: Item<PlanData>) => p.data.published ?? '9999-12-31';
const newestFirst = (a: Item<PlanData>, b: Item<PlanData>) => published(b).localeCompare(published(a)) || b.updatedAt.localeCompare(a.updatedAt);

/** The footprint's plans, every version, and which one is current. */
export async function listPlans(store: PartnershipStore, footprint: { onsCode: string; name: string }): Promise<PlanList> {
  const plans = (await store.list(PLAN, footprint.onsCode)).sort(newestFirst);
  const current = plans.find((p) => p.data.status === 'current') ?? plans[0];
  return { footprint: { onsCode: footprint.onsCode, name: footprint.name }, plans, current: current?.id ?? null };
}

const milestoneView = (m: Item<MilestoneData>, today: string): MilestoneView => ({ ...m, overdue: isMilestoneOverdue(m.data, today) });
const riskView = (r: Item<RiskData>): RiskView => ({ ...r, ...riskScore(r.data) });
const byDue = (a: MilestoneView, b: MilestoneView) => a.data.due.localeCompare(b.data.due);
const byScore = (a: RiskView, b: RiskView) => b.score - a.score;

let placeNames: Map<string, string> | undefined;
function placeName(code: string): string {
  placeNames ??= new Map(footprintDefinitions().flatMap((f) => f.places.map((p) => [p.lad19_code, p.name] as const)));
  return placeNames.get(code) ?? code;
}

function programmeView(p: Item<ProgrammeData>, milestones: MilestoneView[], risks: RiskView[], names: ReadonlyMap<string, string>): ProgrammeView {
  const open = risks.filter((r) => r.data.status !== 'closed');
  const highest = open[0];
  const leadName = p.data.leadOrganisation ? names.get(p.data.leadOrganisation) : undefined;
  return {
    ...p,
    ...(leadName ? { leadOrganisationName: leadName } : {}),
    placesInScope: p.data.places.map((code) => ({ code, name: placeName(code) })),
    milestones,
    risks,
    summary: {
      milestones: milestones.length,
      complete: milestones.filter((m) => m.data.status === 'complete').length,
      overdue: milestones.filter((m) => m.overdue).length,
      atRiskOrDelayed: milestones.filter((m) => m.data.status === 'at-risk' || m.data.status === 'delayed').length,
      openRisks: open.length,
      ...(highest ? { highestRisk: { score: highest.score, band: highest.band } } : {}),
    },
  };
}

/**
 * Reads one plan version whole, in six queries (one per kind), in the footprint the plan belongs
 * to. `footprint`, when given, must be the plan's (404 otherwise: a plan of another footprint is
 * not this instance's to show). `names` gives lead organisations' names by ODS code.
 */
export async function readPlanTree(store: PartnershipStore, planId: string, options: { footprint?: string; names?: ReadonlyMap<string, string>; today?: string } = {}): Promise<PlanTree> {
  const plan = await store.get(PLAN, planId);
  if (options.footprint && plan.footprint !== options.footprint) throw new PartnershipProblem(404, 'No such plan', `There is no plan with id ${planId} in this footprint.`);
  const today = options.today ?? todayInEngland();
  const names = options.names ?? new Map<string, string>();
  const fp = plan.footprint;
  const [priorities, programmes, milestones, risks, ambitions] = await Promise.all([
    store.list(PRIORITY, fp, { parentId: plan.id }),
    store.list(PROGRAMME, fp),
    store.list(MILESTONE, fp),
    store.list(RISK, fp),
    store.list(AMBITION, fp, { parentId: plan.id }),
  ]);
  const under = <T>(items: Item<T>[], parentId: string) => items.filter((i) => i.parentId === parentId);
  const priorityViews = priorities.map((priority) => ({
    ...priority,
    programmes: under(programmes, priority.id).map((p) =>
      programmeView(p, under(milestones, p.id).map((m) => milestoneView(m, today)).sort(byDue), under(risks, p.id).map(riskView).sort(byScore), names),
    ),
  }));
  const typeOrder = (p: PriorityView) => (p.data.type === 'clinical' ? 0 : 1);
  priorityViews.sort((a, b) => typeOrder(a) - typeOrder(b));
  return { plan, priorities: priorityViews, ambitions, risks: under(risks, plan.id).map(riskView).sort(byScore), today };
}

/** Every item of a plan tree by id, with its kind: how the API checks an item belongs to the plan it is addressed under. */
export function itemsOfTree(tree: PlanTree): Map<string, Item> {
  const out = new Map<string, Item>([[tree.plan.id, tree.plan]]);
  for (const a of tree.ambitions) out.set(a.id, a);
  for (const r of tree.risks) out.set(r.id, r);
  for (const priority of tree.priorities) {
    out.set(priority.id, priority);
    for (const p of priority.programmes) {
      out.set(p.id, p);
      for (const m of p.milestones) out.set(m.id, m);
      for (const r of p.risks) out.set(r.id, r);
    }
  }
  return out;
}

/** Every risk of the plan (plan-wide and each programme's), highest score first: the risk register. */
export function riskRegister(tree: PlanTree): Array<RiskView & { programme?: { id: string; name: string } }> {
  const out: Array<RiskView & { programme?: { id: string; name: string } }> = [...tree.risks];
  for (const priority of tree.priorities) for (const p of priority.programmes) for (const r of p.risks) out.push({ ...r, programme: { id: p.id, name: p.data.name } });
  return out.sort(byScore);
}
