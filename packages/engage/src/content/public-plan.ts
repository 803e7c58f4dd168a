import type { SqlClient } from '@footprint/record';
import { listPlans, PartnershipStore, readPlanTree, TRIPLE_AIM_LABELS, type AmbitionData, type Item, type PlanTree, type TripleAimGap } from '@footprint/partnership';
import { buildScorecard, indicatorSpc, INDICATORS, spc, trajectoryAt, IndicatorValueStore, STATUS_WORDS, type IndicatorDefinition, type IndicatorValue, type ScorecardAmbition, type ScorecardFootprint, type ScorecardStatus, type SpcResult } from '@footprint/performance';
import { EngageNotFoundError } from '../errors';
import { OutcomeStore } from '../outcomes/store';
import type { PlanItemKind } from '../outcomes/types';
import { controlIndicatorValues, publicSeries, SUPPRESSION_WORDS, type PublicValue } from './disclosure';

/**
 * The plan as the public reads it: its priorities and ambitions in plain words, and progress on
 * each ambition from its PUBLIC indicators only, after disclosure control (disclosure.ts), so the
 * status, the SPC chart and the tables never rest on a hidden value. "We asked, you said, we did"
 * comes from the outcomes of published consultations linked to the plan's items.
 */

/** What the public sees of an outcome of a consultation (who recorded it is not public). */
export interface PublicOutcome {
  consultationId: string;
  consultationTitle: string;
  weAsked: string;
  youSaid: string;
  weDid: string;
}

export interface PublicAmbitionSummary {
  id: string;
  statement: string;
  gap: TripleAimGap;
  gapLabel: string;
  measure: string;
  unit: string;
  baseline: { value: number; period: string };
  target: { value: number; period: string };
  illustrative: boolean;
  note: string | null;
  status: ScorecardStatus;
  statusWords: string;
  /** Why, in words (from the scorecard, on disclosure-controlled public values). */
  reason: string;
  latest: { period: string; value: number; synthetic: boolean } | null;
}

export interface PublicPlanView {
  footprint: { code: string; name: string };
  plan: { id: string; name: string; version: string; published: string | null; period: { start?: string; end?: string } | null; mission: string | null; source: string | null };
  priorities: Array<{ id: string; name: string; type: 'clinical' | 'enabling'; description: string | null }>;
  ambitions: PublicAmbitionSummary[];
  /** Outcomes of consultations that changed the plan's priorities. */
  outcomes: PublicOutcome[];
  suppressionWords: string;
}

export interface PublicIndicatorView {
  id: string;
  name: string;
  definition: string;
  source: string;
  unit: string;
  polarity: IndicatorDefinition['polarity'];
  role: 'primary' | 'supporting';
  /** The footprint's series: every month, hidden ones marked. */
  series: PublicValue[];
  suppressedCount: number;
  /** SPC on the values that may be shown (null with too few; see `reason`). */
  spc: SpcResult | null;
  spcReason: string | null;
  /** Each place's latest month, hidden when disclosive. */
  places: Array<{ code: string; name: string; latest: PublicValue | null }>;
  synthetic: boolean;
}

export interface PublicAmbitionView {
  footprint: { code: string; name: string };
  plan: PublicPlanView['plan'];
  ambition: PublicAmbitionSummary & { trajectory: Array<{ value: number; period: string }> };
  indicators: PublicIndicatorView[];
  /** Indicators the plan links to this ambition that are not published (named, with no figures). */
  unpublished: Array<{ id: string; name: string }>;
  outcomes: PublicOutcome[];
  suppressionWords: string;
}

/** The public catalogue: only indicators marked public. */
export const PUBLIC_INDICATORS: readonly IndicatorDefinition[] = INDICATORS.filter((i) => i.public);

async function currentPlan(store: PartnershipStore, footprint: Pick<ScorecardFootprint, 'code' | 'name'>): Promise<PlanTree> {
  const list = await listPlans(store, { onsCode: footprint.code, name: footprint.name });
  if (!list.current) throw new EngageNotFoundError(`${footprint.name} has not published a plan yet.`);
  return readPlanTree(store, list.current, { footprint: footprint.code });
}

function planOf(tree: PlanTree): PublicPlanView['plan'] {
  const d = tree.plan.data;
  return { id: tree.plan.id, name: d.name, version: d.version, published: d.published ?? null, period: d.period ?? null, mission: d.mission ?? null, source: d.source ?? null };
}

const publicIds = (ambitions: readonly Item<AmbitionData>[]) => [...new Set(ambitions.flatMap((a) => a.data.indicators.map((l) => l.id)))].filter((id) => PUBLIC_INDICATORS.some((i) => i.id === id));

