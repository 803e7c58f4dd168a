/**
 * Directly standardised rates with Dobson's confidence limits, as PHEindicatormethods' phe_dsr
 * (independent events): DSR = Σ wᵢOᵢ/nᵢ / Σ wᵢ, var = Σ wᵢ²Oᵢ/nᵢ² / (Σ wᵢ)², and with O = Σ Oᵢ
 * and Byar's limits O_L, O_U of O, the limits are DSR + √(var/O)·(O_L − O) and likewise for O_U.
 * Byar's method is used for O at every count (not exact below 10), because the result is suppressed
 * below 10 events anyway.
 */
import { byarLimits } from './poisson';
import { checkConfidence } from './quantiles';

export interface DsrStratum {
  /** Events in the stratum; null (missing) counts as 0, as the reference's na.zero. */
  observed: number | null;
  /** Population at risk in the stratum. */
  population: number;
  /** The standard population's weight for the stratum. */
  standard: number;
}

export interface DsrResult {
  totalCount: number;
  totalPopulation: number;
  /** Null when fewer than 10 events (PHE does not publish such DSRs). */
  value: number | null;
  lower: number | null;
  upper: number | null;
}

/** Below this many events phe_dsr suppresses the rate and its limits. */
export const DSR_MINIMUM_EVENTS = 10;

export function directlyStandardisedRate(
  strata: readonly DsrStratum[],
  { multiplier = 100_000, confidence = 0.95 }: { multiplier?: number; confidence?: number } = {},
): DsrResult {
  checkConfidence(confidence);
  let weightTotal = 0;
  let weighted = 0;
  let squared = 0;
  let totalCount = 0;
  let totalPopulation = 0;
  for (const s of strata) {
    if (!(s.population > 0)) throw new RangeError(`stratum populations must be above 0, got ${s.population}`);
    const o = s.observed ?? 0;
    if (!(o >= 0)) throw new RangeError(`stratum counts must be 0 or more, got ${o}`);
    weightTotal += s.standard;
    totalCount += o;
    totalPopulation += s.population;
    weighted += (o * s.standard) / s.population;
    squared += o * (s.standard / s.population) ** 2;
  }
  if (totalCount < DSR_MINIMUM_EVENTS || !(weightTotal > 0)) {
    return { totalCount, totalPopulation, value: null, lower: null, upper: null };
  }
  const dsr = weighted / weightTotal;
  const variance = squared / weightTotal ** 2;
  const { lower, upper } = byarLimits(totalCount, confidence);
  const scale = Math.sqrt(variance / totalCount);
  return {
    totalCount,
    totalPopulation,
    value: dsr * multiplier,
    lower: lower === null ? null : (dsr + scale * (lower - totalCount)) * multiplier,
    upper: (dsr + scale * (upper - totalCount)) * multiplier,
  };
}
