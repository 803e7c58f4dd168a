/**
 * Rates and directly age-standardised rates with confidence intervals, by the methods in the
 * Public Health England / OHID technical guidance (Fingertips), through the one implementation in
 * @footprint/statistics (tested against PHEindicatormethods): Byar's approximation and the exact
 * Poisson limits of a count, and Dobson's method to carry them to a DSR. This file only adapts
 * insight's shapes (a rate even below 10 events, for the SII; empty age bands) to those functions.
 */
import { byarLimits as byarPoissonLimits, directlyStandardisedRate as dobsonDsr, rateLimits } from '@footprint/statistics';

/** Byar's approximation to the Poisson limits of an observed count (a lower limit of 0 where Byar's gives none: 0 events). */
export function byarLimits(observed: number, confidence = 0.95): { lower: number; upper: number } {
  const { lower, upper } = byarPoissonLimits(observed, confidence);
  return { lower: lower ?? 0, upper };
}

export interface RateResult {
  observed: number;
  population: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/** A crude rate per `per` with PHEindicatormethods' phe_rate limits: exact below 10 events, Byar's from 10. */
export function crudeRate(observed: number, population: number, per = 100_000, confidence = 0.95): RateResult {
  if (population <= 0) return { observed, population, rate: null, lower: null, upper: null };
  const { value, lower, upper } = rateLimits(observed, population, per, confidence);
  return { observed, population, rate: value, lower, upper };
}

export interface Stratum {
  /** Events in the stratum (e.g. people on the register in the age band). */
  observed: number;
  /** Population at risk in the stratum. */
  population: number;
  /** The standard population's weight for the stratum. */
  standard: number;
}

/**
 * A directly standardised rate per `per`, with Dobson's confidence limits from
 * @footprint/statistics. Strata with no population contribute nothing, but their weight still
 * counts in Σ wᵢ (as if their rate were 0): the DSR over the populated strata, whose every term
 * is over Σ wᵢ, is scaled by their share of the weight. Below 10 events the limits are null and
 * `reliable` false (PHE does not publish such DSRs), but the rate itself is still given, for the
 * slope index of inequality across deciles.
 */
export function directlyStandardisedRate(strata: readonly Stratum[], per = 100_000, confidence = 0.95): RateResult & { reliable: boolean } {
  let weightTotal = 0;
  let populatedWeight = 0;
  let weightedRates = 0;
  let observed = 0;
  let population = 0;
  const populated: Stratum[] = [];
  for (const s of strata) {
    weightTotal += s.standard;
    observed += s.observed;
    population += s.population;
    if (s.population <= 0) continue;
    populated.push(s);
    populatedWeight += s.standard;
    weightedRates += (s.standard * s.observed) / s.population;
  }
  if (weightTotal <= 0 || population <= 0) return { observed, population, rate: null, lower: null, upper: null, reliable: false };
  const share = populatedWeight / weightTotal;
  const result = dobsonDsr(populated, { multiplier: per, confidence });
  if (result.value === null) {
    // Fewer than 10 events: no limits; the point estimate Σ wᵢOᵢ/nᵢ / Σ wᵢ only.
    return { observed, population, rate: (weightedRates / weightTotal) * per, lower: null, upper: null, reliable: false };
  }
  return {
    observed,
    population,
    rate: result.value * share,
    lower: result.lower === null ? null : result.lower * share,
    upper: result.upper === null ? null : result.upper * share,
    reliable: true,
  };
}
