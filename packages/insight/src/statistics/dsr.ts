/**
 * Rates and directly age-standardised rates with confidence intervals, by the methods in the
 * Public Health England / OHID technical guidance (Fingertips): Byar's approximation to the
 * Poisson limits of a count, and Dobson's method to carry them to a DSR.
 */
import { inverseNormal } from '@footprint/statistics';

/** The two-sided standard normal quantile for a confidence level (0.95 → 1.959964). */
export function zFor(confidence: number): number {
  return inverseNormal(1 - (1 - confidence) / 2);
}

/** Byar's approximation to the exact Poisson confidence limits of an observed count. */
export function byarLimits(observed: number, confidence = 0.95): { lower: number; upper: number } {
  const z = zFor(confidence);
  const o = observed;
  const lower = o === 0 ? 0 : o * (1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))) ** 3;
  const u = o + 1;
  const upper = u * (1 - 1 / (9 * u) + z / (3 * Math.sqrt(u))) ** 3;
  return { lower, upper };
}

export interface RateResult {
  observed: number;
  population: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

/** A crude rate per `per` with Byar limits. */
export function crudeRate(observed: number, population: number, per = 100_000, confidence = 0.95): RateResult {
  if (population <= 0) return { observed, population, rate: null, lower: null, upper: null };
  const { lower, upper } = byarLimits(observed, confidence);
  return { observed, population, rate: (observed / population) * per, lower: (lower / population) * per, upper: (upper / population) * per };
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
 * A directly standardised rate per `per`, with Dobson's confidence limits:
 * DSR = Σ wᵢ·Oᵢ/nᵢ / Σ wᵢ; var(DSR) = Σ wᵢ²·Oᵢ/nᵢ² / (Σ wᵢ)²; and with O = Σ Oᵢ and Byar's
 * limits O_L, O_U for O, the limits are DSR + √(var(DSR)/O)·(O_L − O) and likewise for O_U.
 * Strata with no population contribute nothing (their weight still counts in Σ wᵢ, as PHE does).
 * Null limits when O = 0; PHE does not publish DSRs on fewer than 10 events (see `reliable`).
 */
export function directlyStandardisedRate(strata: readonly Stratum[], per = 100_000, confidence = 0.95): RateResult & { reliable: boolean } {
  let weightTotal = 0;
  let weighted = 0;
  let variance = 0;
  let observed = 0;
  let population = 0;
  for (const s of strata) {
    weightTotal += s.standard;
    observed += s.observed;
    population += s.population;
    if (s.population <= 0) continue;
    weighted += (s.standard * s.observed) / s.population;
    variance += (s.standard ** 2 * s.observed) / s.population ** 2;
  }
  if (weightTotal <= 0 || population <= 0) return { observed, population, rate: null, lower: null, upper: null, reliable: false };
  const dsr = weighted / weightTotal;
  const varDsr = variance / weightTotal ** 2;
  if (observed === 0) return { observed, population, rate: 0, lower: null, upper: null, reliable: false };
  const { lower, upper } = byarLimits(observed, confidence);
  const scale = Math.sqrt(varDsr / observed);
  return {
    observed,
    population,
    rate: dsr * per,
    lower: (dsr + scale * (lower - observed)) * per,
    upper: (dsr + scale * (upper - observed)) * per,
    reliable: observed >= 10,
  };
}
