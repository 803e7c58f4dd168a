/**
 * Quantile functions of the chi-square and Student t distributions, from the stdlib project
 * (@stdlib/stats-base-dists-*-quantile, ports of well-tested algorithms), and the two-sided normal
 * quantile for a confidence level.
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { logGamma, regularisedGammaP, regularisedGammaQ } from './gamma';
import { inverseNormal } from './inverse-normal';

/** The p-quantile of the chi-square distribution with k degrees of freedom; 0 when k is 0 (as R's qchisq). */
export function chiSquareQuantile(p: number, k: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be from 0 to 1, got ${p}`);
  if (!(k >= 0)) throw new RangeError(`degrees of freedom must be 0 or more, got ${k}`);
  if (k === 0) return 0;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  return polish(p, k, chisquareQuantile(p, k));
}

/**
 * Newton steps on the chi-square CDF from stdlib's estimate, until the step is below 1e-13 of x:
 * stdlib's quantile alone drifts at large degrees of freedom. The tail nearer to p is used so that
 * p close to 1 keeps its precision.
 */
function polish(p: number, k: number, start: number): number {
  const a = k / 2;
  let x = start > 0 && Number.isFinite(start) ? start : k;
  for (let i = 0; i < 50; i++) {
    const h = x / 2;
    // F(x) − p, from whichever tail is the more precise.
    const error = p < 0.5 ? regularisedGammaP(a, h) - p : 1 - p - regularisedGammaQ(a, h);
    const density = Math.exp((a - 1) * Math.log(h) - h - logGamma(a) - Math.LN2);
    let next = x - error / density;
    if (!(next > 0)) next = x / 2;
    if (Math.abs(next - x) <= 1e-13 * x) return next;
    x = next;
  }
  return x;
}

/** The p-quantile of Student's t distribution with v degrees of freedom. */
export function studentTQuantile(p: number, v: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be from 0 to 1, got ${p}`);
  if (!(v > 0)) throw new RangeError(`degrees of freedom must be above 0, got ${v}`);
  return tQuantile(p, v);
}

/** Checks a confidence level is a proportion from 0.9 to 1, as PHEindicatormethods requires. */
export function checkConfidence(confidence: number): void {
  if (!(confidence >= 0.9 && confidence <= 1)) throw new RangeError(`confidence must be from 0.9 to 1, got ${confidence}`);
}

/** The two-sided standard normal quantile for a confidence level (0.95 → 1.959964). */
export function zFor(confidence: number): number {
  return inverseNormal(1 - (1 - confidence) / 2);
}