async function controlledValues(sql: SqlClient, ids: readonly string[]) {
  const store = new IndicatorValueStore(sql);
  const raw: IndicatorValue[] = (await Promise.all(ids.map((indicatorId) => store.list({ indicatorId, breakdown: '' })))).flat();
  return controlIndicatorValues(raw);
}

function summaryOf(a: ScorecardAmbition, suppressed: ReadonlySet<string>, footprintCode: string): PublicAmbitionSummary {
  const hidden = a.footprint.status === 'no-data' && !!a.primary && [...suppressed].some((k) => k.startsWith(`${a.primary!.id}|${footprintCode}||`));
  return {
    id: a.id,
    statement: a.statement,
    gap: a.gap,
    gapLabel: TRIPLE_AIM_LABELS[a.gap],
    measure: a.measure,
    unit: a.unit,
    baseline: a.baseline,
    target: a.target,
    illustrative: a.illustrative,
    note: a.note,
    status: a.footprint.status,
    statusWords: STATUS_WORDS[a.footprint.status],
    reason: a.primary && !PUBLIC_INDICATORS.some((i) => i.id === a.primary!.id)
      ? `Not published: ${a.primary.name} is not one of the indicators the partnership publishes.`
      : hidden
        ? `No figures shown: ${a.primary!.name} counts too few people to publish without risk of identifying someone.`
        : a.footprint.reason,
    latest: a.footprint.latest,
  };
}

const publicOutcome = (o: { consultationId: string; consultationTitle: string; weAsked: string; youSaid: string; weDid: string }): PublicOutcome => ({ consultationId: o.consultationId, consultationTitle: o.consultationTitle, weAsked: o.weAsked, youSaid: o.youSaid, weDid: o.weDid });

/** The scorecard of the plan's ambitions on the public, disclosure-controlled values. */
async function publicScorecard(sql: SqlClient, tree: PlanTree, footprint: ScorecardFootprint) {
  const { values, suppressed } = await controlledValues(sql, publicIds(tree.ambitions));
  const card = await buildScorecard({ plan: tree, values, catalogue: PUBLIC_INDICATORS, footprint });
  return { card, values, suppressed };
}

/** SPC of the main measure against the plan's trajectory, improving in the plan's direction (as the scorecard's cell does). */
function primarySpc(ambition: AmbitionData, scored: ScorecardAmbition, values: readonly IndicatorValue[], profile: IndicatorDefinition['spcProfile']): { spc: SpcResult | null; reason: string | null; synthetic: boolean } {
  const series = values.filter((v) => v.value !== null).sort((a, b) => a.period.localeCompare(b.period));
  const synthetic = values.some((v) => v.synthetic);
  if (series.length < 2) return { spc: null, reason: 'too few values', synthetic };
  const result = spc(
    series.map((v) => ({ date: `${v.period}-01`, value: v.value! })),
    { improvement: scored.direction === 'higher' ? 'increase' : 'decrease', target: series.map((v) => trajectoryAt(ambition, v.period)?.value ?? null), profile },
  );
  return { spc: result, reason: null, synthetic };
}

/** The plan's priorities and ambitions, with progress on each, for /public/plan and /public/progress. */
export async function publicPlan(sql: SqlClient, footprint: ScorecardFootprint): Promise<PublicPlanView> {
  const tree = await currentPlan(new PartnershipStore(sql), footprint);
  const { card, suppressed } = await publicScorecard(sql, tree, footprint);
  const order = new Map(tree.ambitions.map((a, i) => [a.id, i]));
  const ambitions = card.gaps.flatMap((g) => g.ambitions).sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((a) => summaryOf(a, suppressed, footprint.code));
  const outcomes = await new OutcomeStore(sql).forPlanItems(tree.priorities.map((p) => ({ kind: 'priority' as const, id: p.id })));
  return {
    footprint: { code: footprint.code, name: footprint.name },
    plan: planOf(tree),
    priorities: tree.priorities.map((p) => ({ id: p.id, name: p.data.name, type: p.data.type, description: p.data.description ?? null })),
    ambitions,
    outcomes: outcomes.map(publicOutcome),
    suppressionWords: SUPPRESSION_WORDS,
  };
}

