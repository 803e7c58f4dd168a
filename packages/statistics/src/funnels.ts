/**
 * Funnel plot limits and significance, as PHEindicatormethods' calculate_funnel_limits and
 * assign_funnel_significance: Wilson-based limits for proportions and exact Poisson limits for
 * ratios and rates, at two (p = 0.025 each side, "2s") and three (p = 0.001, "3s") sigma, over 100
 * denominators (or event counts) spread across the plot's axis.
 */
import { countLimits } from './poisson';
import { inverseNormal } from './inverse-normal';
import { chiSquareQuantile } from './quantiles';

export type FunnelStatistic = 'proportion' | 'ratio' | 'rate';

/** R's round(): to the nearest integer, halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Rounds down to a "nice" number a little below x (95% of x, to its first digit). */
function niceFloor(x: number): number {
  if (x === 0) return 0;
  const scaled = Math.floor(x * 0.95);
  const power = 10 ** (String(scaled).length - 1);
  return Math.floor((x * 0.95) / power) * power;
}

/** Rounds up to a "nice" number a little above x (105% of x, to its first two digits). */
function niceCeiling(x: number): number {
  if (x === 0) return 0;
  const scaled = Math.ceil(x * 1.05);
  const power = 10 ** (String(scaled).length - 2);
  return Math.ceil((x * 1.05) / power) * power;
}

/**
 * The axis of a funnel plot for the smallest and largest denominator (for rates, the derived
 * denominator over all years): from 0 when the largest is more than twice the smallest.
 */
export function funnelAxis(minimum: number, maximum: number, statistic: FunnelStatistic, yearsOfData = 1): { minimum: number; maximum: number } {
  const years = statistic === 'rate' ? yearsOfData : 1;
  const low = maximum > 2 * minimum ? 0 : niceFloor(minimum / years) * years;
  return { minimum: low, maximum: niceCeiling(maximum / years) * years };
}

/** The 100 points along the axis at which limits are drawn: closer together where they are small. */
export function funnelPoints(axisMinimum: number, axisMaximum: number, statistic: FunnelStatistic): number[] {
  const points = [Math.max(1, axisMinimum)];
  for (let j = 2; j <= 100; j++) {
    const previous = points[j - 2];
    const offset = statistic === 'ratio' ? j - 1 : j;
    const step = roundHalfEven((axisMaximum / previous) ** (1 / (101 - offset)) * previous);
    points.push(Math.max(step, previous + 1));
  }
  return points;
}

/**
 * The proportion (times `multiplier`) at which a Wilson interval at normal quantile Φ⁻¹(p) for a
 * sample of `population` would just touch `average`: the limit of the funnel on that side.
 */
export function proportionFunnelLimit(p: number, population: number, average: number, side: 'low' | 'high', multiplier = 1): number {
  const q2 = inverseNormal(p) ** 2;
  const a = average * (population / q2 + 1);
  const b = 1 / q2 + 1 / population;
  const c = average * (population * (average * (population / q2 + 2) - 1) + q2 * (average - 1));
  const root = Math.sqrt(a * a - b * c);
  const count = (side === 'low' ? a - root : a + root) / b;
  return (count / population) * multiplier;
}

/**
 * The expected count at which an observed count of `observed` would be just significant at
 * one-sided level p: on the 'high' side (the lower limit line) P(X ≤ O) = p, so χ²(1 − p, 2O + 2)/2;
 * on the 'low' side P(X ≥ O) = p, so χ²(p, 2O)/2. Exact, where the reference bisects to 1e-7.
 */
export function poissonFunnelExpected(observed: number, p: number, side: 'low' | 'high'): number {
  return side === 'high' ? chiSquareQuantile(1 - p, 2 * observed + 2) / 2 : chiSquareQuantile(p, 2 * observed) / 2;
}

