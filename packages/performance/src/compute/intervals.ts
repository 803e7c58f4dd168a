import { directlyStandardisedRate, rateLimits, wilsonInterval, DSR_MINIMUM_EVENTS, type DsrStratum } from '@footprint/statistics';
import { ESP2013 } from '@footprint/insight';

/**
 * Values and their 95% and 99.8% limits from @footprint/statistics, as PHEindicatormethods gives
 * them: Wilson for proportions, exact Poisson below 10 events and Byar's from 10 for crude rates,
 * Dobson (with Byar's) for directly standardised rates, suppressed below 10 events.
 */
export interface Limits {
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  note: string | null;
}

const CONFIDENCE = [0.95, 0.998] as const;

export function proportionLimits(numerator: number, denominator: number, multiplier: number): Limits {
  const [c95, c998] = CONFIDENCE.map((c) => wilsonInterval(numerator, denominator, c, multiplier));
  return { value: c95.value, lower95: c95.lower, upper95: c95.upper, lower998: c998.lower, upper998: c998.upper, note: null };
}

export function crudeRateLimits(events: number, population: number, multiplier: number): Limits {
  const [c95, c998] = CONFIDENCE.map((c) => rateLimits(events, population, multiplier, c));
  return { value: c95.value, lower95: c95.lower, upper95: c95.upper, lower998: c998.lower, upper998: c998.upper, note: events < 10 ? 'Fewer than 10 events: exact Poisson limits.' : null };
}

export const DSR_SUPPRESSED_NOTE = `Fewer than ${DSR_MINIMUM_EVENTS} events: the age-standardised rate is not published (PHE guidance).`;

/**
 * A DSR over age bands (ESP 2013 weights). A band with nobody in it (possible in a practice) has
 * no rate and no events; its weight still counts in Σ wᵢ, as insight's standardisation does:
 * the DSR over the populated bands (from @footprint/statistics, which needs a population in every
 * band) times their share of the weight, which is exact since every term is over Σ wᵢ.
 * Over a window of several years the rate is a year's: each band's population counts once a year
 * (person-years ≈ people at risk × years), as pooled Fingertips rates are.
 */
export function standardisedRateLimits(bands: readonly string[], counts: ReadonlyMap<string, { numerator: number; denominator: number }>, multiplier: number, years = 1): Limits {
  const weight = (band: string) => ESP2013[band as keyof typeof ESP2013];
  const totalWeight = bands.reduce((sum, band) => sum + weight(band), 0);
  const strata: DsrStratum[] = [];
  for (const band of bands) {
    const c = counts.get(band);
    if (c && c.denominator > 0) strata.push({ observed: c.numerator, population: c.denominator * years, standard: weight(band) });
  }
  const share = strata.reduce((sum, s) => sum + s.standard, 0) / totalWeight;
  const events = strata.reduce((sum, s) => sum + (s.observed ?? 0), 0);
  if (events < DSR_MINIMUM_EVENTS || strata.length === 0) return { value: null, lower95: null, upper95: null, lower998: null, upper998: null, note: DSR_SUPPRESSED_NOTE };
  const [c95, c998] = CONFIDENCE.map((confidence) => directlyStandardisedRate(strata, { multiplier, confidence }));
  const scaled = (v: number | null) => (v === null ? null : v * share);
  return { value: scaled(c95.value), lower95: scaled(c95.lower), upper95: scaled(c95.upper), lower998: scaled(c998.lower), upper998: scaled(c998.upper), note: null };
}