/** One ambition for /public/plan/ambitions/:id: what it means, progress with its public indicators, and what consultations changed. 404 when the current plan has no such ambition. */
export async function publicAmbition(sql: SqlClient, footprint: ScorecardFootprint, ambitionId: string): Promise<PublicAmbitionView> {
  const tree = await currentPlan(new PartnershipStore(sql), footprint);
  const item = tree.ambitions.find((a) => a.id === ambitionId);
  if (!item) throw new EngageNotFoundError(`The plan has no ambition "${ambitionId}".`);
  const { card, values, suppressed } = await publicScorecard(sql, tree, footprint);
  const scored = card.gaps.flatMap((g) => g.ambitions).find((a) => a.id === ambitionId)!;
  const indicators: PublicIndicatorView[] = [];
  const unpublished: PublicAmbitionView['unpublished'] = [];
  const links = [...item.data.indicators].sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1));
  for (const link of links) {
    const definition = PUBLIC_INDICATORS.find((i) => i.id === link.id);
    if (!definition) {
      unpublished.push({ id: link.id, name: INDICATORS.find((i) => i.id === link.id)?.name ?? link.id });
      continue;
    }
    // The main measure is charted as the scorecard judges it: in the ambition's units, against the plan's trajectory.
    const primary = scored.primary?.id === link.id;
    const scale = primary ? scored.scale : 1;
    const mine = values.filter((v) => v.indicatorId === link.id).map((v) => (scale === 1 || v.value === null ? v : { ...v, value: v.value * scale }));
    const atFootprint = mine.filter((v) => v.areaCode === footprint.code);
    const series = publicSeries(atFootprint, suppressed);
    const view = primary ? primarySpc(item.data, scored, atFootprint, definition.spcProfile) : indicatorSpc(definition, footprint.code, '', atFootprint);
    const places = footprint.places.map((place) => {
      const own = publicSeries(mine.filter((v) => v.areaCode === place.code), suppressed);
      return { code: place.code, name: place.name, latest: own.at(-1) ?? null };
    });
    indicators.push({
      id: definition.id,
      name: definition.name,
      definition: definition.definition,
      source: definition.source,
      unit: scale === 1 ? definition.unit : scored.unit,
      polarity: definition.polarity,
      role: link.role,
      series,
      suppressedCount: series.filter((p) => p.suppressed).length,
      spc: view.spc,
      spcReason: view.reason,
      places,
      synthetic: view.synthetic || places.some((p) => p.latest?.synthetic),
    });
  }
  const outcomes = await new OutcomeStore(sql).forPlanItems([{ kind: 'ambition', id: ambitionId }]);
  return {
    footprint: { code: footprint.code, name: footprint.name },
    plan: planOf(tree),
    ambition: { ...summaryOf(scored, suppressed, footprint.code), trajectory: scored.trajectory },
    indicators,
    unpublished,
    outcomes: outcomes.map(publicOutcome),
    suppressionWords: SUPPRESSION_WORDS,
  };
}

/** A part of the published plan a consultation changed, named and linked for the public. */
export interface PublicPlanChange {
  kind: PlanItemKind;
  label: string;
  href: string;
}

const KIND_WORDS: Record<PlanItemKind, string> = { priority: 'Priority', ambition: 'Ambition', programme: 'Programme', decision: 'Decision' };

/**
 * What a consultation's "we did" changed in the current published plan, each item named and linked
 * to its public page (an ambition to its own page; priorities and programmes to the plan, where they
 * are listed). Items no longer in the current plan, and governance decisions (which have no public
 * page), are left out. Empty when the footprint has no published plan.
 */
export async function planChangesOf(sql: SqlClient, footprint: Pick<ScorecardFootprint, 'code' | 'name'>, consultationId: string): Promise<PublicPlanChange[]> {
  const outcomes = await new OutcomeStore(sql).forConsultation(consultationId);
  const refs = outcomes.flatMap((o) => o.planItems);
  if (refs.length === 0) return [];
  let tree: PlanTree;
  try {
    tree = await currentPlan(new PartnershipStore(sql), footprint);
  } catch (error) {
    if (error instanceof EngageNotFoundError) return [];
    throw error;
  }
  const names = new Map<string, string>([
    ...tree.ambitions.map((a) => [`ambition/${a.id}`, a.data.statement] as const),
    ...tree.priorities.map((p) => [`priority/${p.id}`, p.data.name] as const),
    ...tree.priorities.flatMap((p) => p.programmes.map((g) => [`programme/${g.id}`, g.data.name] as const)),
  ]);
  const seen = new Set<string>();
  return refs.flatMap((r) => {
    const key = `${r.kind}/${r.id}`;
    const name = names.get(key);
    if (seen.has(key) || !name) return [];
    seen.add(key);
    const href = r.kind === 'ambition' ? `/public/plan/ambitions/${encodeURIComponent(r.id)}` : '/public/plan';
    return [{ kind: r.kind, label: `${KIND_WORDS[r.kind]}: ${name}`, href }];
  });
}
