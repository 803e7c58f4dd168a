import { describe, expect, it } from 'vitest';
import { directlyStandardisedRate, rateLimits, wilsonInterval } from '@footprint/statistics';
import { ESP2013 } from '@footprint/insight';
import { crudeRateLimits, DSR_SUPPRESSED_NOTE, proportionLimits, standardisedRateLimits, UNDER_75_BANDS } from '../../src';

/** The limits computed values carry are @footprint/statistics' own, at 95% and 99.8%. */
describe('limits of computed values', () => {
  it('gives Wilson limits for a proportion', () => {
    const w95 = wilsonInterval(30, 120, 0.95, 100);
    const w998 = wilsonInterval(30, 120, 0.998, 100);
    expect(proportionLimits(30, 120, 100)).toEqual({ value: 25, lower95: w95.lower, upper95: w95.upper, lower998: w998.lower, upper998: w998.upper, note: null });
  });

  it('gives exact Poisson limits below 10 events and Byar’s from 10, with a note below 10', () => {
    const exact = crudeRateLimits(4, 2000, 1000);
    expect([exact.lower95, exact.upper95]).toEqual([rateLimits(4, 2000, 1000, 0.95).lower, rateLimits(4, 2000, 1000, 0.95).upper]);
    expect(rateLimits(4, 2000, 1000, 0.95).method).toBe('Exact');
    expect(exact.note).toMatch(/exact Poisson/);
    const byar = crudeRateLimits(25, 2000, 1000);
    expect(rateLimits(25, 2000, 1000, 0.998).method).toBe('Byars');
    expect([byar.value, byar.lower998, byar.upper998, byar.note]).toEqual([12.5, rateLimits(25, 2000, 1000, 0.998).lower, rateLimits(25, 2000, 1000, 0.998).upper, null]);
  });

  it('standardises to ESP 2013 under 75 with Dobson limits; an empty band keeps its weight', () => {
    const counts = new Map(UNDER_75_BANDS.map((band, i) => [band, { numerator: i % 3, denominator: 100 + 10 * i }]));
    const all = standardisedRateLimits(UNDER_75_BANDS, counts, 100_000);
    const strata = UNDER_75_BANDS.map((band) => ({ observed: counts.get(band)!.numerator, population: counts.get(band)!.denominator, standard: ESP2013[band as keyof typeof ESP2013] }));
    expect(all.value).toBeCloseTo(directlyStandardisedRate(strata, { multiplier: 100_000 }).value!, 9);
    expect(all.lower998).toBeCloseTo(directlyStandardisedRate(strata, { multiplier: 100_000, confidence: 0.998 }).lower!, 9);

    counts.delete('70-74');
    const withGap = standardisedRateLimits(UNDER_75_BANDS, counts, 100_000);
    const weights = UNDER_75_BANDS.map((b) => ESP2013[b as keyof typeof ESP2013]);
    const total = weights.reduce((a, b) => a + b, 0);
    const byHand = strata.slice(0, -1).reduce((sum, s) => sum + (s.standard * s.observed) / s.population, 0) / total;
    expect(withGap.value).toBeCloseTo(byHand * 100_000, 9);
  });

  it('suppresses a DSR below 10 events, with a note', () => {
    const counts = new Map([['50-54', { numerator: 9, denominator: 500 }]]);
    expect(standardisedRateLimits(UNDER_75_BANDS, counts, 100_000)).toEqual({ value: null, lower95: null, upper95: null, lower998: null, upper998: null, note: DSR_SUPPRESSED_NOTE });
    counts.set('55-59', { numerator: 1, denominator: 400 });
    expect(standardisedRateLimits(UNDER_75_BANDS, counts, 100_000).value).not.toBeNull();
  });
});
