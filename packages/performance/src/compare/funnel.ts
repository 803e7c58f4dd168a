import { funnelLimits, funnelPlotPoints, funnelSignificance, type FunnelOptions, type FunnelPointInput, type FunnelSignificance } from '@footprint/statistics';
import type { IndicatorDefinition, IndicatorValue } from '../types';
import type { FunnelLine, FunnelPlot } from './types';

export interface FunnelOutcome {
  funnel: FunnelPlot | null;
  /** By area code, for the rows on the funnel. */
  significance: Map<string, FunnelSignificance>;
  x: Map<string, number>;
  notes: string[];
}

/** The funnel statistic for an indicator's statistic type, or null where PHEindicatormethods has none. */
export function funnelOptionsFor(indicator: IndicatorDefinition): FunnelOptions | null {
  switch (indicator.statistic) {
    case 'proportion':
      return { statistic: 'proportion', multiplier: indicator.multiplier };
    case 'crude-rate':
      return { statistic: 'rate', rateType: 'crude', multiplier: indicator.multiplier, yearsOfData: 1 };
    case 'directly-standardised-rate':
      return { statistic: 'rate', rateType: 'dsr', multiplier: indicator.multiplier, yearsOfData: 1 };
    case 'indirectly-standardised-ratio':
      return { statistic: 'ratio', multiplier: indicator.multiplier, ratioType: indicator.multiplier === 100 ? 'isr' : 'count' };
    default:
      return null;
  }
}

const line = (points: Array<[number | undefined, number]>): FunnelLine =>
  points.filter((p): p is [number, number] => p[0] !== undefined && Number.isFinite(p[0]) && Number.isFinite(p[1])).sort((a, b) => a[0] - b[0]);

/**
 * A funnel plot of the rows as PHEindicatormethods builds one (calculate_funnel_limits,
 * assign_funnel_significance, calculate_funnel_points): rows without a numerator and denominator
 * stay off it, and so does a funnel of fewer than two areas.
 */
export function funnelFor(indicator: IndicatorDefinition, rows: readonly IndicatorValue[]): FunnelOutcome {
  const empty = (note: string): FunnelOutcome => ({ funnel: null, significance: new Map(), x: new Map(), notes: [note] });
  const options = funnelOptionsFor(indicator);
  if (!options) return empty(`No funnel plot: funnels are drawn for proportions, rates and ratios, and ${indicator.name} is a ${indicator.statistic}; its areas are compared with the benchmark by their confidence intervals only.`);
  const usable = rows.filter((r) => r.numerator !== null && r.numerator >= 0 && (options.statistic === 'rate' ? r.value !== null && (r.numerator > 0 ? r.value > 0 : (r.denominator ?? 0) > 0) : (r.denominator ?? 0) > 0));
  const notes: string[] = [];
  const left = rows.length - usable.length;
  if (left) notes.push(`${left} area${left === 1 ? '' : 's'} without a numerator and denominator ${left === 1 ? 'is' : 'are'} left off the funnel.`);
  if (options.statistic === 'rate' && options.rateType === 'dsr') {
    const few = usable.filter((r) => (r.numerator as number) < 10).length;
    if (few) notes.push(`${few} area${few === 1 ? '' : 's'} with fewer than 10 events ${few === 1 ? 'is' : 'are'} not assessed (a DSR is suppressed below 10 events).`);
  }
  if (usable.length < 2) return { ...empty(''), notes: [...notes, `No funnel plot: it needs at least two areas with a numerator and denominator (${usable.length} here).`] };
  const inputs: FunnelPointInput[] = usable.map((r) => ({ numerator: r.numerator as number, denominator: r.denominator ?? undefined, rate: r.value ?? undefined }));
  const table = funnelLimits(inputs, options);
  const labels = funnelSignificance(inputs, options);
  const significance = new Map(usable.map((r, i) => [r.areaCode, labels[i]]));
  const x = new Map<string, number>();
  if (options.statistic === 'rate') {
    const points = funnelPlotPoints(
      usable.map((r) => ({ numerator: r.numerator as number, rate: r.value, denominator: r.denominator })),
      { rateType: options.rateType ?? 'crude', yearsOfData: 1, multiplier: options.multiplier },
    );
    usable.forEach((r, i) => points[i].denominatorDerived !== null && x.set(r.areaCode, points[i].denominatorDerived as number));
  } else usable.forEach((r) => x.set(r.areaCode, r.denominator as number));
  const prop = options.statistic === 'proportion';
  const average = table[0].baseline ?? (options.ratioType === 'isr' ? 100 : 0);
  const funnel: FunnelPlot = {
    statistic: options.statistic,
    average,
    xLabel: prop ? 'Denominator' : options.statistic === 'rate' ? 'Population (one year)' : 'Expected events',
    yLabel: `${indicator.name} (${indicator.unit})`,
    lower95: line(table.map((r) => [prop ? r.point : r.lower2sDenominator, r.lower2s])),
    upper95: line(table.map((r) => [prop ? r.point : r.upper2sDenominator, r.upper2s])),
    lower998: line(table.map((r) => [prop ? r.point : r.lower3sDenominator, r.lower3s])),
    upper998: line(table.map((r) => [prop ? r.point : r.upper3sDenominator, r.upper3s])),
  };
  return { funnel, significance, x, notes };
}
