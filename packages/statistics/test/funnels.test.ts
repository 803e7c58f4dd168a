/**
 * Funnel limits and significance against PHEindicatormethods' published funnel test data
 * (tests/testthat/testdata_funnel_*.csv; a selection in fixtures/phe-funnels.ts).
 */
import { describe, expect, it } from 'vitest';
import { funnelLimitsFromSummary, funnelSignificance, poissonFunnelExpected } from '../src';
import { PROP_INPUTS, PROP_OUTPUTS, PROP_SUMMARY, RATE_OUTPUTS, RATE_SUMMARY, RATIO_INPUTS, RATIO_OUTPUTS, RATIO_SUMMARY } from './fixtures/phe-funnels';

function within(actual: number | undefined, expected: number, tolerance: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

describe('funnelLimits for proportions (testdata_funnel_prop_outputs.csv)', () => {
  const table = funnelLimitsFromSummary(PROP_SUMMARY, { statistic: 'proportion', multiplier: 100 });
  it('has 100 rows', () => expect(table).toHaveLength(100));
  for (const [index, population, lower2s, upper2s, lower3s, upper3s, baseline] of PROP_OUTPUTS) {
    it(`row ${index + 1} (population ${population})`, () => {
      const row = table[index];
      expect(row.point).toBe(population);
      // The published values have 6 decimals: agreement to 1e-6 once rounding (5e-7) is allowed for.
      const tolerance = 1e-6;
      within(row.lower2s, lower2s, tolerance);
      within(row.upper2s, upper2s, tolerance);
      within(row.lower3s, lower3s, tolerance);
      within(row.upper3s, upper3s, tolerance);
      within(row.baseline, baseline, tolerance);
    });
  }
});

/**
 * The reference finds each expected count by bisecting v = E/(1 + O + E) until the step is below
 * 1e-7; this package takes the exact chi-square quantile. So agreement is tested in v, to 2e-7, and
 * the limits to 1e-6 relative where the bisection's error in E is smaller than that (the lower
 * lines throughout, the upper lines from 10 observed events).
 */
function toV(observed: number, expected: number): number {
  return expected / (1 + observed + expected);
}

describe('funnelLimits for ratios (testdata_funnel_ratio_outputs.csv)', () => {
  const counts = funnelLimitsFromSummary(RATIO_SUMMARY, { statistic: 'ratio', multiplier: 100, ratioType: 'count' });
  const isrs = funnelLimitsFromSummary(RATIO_SUMMARY, { statistic: 'ratio', multiplier: 100, ratioType: 'isr' });
  for (const [index, observed, l2e, l2c, l2i, u2e, u2c, u2i, l3e, l3c, l3i, u3e, u3c, u3i] of RATIO_OUTPUTS) {
    it(`row ${index + 1} (${observed} observed)`, () => {
      const c = counts[index];
      const r = isrs[index];
      expect(c.point).toBe(observed);
      const pairs: Array<[number | undefined, number]> = [
        [c.lower2sDenominator, l2e],
        [c.upper2sDenominator, u2e],
        [c.lower3sDenominator, l3e],
        [c.upper3sDenominator, u3e],
      ];
      for (const [mine, theirs] of pairs) within(toV(observed, mine as number), toV(observed, theirs), 2e-7);
      // The lower lines' expected counts are large, so there the bisection is precise to 1e-6.
      const relative = (mine: number, theirs: number) => within(mine / theirs, 1, 1e-6);
      relative(c.lower2s + 1, l2c + 1);
      relative(c.lower3s + 1, l3c + 1);
      relative(r.lower2s, l2i);
      relative(r.lower3s, l3i);
      if (observed >= 10) {
        relative(r.upper2s, u2i);
        relative(c.upper2s + 1, u2c + 1);
        relative(r.upper3s, u3i);
        relative(c.upper3s + 1, u3c + 1);
      }
    });
  }
  it('puts the exact quantile where the Poisson tail equals p', () => {
    // P(X ≥ 1 | λ) = 1 − e^−λ = 0.001 at λ = −ln(0.999).
    within(poissonFunnelExpected(1, 0.001, 'low'), -Math.log(0.999), 1e-12);
    // P(X ≤ 0 | λ) = e^−λ = 0.025 at λ = −ln(0.025).
    within(poissonFunnelExpected(0, 0.025, 'high'), -Math.log(0.025), 1e-9);
  });
});

describe('funnelLimits for DSRs over 3 years (testdata_funnel_rate_outputs.csv)', () => {
  const years = 3;
  const table = funnelLimitsFromSummary(RATE_SUMMARY, { statistic: 'rate', rateType: 'dsr', multiplier: 100_000, yearsOfData: years });
  it('has 100 rows', () => expect(table).toHaveLength(100));
  for (const [index, events, l2p, l2, u2p, u2, l3p, l3, u3p, u3, baseline] of RATE_OUTPUTS) {
    it(`row ${index + 1} (${events} events)`, () => {
      const row = table[index];
      expect(row.point).toBe(events);
      within(row.baseline as number, baseline, 1e-6);
      // The one-year populations back to expected events, compared in v as for ratios.
      const expected = (population: number) => population * RATE_SUMMARY.average * years;
      const pairs: Array<[number | undefined, number]> = [
        [row.lower2sDenominator, l2p],
        [row.upper2sDenominator, u2p],
        [row.lower3sDenominator, l3p],
        [row.upper3sDenominator, u3p],
      ];
      for (const [mine, theirs] of pairs) within(toV(events, expected(mine as number)), toV(events, expected(theirs)), 2e-7);
      const relative = (mine: number, theirs: number) => within(mine / theirs, 1, 1e-6);
      relative(row.lower2s, l2);
      relative(row.lower3s, l3);
      if (events >= 10) {
        relative(row.upper2s, u2);
        relative(row.upper3s, u3);
      }
    });
  }
});

describe('funnelSignificance', () => {
  it('labels proportions as testdata_funnel_prop_inputs.csv', () => {
    const data = PROP_INPUTS.map(([numerator, denominator]) => ({ numerator, denominator }));
    const labels = funnelSignificance(data, { statistic: 'proportion', multiplier: 100, average: PROP_SUMMARY.average });
    expect(labels).toEqual(PROP_INPUTS.map(([, , s]) => s));
  });
  it('labels ratios as testdata_funnel_ratio_inputs.csv', () => {
    const data = RATIO_INPUTS.map(([numerator, denominator]) => ({ numerator, denominator }));
    const labels = funnelSignificance(data, { statistic: 'ratio', multiplier: 100 });
    expect(labels).toEqual(RATIO_INPUTS.map(([, , s]) => s));
  });
  it('does not assess DSRs on fewer than 10 events', () => {
    const labels = funnelSignificance(
      [
        { numerator: 5, rate: 50 },
        { numerator: 500, rate: 100 },
      ],
      { statistic: 'rate', rateType: 'dsr', multiplier: 100_000 },
    );
    expect(labels[0]).toBe('Not applicable for events less than 10 for dsrs');
    expect(labels[1]).not.toBe('Not applicable for events less than 10 for dsrs');
  });
});
