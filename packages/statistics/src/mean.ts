/**
 * A mean with confidence limits from Student's t distribution, as PHEindicatormethods' phe_mean:
 * mean ∓ |t((1−c)/2, n−1)|·s/√n, with s the sample standard deviation.
 */
import { checkConfidence, studentTQuantile } from './quantiles';

export interface MeanInterval {
  count: number;
  sum: number;
  standardDeviation: number;
  value: number;
  lower: number;
  upper: number;
}

/** Needs at least two values (the standard deviation is undefined for one). */
export function meanInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  checkConfidence(confidence);
  const count = values.length;
  if (count < 2) throw new RangeError(`a mean's confidence interval needs at least 2 values, got ${count}`);
  const sum = values.reduce((a, b) => a + b, 0);
  const value = sum / count;
  const squares = values.reduce((a, v) => a + (v - value) ** 2, 0);
  const standardDeviation = Math.sqrt(squares / (count - 1));
  const half = Math.abs(studentTQuantile((1 - confidence) / 2, count - 1)) * (standardDeviation / Math.sqrt(count));
  return { count, sum, standardDeviation, value, lower: value - half, upper: value + half };
}
