import { TRIPLE_AIM_GAPS, TRIPLE_AIM_LABELS, type AmbitionData, type Item, type PlanData, type PlanTree } from '@footprint/partnership';
import { INDICATORS } from '../indicators/catalogue';
import { IndicatorValueStore } from '../indicators/store';
import type { AmbitionTarget } from '../indicators/targets';
import type { IndicatorDefinition, IndicatorValue } from '../types';
import { noDataCell, scorecardCell } from './cell';
import { isMonth } from './periods';
import { TREND_MINIMUM_POINTS, TREND_MONTHS } from './trend';
import type { PlanDirection, Scorecard, ScorecardAmbition, ScorecardArea, ScorecardGap, ScorecardIndicatorRef, ScorecardStatus } from './types';

/** Input the scorecard cannot be built from (a bad period): the API answers 400 with the message. */
export class ScorecardInputError extends Error {
  override readonly name = 'ScorecardInputError';
}

export interface ScorecardFootprint {
  code: string;
  name: string;
  places: readonly { code: string; name: string }[];
}

export interface ScorecardInput {
  /** The plan version (readPlanTree): only its plan and ambitions are read. */
  plan: Pick<PlanTree, 'plan' | 'ambitions'>;
  values: readonly IndicatorValue[] | IndicatorValueStore;
  catalogue?: readonly IndicatorDefinition[];
  footprint: ScorecardFootprint;
  /** A month YYYY-MM: values after it are ignored. Default: the latest there is. */
  period?: string;
}

export const SCORECARD_METHODS: Scorecard['methods'] = {
  trajectory:
    "The plan's path runs from the baseline through each trajectory point to the target, each dated by its month. The trajectory for a month is interpolated linearly between the points either side; after the target date it stays at the target; before the baseline there is none.",
  gap: "Gap to trajectory = latest value − the trajectory for the latest value's month, in the ambition's units. It is better or worse by the primary indicator's polarity (for a Blue-orange-blue indicator, by whether the target is above or below the baseline).",
  spc: "An XmR chart (NHSRplotthedots 0.2.2 rules, or the indicator's SPC profile) on the primary indicator's whole monthly series up to the period, improving in the plan's direction, with the trajectory as each point's target. The variation icon is the latest point's; assurance is of the latest group against the trajectory.",
  trend: `The least-squares slope of the values of the ${TREND_MONTHS} months ending the period, with its 95% confidence interval (Student's t, n − 2 degrees of freedom): improving or worsening when the interval excludes 0, otherwise no significant change; fewer than ${TREND_MINIMUM_POINTS} values, too few points.`,
  status: 'On track when the latest value is level with or better than the trajectory; off track when it is worse; no data when the ambition has no primary indicator, no values yet, or only values before its baseline.',
};

const month = (date: string) => date.slice(0, 7);

/** Which way the plan wants the measure to go: the indicator's polarity, else baseline → target. */
export function planDirection(ambition: Pick<AmbitionData, 'baseline' | 'target'>, indicator?: IndicatorDefinition): PlanDirection {
  if (indicator?.polarity === 'RAG - High is good') return 'higher';
  if (indicator?.polarity === 'RAG - Low is good') return 'lower';
  return ambition.target.value < ambition.baseline.value ? 'lower' : 'higher';
}

/**
 * What the indicator's values are multiplied by to read in the ambition's units: 12 when the
 * ambition measures a year ("… per 1,000 a year") and the indicator is a crude rate counted in the
 * month; otherwise 1.
 */
export function ambitionScale(ambition: Pick<AmbitionData, 'measure'>, indicator: IndicatorDefinition): { scale: number; words: string | null } {
  if (/\ba year\b/i.test(ambition.measure) && indicator.statistic === 'crude-rate' && /\bin the month\b/i.test(indicator.definition)) {
    return { scale: 12, words: `${indicator.name} counts a month; the ambition measures a year, so each monthly value is multiplied by 12 (an annualised rate).` };
  }
  return { scale: 1, words: null };
}

/**
 * An ambition as its primary indicator's SPC is judged against it: the plan's path, the scale to
 * the ambition's units and the plan's direction. The scorecard, the drill-down and the indicator
 * page's `ambition=` all use this, and `targetsFor` turns it into each month's trajectory.
 */
export function ambitionTarget(item: Item<AmbitionData>, indicator: IndicatorDefinition): AmbitionTarget {
  const a = item.data;
  const { scale, words } = ambitionScale(a, indicator);
  return { id: item.id, statement: a.statement, path: a, scale, scaleWords: words, unit: a.unit, direction: planDirection(a, indicator) };
}

export function indicatorRefs(ambition: AmbitionData, catalogue: readonly IndicatorDefinition[]): ScorecardIndicatorRef[] {
  const byId = new Map(catalogue.map((i) => [i.id, i]));
  const refs = ambition.indicators.map((link) => {
    const d = byId.get(link.id);
    return { id: link.id, name: d?.name ?? link.id, role: link.role, unit: d?.unit ?? '', polarity: d?.polarity ?? 'Not applicable', known: !!d } satisfies ScorecardIndicatorRef;
  });
  return refs.sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1));
}

