/**
 * Agreement with PHEindicatormethods' published test data (ukhsa-collaboration/PHEindicatormethods,
 * tests/testthat/testdata_*.xlsx, transcribed in fixtures/phe-testdata.ts) to 1e-6, relative to the
 * size of the value where it is large.
 */
import { describe, expect, it } from 'vitest';
import {
  byarLimits,
  chiSquareQuantile,
  directlyStandardisedRate,
  expectedEvents,
  indirectlyStandardisedRatio,
  meanInterval,
  poissonExactLimits,
  rateLimits,
  studentTQuantile,
  wilsonInterval,
} from '../src';
import { BYARS_WILSON, DSR_RESULTS, ISR_RESULTS, MEAN_DATA, MEAN_RESULTS, MULTIAREA, PROPORTIONS, RATES, REFDATA } from './fixtures/phe-testdata';

/** |actual − expected| ≤ 1e-6 · max(1, |expected|). */
function close(actual: number | null, expected: number | null): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const tolerance = 1e-6 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

/** The European Standard Population 2013 in 19 bands 0-4 … 90+ (PHEindicatormethods' esp2013). */
const ESP2013 = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000];

describe('quantiles', () => {
  it('match R qchisq and qt at known points', () => {
    close(chiSquareQuantile(0.975, 1), 5.023886187314888);
    close(chiSquareQuantile(0.025, 2), 0.05063561596857975);
    close(chiSquareQuantile(0.5, 0), 0);
    close(studentTQuantile(0.025, 7), -2.364624251592785);
  });
  it('keep their accuracy at large degrees of freedom (a funnel line at 1,289 events)', () => {
    // P(X ≤ 1289 | λ) for λ = χ²(0.975, 2580)/2 must be 0.025: summed here term by term in logs.
    const lambda = chiSquareQuantile(0.975, 2 * 1289 + 2) / 2;
    let logFactorial = 0;
    let cdf = 0;
    for (let k = 0; k <= 1289; k++) {
      if (k > 0) logFactorial += Math.log(k);
      cdf += Math.exp(-lambda + k * Math.log(lambda) - logFactorial);
    }
    expect(Math.abs(cdf - 0.025)).toBeLessThan(1e-9);
    const small = chiSquareQuantile(0.001, 2 * 1289) / 2;
    let upper = 0;
    logFactorial = 0;
    for (let k = 0; k < 1289; k++) {
      if (k > 0) logFactorial += Math.log(k);
      upper += Math.exp(-small + k * Math.log(small) - logFactorial);
    }
    expect(Math.abs(1 - upper - 0.001)).toBeLessThan(1e-9);
  });
});

describe('wilsonInterval and byarLimits (testdata_Byars_Wilson.xlsx, testdata_B_W)', () => {
  for (const [x, n, lower, upper, confidence, method] of BYARS_WILSON) {
    it(`${method} ${x}${n === null ? '' : `/${n}`} at ${confidence}`, () => {
      const limits = method === 'Wilson' ? wilsonInterval(x, n as number, confidence) : byarLimits(x, confidence);
      close(limits.lower, lower);
      close(limits.upper, upper);
    });
  }
});

describe('wilsonInterval (testdata_Proportion.xlsx, testdata_Prop)', () => {
  for (const [x, n, multiplier, value, l95, u95, l998, u998] of PROPORTIONS) {
    it(`${x}/${n} × ${multiplier}`, () => {
      const a = wilsonInterval(x, n, 0.95, multiplier);
      const b = wilsonInterval(x, n, 0.998, multiplier);
      close(a.value, value);
      close(a.lower, l95);
      close(a.upper, u95);
      close(b.lower, l998);
      close(b.upper, u998);
    });
  }
  it('rejects a numerator above the denominator', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
  });
});

describe('rateLimits (testdata_Rate.xlsx, testdata_Rate)', () => {
  for (const [x, n, multiplier, value, l95, u95, l998, u998] of RATES) {
    it(`${x}/${n} per ${multiplier}`, () => {
      const a = rateLimits(x, n, multiplier, 0.95);
      const b = rateLimits(x, n, multiplier, 0.998);
      expect(a.method).toBe(x < 10 ? 'Exact' : 'Byars');
      close(a.value, value);
      close(a.lower, l95);
      close(a.upper, u95);
      close(b.lower, l998);
      close(b.upper, u998);
    });
  }
  it('uses the exact limits below 10 events', () => {
    const exact = poissonExactLimits(5, 0.95);
    const rate = rateLimits(5, 100, 100, 0.95);
    close(rate.lower, exact.lower);
    close(rate.upper, exact.upper);
    expect(poissonExactLimits(0, 0.95).lower).toBe(0);
  });
});

describe('directlyStandardisedRate (testdata_DSR_ISR.xlsx, testdata_multiarea → testresults_DSR)', () => {
  for (const [area, multiplier, total, value, l95, u95, l998, u998] of DSR_RESULTS) {
    it(`${area} per ${multiplier}`, () => {
      const strata = MULTIAREA[area].map(([observed, population], i) => ({ observed, population, standard: ESP2013[i] }));
      const a = directlyStandardisedRate(strata, { multiplier, confidence: 0.95 });
      const b = directlyStandardisedRate(strata, { multiplier, confidence: 0.998 });
      expect(a.totalCount).toBe(total);
      close(a.value, value);
      close(a.lower, l95);
      close(a.upper, u95);
      close(b.lower, l998);
      close(b.upper, u998);
    });
  }
});

describe('indirectlyStandardisedRatio (testdata_DSR_ISR.xlsx, testdata_multiarea and refdata → testresults_ISR)', () => {
  const reference = REFDATA.map(([observed, population]) => ({ observed, population }));
  for (const [area, multiplier, observed, expected, value, l95, u95, l998, u998, method] of ISR_RESULTS) {
    it(`${area} × ${multiplier}`, () => {
      const strata = MULTIAREA[area].map(([, population]) => ({ population }));
      const e = expectedEvents(strata, reference);
      close(e, expected);
      const a = indirectlyStandardisedRatio(observed, e, { multiplier, confidence: 0.95 });
      const b = indirectlyStandardisedRatio(observed, e, { multiplier, confidence: 0.998 });
      expect(a.method).toBe(method);
      close(a.value, value);
      close(a.lower, l95);
      close(a.upper, u95);
      close(b.lower, l998);
      close(b.upper, u998);
    });
  }
});

describe('meanInterval (testdata_Mean.xlsx, testdata_Mean → testdata_Mean_results)', () => {
  for (const [area, count, sd, value, l95, u95, l998, u998] of MEAN_RESULTS) {
    it(area, () => {
      const values = area === 'No grouping' ? [...MEAN_DATA.Area1, ...MEAN_DATA.Area2] : MEAN_DATA[area];
      const a = meanInterval(values, 0.95);
      const b = meanInterval(values, 0.998);
      expect(a.count).toBe(count);
      close(a.standardDeviation, sd);
      close(a.value, value);
      close(a.lower, l95);
      close(a.upper, u95);
      close(b.lower, l998);
      close(b.upper, u998);
    });
  }
  it('needs two values', () => {
    expect(() => meanInterval([1])).toThrow(RangeError);
  });
});
