/**
 * Confidence limits for a Poisson count, and crude rates built on them, as PHEindicatormethods'
 * phe_rate: the exact limits (from chi-square quantiles) below 10 events, Byar's approximation from
 * 10 events up.
 */
import { checkConfidence, chiSquareQuantile, zFor } from './quantiles';

export interface CountLimits {
  lower: number;
  upper: number;
}

function checkObserved(observed: number): void {
  if (!(observed >= 0)) throw new RangeError(`observed events must be 0 or more, got ${observed}`);
}

/**
 * The exact Poisson limits of an observed count: χ²((1−c)/2, 2O)/2 and χ²((1+c)/2, 2O+2)/2
 * (the lower limit is 0 when O is 0).
 */
export function poissonExactLimits(observed: number, confidence = 0.95): CountLimits {
  checkObserved(observed);
  checkConfidence(confidence);
  const alpha = (1 - confidence) / 2;
  return {
    lower: chiSquareQuantile(alpha, 2 * observed) / 2,
    upper: chiSquareQuantile(1 - alpha, 2 * observed + 2) / 2,
  };
}

/**
 * Byar's approximation to the Poisson limits of an observed count:
 * O(1 − 1/(9O) − z/(3√O))³ and (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³. As the reference, a lower
 * limit that would be negative (or is undefined, at O = 0) is null.
 */
export function byarLimits(observed: number, confidence = 0.95): { lower: number | null; upper: number } {
  checkObserved(observed);
  checkConfidence(confidence);
  const z = zFor(confidence);
  const o = observed;
  const rawLower = o === 0 ? Number.NaN : o * (1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))) ** 3;
  const u = o + 1;
  const upper = u * (1 - 1 / (9 * u) + z / (3 * Math.sqrt(u))) ** 3;
  return { lower: rawLower >= 0 ? rawLower : null, upper };
}

/** Below this many events the exact limits are used rather than Byar's. */
export const EXACT_BELOW = 10;

/** The limits phe_rate and phe_isr use for a count: exact below 10 events, Byar's from 10. */
export function countLimits(observed: number, confidence = 0.95): CountLimits & { method: 'Exact' | 'Byars' } {
  if (observed < EXACT_BELOW) return { ...poissonExactLimits(observed, confidence), method: 'Exact' };
  const { lower, upper } = byarLimits(observed, confidence);
  // From 10 events Byar's lower limit is positive at any confidence up to 1 − 1e-9.
  return { lower: lower ?? 0, upper, method: 'Byars' };
}

export interface RateInterval {
  value: number;
  lower: number;
  upper: number;
  method: 'Exact' | 'Byars';
}

/** A crude rate per `multiplier` with confidence limits, as phe_rate. */
export function rateLimits(observed: number, denominator: number, multiplier = 100_000, confidence = 0.95): RateInterval {
  if (!(denominator > 0)) throw new RangeError(`denominator must be above 0, got ${denominator}`);
  const { lower, upper, method } = countLimits(observed, confidence);
  const scale = multiplier / denominator;
  return { value: observed * scale, lower: lower * scale, upper: upper * scale, method };
}
