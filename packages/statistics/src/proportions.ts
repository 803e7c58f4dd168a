/**
 * Proportions with Wilson score confidence limits, as PHEindicatormethods' phe_proportion
 * (wilson_lower / wilson_upper): for x events out of n and z the two-sided normal quantile,
 * (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)).
 */
import { checkConfidence, zFor } from './quantiles';

export interface Interval {
  value: number;
  lower: number;
  upper: number;
}

/**
 * A proportion (times `multiplier`: 100 for a percentage) with Wilson score limits. Throws a
 * RangeError for a negative numerator, a denominator of 0 or less, or a numerator above the
 * denominator. At confidence 1 the limits are 0 and 1 (times the multiplier).
 */
export function wilsonInterval(numerator: number, denominator: number, confidence = 0.95, multiplier = 1): Interval {
  if (!(numerator >= 0)) throw new RangeError(`numerator must be 0 or more, got ${numerator}`);
  if (!(denominator > 0)) throw new RangeError(`denominator must be above 0, got ${denominator}`);
  if (numerator > denominator) throw new RangeError(`numerator ${numerator} is above denominator ${denominator}`);
  checkConfidence(confidence);
  const value = (numerator / denominator) * multiplier;
  if (confidence === 1) return { value, lower: 0, upper: multiplier };
  const z = zFor(confidence);
  const z2 = z * z;
  const spread = z * Math.sqrt(z2 + 4 * numerator * (1 - numerator / denominator));
  const base = 2 * numerator + z2;
  const scale = 2 * (denominator + z2);
  return { value, lower: ((base - spread) / scale) * multiplier, upper: ((base + spread) / scale) * multiplier };
}
