/**
 * Quantile functions of the chi-square and Student t distributions, from the stdlib project
 * (@stdlib/stats-base-dists-*-quantile, ports of well-tested algorithms), and the two-sided normal
 * quantile for a confidence level.
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { inverseNormal } from './inverse-normal';

/** The p-quantile of the chi-square distribution with k degrees of freedom; 0 when k is 0 (as R's qchisq). */
export function chiSquareQuantile(p: number, k: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be from 0 to 1, got ${p}`);
  if (!(k >= 0)) throw new RangeError(`degrees of freedom must be 0 or more, got ${k}`);
  if (k === 0) return 0;
  return chisquareQuantile(p, k);
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
