/**
 * Indirectly standardised ratios, as PHEindicatormethods' phe_isr: observed / expected events
 * (times a multiplier, e.g. 100), with the count's limits (exact below 10 events, Byar's from 10)
 * divided by the expected count.
 */
import { countLimits } from './poisson';

export interface ExpectedStratum {
  /** The local population in the stratum. */
  population: number;
}

export interface ReferenceRate {
  /** Events in the reference population's stratum; null counts as 0 (the reference's na.zero). */
  observed: number | null;
  /** The reference population in the stratum. */
  population: number;
}

/** Σ (reference events / reference population) × local population over matching strata. */
export function expectedEvents(strata: readonly ExpectedStratum[], referenceRates: readonly ReferenceRate[]): number {
  if (strata.length !== referenceRates.length) {
    throw new RangeError(`${strata.length} strata but ${referenceRates.length} reference rates`);
  }
  let expected = 0;
  strata.forEach((s, i) => {
    const ref = referenceRates[i];
    if (!(ref.population > 0)) throw new RangeError(`reference populations must be above 0, got ${ref.population}`);
    expected += ((ref.observed ?? 0) / ref.population) * s.population;
  });
  return expected;
}

export interface RatioInterval {
  observed: number;
  expected: number;
  value: number;
  lower: number;
  upper: number;
  method: 'Exact' | 'Byars';
}

export function indirectlyStandardisedRatio(
  observed: number,
  expected: number,
  { multiplier = 100, confidence = 0.95 }: { multiplier?: number; confidence?: number } = {},
): RatioInterval {
  if (!(expected > 0)) throw new RangeError(`expected events must be above 0, got ${expected}`);
  const { lower, upper, method } = countLimits(observed, confidence);
  const scale = multiplier / expected;
  return { observed, expected, value: observed * scale, lower: lower * scale, upper: upper * scale, method };
}