async function valuesFor(source: ScorecardInput['values'], indicatorIds: readonly string[]): Promise<IndicatorValue[]> {
  if (source instanceof IndicatorValueStore) return (await Promise.all(indicatorIds.map((indicatorId) => source.list({ indicatorId, breakdown: '' })))).flat();
  const wanted = new Set(indicatorIds);
  return source.filter((v) => wanted.has(v.indicatorId) && v.breakdown === '');
}

export function checkPeriod(period: string | undefined): string | null {
  if (period === undefined) return null;
  if (!isMonth(period)) throw new ScorecardInputError(`period must be a month YYYY-MM (got ${JSON.stringify(period)})`);
  return period;
}

/** One ambition of the scorecard, from the values of its primary indicator. */
export function scorecardAmbition(item: Item<AmbitionData>, values: readonly IndicatorValue[], catalogue: readonly IndicatorDefinition[], footprint: ScorecardFootprint, period: string | null): ScorecardAmbition {
  const a = item.data;
  const indicators = indicatorRefs(a, catalogue);
  const primaryRef = indicators.find((i) => i.role === 'primary') ?? null;
  const primary = primaryRef ? catalogue.find((i) => i.id === primaryRef.id) : undefined;
  const direction = planDirection(a, primary);
  const { scale, words: scaleWords } = primary ? ambitionScale(a, primary) : { scale: 1, words: null };
  const footprintArea: ScorecardArea = { code: footprint.code, name: footprint.name, type: 'footprint' };
  const placeAreas: ScorecardArea[] = footprint.places.map((p) => ({ code: p.code, name: p.name, type: 'place' }));
  const cell = (area: ScorecardArea) => {
    if (!primaryRef) return noDataCell(area, `No data yet: the ambition links no primary indicator${indicators.length ? ` (only supporting ones: ${indicators.map((i) => i.name).join(', ')})` : ''}, so nothing measures it directly.`);
    if (!primary) return noDataCell(area, `No data yet: the primary indicator ${primaryRef.id} is not in the catalogue.`);
    if (!primary.areaTypes.includes(area.type)) return noDataCell(area, `No data: ${primary.name} is not given for ${area.type === 'place' ? 'places' : 'the footprint'}.`);
    const mine = values.filter((v) => v.indicatorId === primary.id && v.areaCode === area.code && v.areaType === area.type);
    return scorecardCell({ area, values: mine, indicator: primary, ambition: ambitionTarget(item, primary), period });
  };
  return {
    id: item.id,
    statement: a.statement,
    gap: a.gap,
    measure: a.measure,
    unit: a.unit,
    baseline: { value: a.baseline.value, period: month(a.baseline.date) },
    target: { value: a.target.value, period: month(a.target.date) },
    trajectory: a.trajectory.map((p) => ({ value: p.value, period: month(p.date) })),
    illustrative: a.illustrative ?? false,
    note: a.note ?? null,
    direction,
    primary: primaryRef,
    indicators,
    scale,
    scaleWords,
    footprint: cell(footprintArea),
    places: placeAreas.map(cell),
  };
}

/**
 * The plan's scorecard: every ambition, grouped by triple-aim gap (health and wellbeing, care and
 * quality, finance and efficiency), for the footprint and each place. Ambitions without values
 * stay, saying "no data yet". Methods: SCORECARD_METHODS (docs/performance.md §5).
 */
export async function buildScorecard(input: ScorecardInput): Promise<Scorecard> {
  const period = checkPeriod(input.period);
  const catalogue = input.catalogue ?? INDICATORS;
  const ambitions = [...input.plan.ambitions].sort((a, b) => a.id.localeCompare(b.id));
  const ids = [...new Set(ambitions.flatMap((a) => a.data.indicators.filter((l) => l.role === 'primary').map((l) => l.id)))];
  const values = (await valuesFor(input.values, ids)).filter((v) => v.value !== null && (period === null || v.period <= period));
  const built = ambitions.map((a) => scorecardAmbition(a, values, catalogue, input.footprint, period));
  const gaps: ScorecardGap[] = TRIPLE_AIM_GAPS.map((gap) => {
    const mine = built.filter((a) => a.gap === gap);
    const counts: Record<ScorecardStatus, number> = { 'on-track': 0, 'off-track': 0, 'no-data': 0 };
    for (const a of mine) counts[a.footprint.status]++;
    return { gap, label: TRIPLE_AIM_LABELS[gap], ambitions: mine, counts };
  });
  const plan: Item<PlanData> = input.plan.plan;
  const periods = built.flatMap((a) => [a.footprint, ...a.places]).map((c) => c.latest?.period).filter((p): p is string => !!p);
  return {
    plan: { id: plan.id, name: plan.data.name, version: plan.data.version },
    footprint: { code: input.footprint.code, name: input.footprint.name },
    places: input.footprint.places.map((p) => ({ code: p.code, name: p.name })),
    period,
    latestPeriod: periods.length ? periods.sort().at(-1)! : null,
    gaps,
    methods: SCORECARD_METHODS,
  };
}
