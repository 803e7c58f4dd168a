import { studentTQuantile } from '@footprint/statistics';

/**
 * The slope index of inequality (SII): the absolute gap in a rate across the whole deprivation
 * gradient, from a regression of each group's rate on the mid-point of its cumulative population
 * rank (0 = most deprived, 1 = least deprived), weighted by population.
 */
export interface SiiGroup {
  /** Groups in order from most to least deprived (e.g. IMD decile 1 … 10). */
  rate: number;
  population: number;
}

export interface SiiResult {
  /** Modelled rate at the most deprived end minus at the least deprived end (positive: worse in deprived areas). */
  sii: number;
  lower: number;
  upper: number;
  /** Modelled rates at rank 0 (most deprived) and rank 1 (least deprived). */
  mostDeprived: number;
  leastDeprived: number;
  /** The relative index of inequality: mostDeprived / leastDeprived (null when the latter ≤ 0). */
  rii: number | null;
}

/**
 * Weighted least squares of rate on rank mid-point with weights = population; the CI is
 * slope ± t(k−2)·SE with the usual WLS standard error (residual variance on k − 2 degrees of
 * freedom). Needs at least 3 groups with population.
 */
export function slopeIndexOfInequality(groups: readonly SiiGroup[], confidence = 0.95): SiiResult | null {
  const used = groups.filter((g) => g.population > 0 && Number.isFinite(g.rate));
  if (used.length < 3) return null;
  const total = used.reduce((s, g) => s + g.population, 0);
  let cumulative = 0;
  const xs = used.map((g) => {
    const mid = (cumulative + g.population / 2) / total;
    cumulative += g.population;
    return mid;
  });
  const w = used.map((g) => g.population);
  const y = used.map((g) => g.rate);
  const sw = w.reduce((a, b) => a + b, 0);
  const xbar = xs.reduce((s, x, i) => s + w[i] * x, 0) / sw;
  const ybar = y.reduce((s, v, i) => s + w[i] * v, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < used.length; i++) {
    sxx += w[i] * (xs[i] - xbar) ** 2;
    sxy += w[i] * (xs[i] - xbar) * (y[i] - ybar);
  }
  const slope = sxy / sxx;
  const intercept = ybar - slope * xbar;
  let rss = 0;
  for (let i = 0; i < used.length; i++) rss += w[i] * (y[i] - intercept - slope * xs[i]) ** 2;
  const df = used.length - 2;
  // The WLS standard error is unchanged by scaling the weights, so populations can be used as they are.
  const se = Math.sqrt(rss / df / sxx);
  const t = tQuantile(1 - (1 - confidence) / 2, df);
  const mostDeprived = intercept;
  const leastDeprived = intercept + slope;
  return {
    sii: -slope,
    lower: -slope - t * se,
    upper: -slope + t * se,
    mostDeprived,
    leastDeprived,
    rii: leastDeprived > 0 ? mostDeprived / leastDeprived : null,
  };
}

/** Student's t quantile, from @footprint/statistics (the one implementation insight and performance share). */
export function tQuantile(p: number, df: number): number {
  return studentTQuantile(p, df);
}