export interface FunnelRow {
  /** Population (proportions), observed events (ratios) or events (rates). */
  point: number;
  lower2s: number;
  upper2s: number;
  lower3s: number;
  upper3s: number;
  /** The average (times the multiplier) for proportions and rates; undefined for ratios. */
  baseline?: number;
  /** For ratios, the expected events (for rates, the one-year population) on each line. */
  lower2sDenominator?: number;
  upper2sDenominator?: number;
  lower3sDenominator?: number;
  upper3sDenominator?: number;
}

export interface FunnelPointInput {
  numerator: number;
  /** The denominator; for rates, the population (needed where the numerator is 0). */
  denominator?: number;
  /** For rates only: the rate per `multiplier`, from which the denominator is derived. */
  rate?: number;
}

export interface FunnelOptions {
  statistic: FunnelStatistic;
  multiplier: number;
  /** Ratios: 'count' gives O/E − 1, 'isr' gives O/E × 100. */
  ratioType?: 'count' | 'isr';
  /** Rates: 'dsr' ignores records with no events; 'crude' uses their denominator. */
  rateType?: 'dsr' | 'crude';
  yearsOfData?: number;
}

function derivedDenominator(row: FunnelPointInput, options: FunnelOptions): number | null {
  if (options.statistic !== 'rate') {
    if (row.denominator === undefined || !(row.denominator > 0)) throw new RangeError('denominators must be above 0');
    return row.denominator;
  }
  if (row.numerator === 0) {
    if (options.rateType === 'dsr') return null;
    if (row.denominator === undefined || !(row.denominator > 0)) throw new RangeError('a rate with 0 events needs a denominator');
    return row.denominator;
  }
  if (row.rate === undefined || !(row.rate > 0)) throw new RangeError('a rate with events needs a rate above 0');
  return (options.multiplier * row.numerator) / row.rate;
}

/** The overall average and the smallest and largest denominators, as the funnel's baseline and axis. */
function summarise(data: readonly FunnelPointInput[], options: FunnelOptions): { average: number; minimum: number; maximum: number } {
  let numerator = 0;
  let denominator = 0;
  let minimum = Infinity;
  let maximum = -Infinity;
  for (const row of data) {
    if (!(row.numerator >= 0)) throw new RangeError('numerators must be 0 or more');
    if (options.statistic === 'proportion' && row.denominator !== undefined && row.numerator > row.denominator) {
      throw new RangeError('numerators must not exceed denominators for proportions');
    }
    numerator += row.numerator;
    const d = derivedDenominator(row, options);
    if (d === null) continue;
    denominator += d;
    minimum = Math.min(minimum, d);
    maximum = Math.max(maximum, d);
  }
  if (!(denominator > 0)) throw new RangeError('a funnel needs at least one denominator');
  return { average: numerator / denominator, minimum, maximum };
}

/** Funnel limits for the given data, as calculate_funnel_limits. */
export function funnelLimits(data: readonly FunnelPointInput[], options: FunnelOptions): FunnelRow[] {
  return funnelLimitsFromSummary(summarise(data, options), options);
}

/**
 * Funnel limits from the data's summary: the average (Σ numerators / Σ denominators) and the
 * smallest and largest (derived) denominators.
 */
export function funnelLimitsFromSummary(
  { average, minimum, maximum }: { average: number; minimum: number; maximum: number },
  options: FunnelOptions,
): FunnelRow[] {
  const years = options.yearsOfData ?? 1;
  if (options.statistic === 'rate' && !(years > 0)) throw new RangeError('rates need yearsOfData above 0');
  let axis = funnelAxis(minimum, maximum, options.statistic, years);
  if (options.statistic === 'rate') axis = { minimum: Math.floor(axis.minimum * average), maximum: Math.ceil(axis.maximum * average) };
  return funnelPoints(axis.minimum, axis.maximum, options.statistic).map((point) => funnelRow(point, average, options));
}

