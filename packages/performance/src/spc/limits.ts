import { LIMIT_FACTOR, SCREEN_FACTOR, TWO_SIGMA_FACTOR } from './profiles';

export interface GroupLimits {
  mean: number;
  /** The average moving range used for the limits (after screening, where the profile screens). */
  averageMovingRange: number;
  lpl: number;
  upl: number;
  lowerTwoSigma: number;
  upperTwoSigma: number;
}

const average = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The mean and limits of one group: on its first `fixAfter` values when given, moving ranges
 * |x_i − x_{i−1}| between them, moving ranges at or above 3.267 × their average dropped once
 * when `screenOutliers`, limits at mean ± 2.66 × average MR and 2σ lines at mean ± 1.7733 × average MR.
 */
export function groupLimits(values: readonly number[], screenOutliers: boolean, fixAfter?: number): GroupLimits {
  const basis = fixAfter === undefined ? values : values.slice(0, fixAfter);
  const mean = average(basis);
  const ranges: number[] = [];
  for (let i = 1; i < basis.length; i++) ranges.push(Math.abs(basis[i] - basis[i - 1]));
  let amr = ranges.length > 0 ? average(ranges) : Number.NaN;
  if (screenOutliers && ranges.length > 0) {
    const kept = ranges.filter((r) => r < SCREEN_FACTOR * amr);
    // All ranges are screened out only when every one is 0 (a flat series): NHSRplotthedots then gives
    // NaN limits; here the average stays 0, so the limits sit on the mean.
    amr = kept.length > 0 ? average(kept) : amr;
  }
  return {
    mean,
    averageMovingRange: amr,
    lpl: mean - LIMIT_FACTOR * amr,
    upl: mean + LIMIT_FACTOR * amr,
    lowerTwoSigma: mean - TWO_SIGMA_FACTOR * amr,
    upperTwoSigma: mean + TWO_SIGMA_FACTOR * amr,
  };
}
