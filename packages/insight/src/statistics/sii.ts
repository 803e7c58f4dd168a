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

/** Student's t quantile by bisection on the regularised incomplete beta function. */
export function tQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbeta = logGamma(a + b) - logGamma(a) - logGamma(b);
  const front = Math.exp(Math.log(x) * a + Math.log(1 - x) * b + lbeta);
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(Math.log(1 - x) * b + Math.log(x) * a + lbeta) * continuedFraction(1 - x, b, a)) / b;
}

function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

function logGamma(z: number): number {
  const g = 7;
  const coef = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  z -= 1;
  let x = coef[0];
  for (let i = 1; i < g + 2; i++) x += coef[i] / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}