/** One row of a funnel table, for a point on the axis and the funnel's average. */
export function funnelRow(point: number, average: number, options: FunnelOptions): FunnelRow {
  const m = options.multiplier;
  if (options.statistic === 'proportion') {
    // The reference clamps to 0 and 100 whatever the multiplier.
    return {
      point,
      lower2s: Math.max(0, proportionFunnelLimit(0.975, point, average, 'low', m)),
      upper2s: Math.min(100, proportionFunnelLimit(0.975, point, average, 'high', m)),
      lower3s: Math.max(0, proportionFunnelLimit(0.999, point, average, 'low', m)),
      upper3s: Math.min(100, proportionFunnelLimit(0.999, point, average, 'high', m)),
      baseline: average * m,
    };
  }
  const lower2sDenominator = poissonFunnelExpected(point, 0.025, 'high');
  const upper2sDenominator = poissonFunnelExpected(point, 0.025, 'low');
  const lower3sDenominator = poissonFunnelExpected(point, 0.001, 'high');
  const upper3sDenominator = poissonFunnelExpected(point, 0.001, 'low');
  if (options.statistic === 'ratio') {
    const shape = options.ratioType === 'isr' ? (r: number) => r * 100 : (r: number) => r - 1;
    return {
      point,
      lower2s: shape(point / lower2sDenominator),
      upper2s: shape(point / upper2sDenominator),
      lower3s: shape(point / lower3sDenominator),
      upper3s: shape(point / upper3sDenominator),
      lower2sDenominator,
      upper2sDenominator,
      lower3sDenominator,
      upper3sDenominator,
    };
  }
  const years = options.yearsOfData ?? 1;
  const limit = (expected: number) => (point / (expected / average)) * m;
  return {
    point,
    lower2s: limit(lower2sDenominator),
    upper2s: limit(upper2sDenominator),
    lower3s: limit(lower3sDenominator),
    upper3s: limit(upper3sDenominator),
    baseline: average * m,
    lower2sDenominator: lower2sDenominator / average / years,
    upper2sDenominator: upper2sDenominator / average / years,
    lower3sDenominator: lower3sDenominator / average / years,
    upper3sDenominator: upper3sDenominator / average / years,
  };
}

export type FunnelSignificance = 'High (0.001)' | 'High (0.025)' | 'Low (0.001)' | 'Low (0.025)' | 'Not significant' | 'Not applicable for events less than 10 for dsrs';

/**
 * Labels each record High / Low at 0.001 or 0.025, or Not significant, against the funnel's
 * average, as assign_funnel_significance. Proportions compare x/n with the Wilson-based limits;
 * ratios compare 1 with the count's limits over the expected count; rates compare the weighted
 * average with the count's limits over the derived denominator (DSRs under 10 events are not
 * assessed).
 */
export function funnelSignificance(
  data: readonly FunnelPointInput[],
  options: Omit<FunnelOptions, 'yearsOfData' | 'ratioType'> & {
    /** The funnel's average, when `data` is a subset of the records it was computed from. */
    average?: number;
  },
): FunnelSignificance[] {
  const statistic = options.statistic;
  const average = options.average ?? summarise(data, options).average;
  return data.map((row) => {
    const d = derivedDenominator(row, options);
    if (statistic === 'rate' && options.rateType === 'dsr' && row.numerator < 10) return 'Not applicable for events less than 10 for dsrs';
    if (statistic === 'proportion') {
      const n = d as number;
      const p = row.numerator / n;
      if (p < proportionFunnelLimit(0.999, n, average, 'low')) return 'Low (0.001)';
      if (p < proportionFunnelLimit(0.975, n, average, 'low')) return 'Low (0.025)';
      if (p > proportionFunnelLimit(0.999, n, average, 'high')) return 'High (0.001)';
      if (p > proportionFunnelLimit(0.975, n, average, 'high')) return 'High (0.025)';
      return 'Not significant';
    }
    const target = statistic === 'ratio' ? 1 : average;
    const denominator = d as number;
    const wide = countLimits(row.numerator, 0.998);
    const narrow = countLimits(row.numerator, 0.95);
    if (target < wide.lower / denominator) return 'High (0.001)';
    if (target < narrow.lower / denominator) return 'High (0.025)';
    if (target > wide.upper / denominator) return 'Low (0.001)';
    if (target > narrow.upper / denominator) return 'Low (0.025)';
    return 'Not significant';
  });
}
