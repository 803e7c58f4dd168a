import { spc } from '../spc';
import { improvementOf, type AreaType, type IndicatorDefinition, type IndicatorValue, type SpcResult } from '../types';
import { targetsFor, type AmbitionTarget } from './targets';

/**
 * An indicator's series through SPC: its values (months with a value, oldest first) as points
 * dated the first of the month, improvement from the indicator's polarity, its target or
 * trajectory aligned to the points, and its SPC profile. Shared by the API, the CLI, the
 * scorecard and the board report.
 */

/** What the indicator page, the scorecard and the report read for one area's series. */
export interface IndicatorSpcView {
  indicatorId: string;
  areaCode: string;
  breakdown: string;
  /** The values' unit: the indicator's, or the ambition's when judged against one. */
  unit: string;
  /** The ambition whose trajectory is each point's target (values then read in its units), or null for the catalogue's target. */
  ambition: { id: string; statement: string; scale: number; scaleWords: string | null } | null;
  /** How many months have a value (months with only a note are left out). */
  pointCount: number;
  /** The SPC result, or null when there are too few values (see `reason`). */
  spc: SpcResult | null;
  reason: string | null;
  /** True when any value of the series is synthetic. */
  synthetic: boolean;
}

/** A chart needs at least this many values (spc() itself needs 2). */
export const MIN_SPC_POINTS = 2;

/** Why a series gets no chart, precisely: no values at all, only notes (suppressed months), or too few values. */
function noChartReason(indicator: IndicatorDefinition, where: string, charted: number, values: readonly IndicatorValue[]): string {
  const withoutValue = values.filter((v) => v.value === null);
  const notes = [...new Set(withoutValue.map((v) => v.note).filter((n): n is string => !!n))];
  const noted = withoutValue.length ? ` ${withoutValue.length} month${withoutValue.length === 1 ? ' has' : 's have'} no value${notes.length ? `: ${notes.join(' ')}` : '.'}` : '';
  if (values.length === 0) return `${indicator.name} has no values for ${where}.`;
  if (charted === 0) return `${indicator.name} has no value to chart for ${where}:${noted}`;
  return `SPC needs at least ${MIN_SPC_POINTS} monthly values; ${indicator.name} has ${charted} for ${where}.${noted}`;
}

/**
 * SPC of one area's series of an indicator (values of one area and breakdown, in any order).
 * With an ambition, the values are put in the ambition's units, improvement is the plan's
 * direction and each point's target is the plan's trajectory, exactly as the scorecard judges
 * it; otherwise improvement comes from the polarity and the target from the catalogue.
 */
export function indicatorSpc(indicator: IndicatorDefinition, areaCode: string, breakdown: string, values: readonly IndicatorValue[], ambition?: AmbitionTarget | null): IndicatorSpcView {
  const series = values.filter((v) => v.value !== null).sort((a, b) => a.period.localeCompare(b.period));
  const scale = ambition?.scale ?? 1;
  const base = {
    indicatorId: indicator.id,
    areaCode,
    breakdown,
    unit: ambition ? ambition.unit : indicator.unit,
    ambition: ambition ? { id: ambition.id, statement: ambition.statement, scale, scaleWords: ambition.scaleWords } : null,
    pointCount: series.length,
    synthetic: values.some((v) => v.synthetic),
  };
  if (series.length < MIN_SPC_POINTS) {
    return { ...base, spc: null, reason: noChartReason(indicator, `${areaCode}${breakdown ? ` (${breakdown})` : ''}`, series.length, values) };
  }
  const targets = targetsFor(indicator, series.map((v) => v.period), ambition);
  const improvement = ambition ? (ambition.direction === 'higher' ? 'increase' : 'decrease') : improvementOf(indicator.polarity);
  const result = spc(
    series.map((v) => ({ date: `${v.period}-01`, value: v.value! * scale })),
    { improvement, profile: indicator.spcProfile, ...(targets.some((t) => t !== null) ? { target: targets } : {}) },
  );
  return { ...base, spc: result, reason: null };
}

/** One indicator in the catalogue as the API lists it. */
export interface IndicatorSummaryView extends IndicatorDefinition {
  /** The latest period with any value, or null. */
  latestPeriod: string | null;
  /** The footprint's value for that period (everyone), or null. */
  latestFootprintValue: IndicatorValue | null;
}

/** An area (and breakdowns) an indicator has values for. */
export interface IndicatorAreaView {
  areaCode: string;
  areaType: AreaType;
  name: string | null;
  breakdowns: string[];
  periods: number;
  latestPeriod: string;
  synthetic: boolean;
}

export interface IndicatorDetailView {
  indicator: IndicatorDefinition;
  areas: IndicatorAreaView[];
}

/** The areas and breakdowns of a set of values (one indicator), footprint first, then places, practices, England. */
export function areasOf(values: readonly IndicatorValue[], names: ReadonlyMap<string, string>): IndicatorAreaView[] {
  const byArea = new Map<string, IndicatorAreaView & { months: Set<string> }>();
  for (const v of values) {
    let area = byArea.get(v.areaCode);
    if (!area) {
      area = { areaCode: v.areaCode, areaType: v.areaType, name: names.get(v.areaCode) ?? null, breakdowns: [], periods: 0, latestPeriod: v.period, synthetic: false, months: new Set() };
      byArea.set(v.areaCode, area);
    }
    if (!area.breakdowns.includes(v.breakdown)) area.breakdowns.push(v.breakdown);
    area.months.add(v.period);
    if (v.period > area.latestPeriod) area.latestPeriod = v.period;
    area.synthetic ||= v.synthetic;
  }
  const order: Record<AreaType, number> = { footprint: 0, place: 1, practice: 2, england: 3 };
  return [...byArea.values()]
    .map(({ months, ...area }) => ({ ...area, periods: months.size, breakdowns: area.breakdowns.sort() }))
    .sort((a, b) => order[a.areaType] - order[b.areaType] || (a.name ?? a.areaCode).localeCompare(b.name ?? b.areaCode));
}
