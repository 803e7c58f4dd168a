import { compareWithBenchmark, rateLimits, wilsonInterval, type Comparison } from '@footprint/statistics';
import { IndicatorValueStore } from '../indicators/store';
import type { AreaType, IndicatorDefinition, IndicatorValue } from '../types';
import { funnelFor } from './funnel';
import { COMPARISON_LEVELS, type ComparisonArea, type ComparisonLevel, type ComparisonRow, type IndicatorComparison } from './types';

/** A comparison that cannot be made as asked (bad level, period or place): the API answers 400 or 404. */
export class ComparisonInputError extends Error {
  override readonly name = 'ComparisonInputError';
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

export const ENGLAND = { code: 'E92000001', name: 'England' } as const;

export interface ComparisonInput {
  indicator: IndicatorDefinition;
  values: readonly IndicatorValue[] | IndicatorValueStore;
  level: ComparisonLevel;
  /** A month YYYY-MM; default the latest with values at this level. */
  period?: string;
  footprint: { code: string; name: string; places: readonly { code: string; name: string }[] };
  /** For practices: only those of this place (a place of the footprint). */
  place?: string;
  /** Practice → place (from the warehouse's organisations), to put practices in their place. */
  practicePlaces?: ReadonlyMap<string, string>;
  /** Names by area code (practices, other footprints); codes are shown where unknown. */
  names?: ReadonlyMap<string, string>;
}

export const COMPARISON_METHODS: IndicatorComparison['methods'] = {
  funnel:
    "As PHEindicatormethods (calculate_funnel_limits, assign_funnel_significance, calculate_funnel_points): the centre is Σ numerators / Σ denominators of the areas shown; limits are Wilson-based for proportions and exact Poisson for rates and ratios, at 95% (p = 0.025 each side) and 99.8% (p = 0.001). Each area is High or Low at 0.025 or 0.001, or Not significant. Rate points sit at their derived one-year denominator (multiplier × events / rate).",
  benchmark:
    "As Fingertips: an area whose 95% confidence interval lies wholly above the benchmark's value is higher, wholly below lower, otherwise similar; the polarity makes higher and lower better and worse ('RAG - High is good', 'RAG - Low is good'), Blue-orange-blue keeps Higher and Lower, and 'Not applicable' is not compared. Values without limits get them from their numerator and denominator (Wilson for a proportion, Byar's or exact Poisson for a crude rate) where they can.",
};

const LEVEL_AREA: Record<ComparisonLevel, AreaType> = { places: 'place', practices: 'practice', footprints: 'footprint' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

async function valuesOf(source: ComparisonInput['values'], indicatorId: string): Promise<IndicatorValue[]> {
  const all = source instanceof IndicatorValueStore ? await source.list({ indicatorId, breakdown: '' }) : source.filter((v) => v.indicatorId === indicatorId && v.breakdown === '');
  return all.filter((v) => v.value !== null);
}

/** Fills 95% and 99.8% limits from numerator and denominator where the value has none. */
function withLimits(v: IndicatorValue, indicator: IndicatorDefinition): IndicatorValue & { limitsComputed: boolean } {
  if (v.lower95 !== null && v.upper95 !== null) return { ...v, limitsComputed: false };
  const { numerator: n, denominator: d } = v;
  if (n === null || d === null || !(d > 0) || n < 0) return { ...v, limitsComputed: false };
  if (indicator.statistic === 'proportion' && n <= d) {
    const a = wilsonInterval(n, d, 0.95, indicator.multiplier);
    const b = wilsonInterval(n, d, 0.998, indicator.multiplier);
    return { ...v, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper, limitsComputed: true };
  }
  if (indicator.statistic === 'crude-rate') {
    const a = rateLimits(n, d, indicator.multiplier, 0.95);
    const b = rateLimits(n, d, indicator.multiplier, 0.998);
    return { ...v, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper, limitsComputed: true };
  }
  return { ...v, limitsComputed: false };
}

/**
 * Compares an indicator's areas for a period: places with each other and with the footprint,
 * practices within a place (benchmark: the footprint), or footprints with each other (benchmark:
 * England, where imported). Gives the funnel plot and, for each area, Better / Similar / Worse
 * (Higher / Lower for Blue-orange-blue) against the benchmark and its funnel significance.
 */
export async function compareAreas(input: ComparisonInput): Promise<IndicatorComparison> {
  const { indicator, level, footprint } = input;
  if (!COMPARISON_LEVELS.includes(level)) throw new ComparisonInputError(`level must be one of ${COMPARISON_LEVELS.join(', ')} (got ${JSON.stringify(level)})`);
  if (input.period !== undefined && !MONTH.test(input.period)) throw new ComparisonInputError(`period must be a month YYYY-MM (got ${JSON.stringify(input.period)})`);
  const placeNames = new Map(footprint.places.map((p) => [p.code, p.name]));
  let place: { code: string; name: string } | null = null;
  if (input.place !== undefined) {
    if (level !== 'practices') throw new ComparisonInputError('place= narrows practices only: give it with level=practices');
    const name = placeNames.get(input.place);
    if (!name) throw new ComparisonInputError(`${input.place} is not a place of ${footprint.name}`, 404);
    place = { code: input.place, name };
  }
  const areaType = LEVEL_AREA[level];
  const all = await valuesOf(input.values, indicator.id);
  const notes: string[] = [];
  const inScope = (v: IndicatorValue) => {
    if (v.areaType !== areaType) return false;
    if (level === 'places') return placeNames.has(v.areaCode);
    if (level === 'practices') {
      const home = input.practicePlaces?.get(v.areaCode);
      if (place) return home === place.code;
      return input.practicePlaces ? home !== undefined && placeNames.has(home) : true;
    }
    return true;
  };
  const scoped = all.filter(inScope);
  const periods = [...new Set(scoped.map((v) => v.period))].sort().reverse();
  const period = input.period ?? periods[0] ?? null;
  const benchmarkArea: ComparisonArea = level === 'footprints' ? { ...ENGLAND, type: 'england' } : { code: footprint.code, name: footprint.name, type: 'footprint' };
  const benchmarkValue = period ? all.find((v) => v.areaType === benchmarkArea.type && v.areaCode === benchmarkArea.code && v.period === period) : undefined;
  const benchmark = benchmarkValue ? { ...benchmarkArea, value: benchmarkValue.value as number, lower95: benchmarkValue.lower95, upper95: benchmarkValue.upper95 } : null;
  if (!benchmark) notes.push(level === 'footprints' ? `No England value${period ? ` for ${period}` : ''} is imported, so footprints are not compared with a benchmark.` : `${footprint.name} has no value${period ? ` for ${period}` : ''}, so there is no benchmark.`);

  const current = period ? scoped.filter((v) => v.period === period).map((v) => withLimits(v, indicator)) : [];
  if (!current.length) notes.push(`No ${level} have values${period ? ` for ${period}` : ''}.`);
  if (level === 'footprints' && new Set(current.map((v) => v.areaCode)).size === 1) notes.push('Only one footprint has values: footprints are compared where more than one is imported.');
  const outcome = funnelFor(indicator, current);
  notes.push(...outcome.notes.filter((n) => current.length || !n.startsWith('No funnel plot: it needs')));
  const nameOf = (code: string) => (level === 'places' ? placeNames.get(code) : undefined) ?? (code === footprint.code ? footprint.name : undefined) ?? input.names?.get(code) ?? code;
  const rows: ComparisonRow[] = current
    .map((v) => ({
      area: { code: v.areaCode, name: nameOf(v.areaCode), type: v.areaType },
      value: v.value as number,
      numerator: v.numerator,
      denominator: v.denominator,
      lower95: v.lower95,
      upper95: v.upper95,
      lower998: v.lower998,
      upper998: v.upper998,
      limitsComputed: v.limitsComputed,
      synthetic: v.synthetic,
      comparison: compareWithBenchmark({ lower: v.lower95, upper: v.upper95, benchmark: benchmark?.value ?? null, polarity: indicator.polarity }),
      significance: outcome.significance.get(v.areaCode) ?? null,
      funnelX: outcome.x.get(v.areaCode) ?? null,
    }))
    .sort((a, b) => a.area.name.localeCompare(b.area.name));
  const counts: Partial<Record<Comparison, number>> = {};
  for (const r of rows) counts[r.comparison] = (counts[r.comparison] ?? 0) + 1;
  return {
    indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity, statistic: indicator.statistic, multiplier: indicator.multiplier },
    level,
    period: period ?? '',
    periods,
    place,
    benchmark,
    rows,
    funnel: outcome.funnel,
    notes,
    counts,
    methods: COMPARISON_METHODS,
  };
}
