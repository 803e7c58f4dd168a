import { describe, expect, it } from 'vitest';
import { groupLimits, spc, SpcInputError, TWO_SIGMA_FACTOR } from '../../src/spc';
import { alternating, RNORM_123, series } from './helpers';

describe('XmR limits', () => {
  it('puts the limits at mean ± 2.66 × average moving range and the 2σ lines at 2/3 of that', () => {
    const r = spc(series(alternating(20)), { improvement: 'increase' });
    const p = r.points[0];
    expect(p.mean).toBeCloseTo(11, 10);
    expect(p.lpl).toBeCloseTo(11 - 5.32, 10);
    expect(p.upl).toBeCloseTo(11 + 5.32, 10);
    expect(TWO_SIGMA_FACTOR).toBeCloseTo(1.773333, 6);
    expect(p.upperTwoSigma).toBeCloseTo(11 + 2 * 1.773333333, 6);
    expect(p.lowerTwoSigma).toBeCloseTo(11 - 2 * 1.773333333, 6);
  });

  // tests/testthat/test-ptd_spc_standard.R ("it returns expected values") and _snaps/ptd_spc_standard.md
  it('agrees with NHSRplotthedots on rnorm(20), set.seed(123)', () => {
    const p = spc(series(RNORM_123), { improvement: 'increase' }).points[0];
    expect(p.mean).toBeCloseTo(0.1416238, 6);
    expect(p.lpl).toBeCloseTo(-3.01138, 5);
    expect(p.upl).toBeCloseTo(3.294627, 5);
  });

  it('screens out moving ranges of at least 3.267 × their average once (the snapshot with y[15] = 10)', () => {
    const y = RNORM_123.slice();
    y[14] = 10;
    const screened = spc(series(y), { improvement: 'increase' }).points[0];
    expect(screened.mean).toBeCloseTo(0.6694159, 6);
    expect(screened.lpl).toBeCloseTo(-2.383666, 5);
    expect(screened.upl).toBeCloseTo(3.722497, 5);
    // screen_outliers = FALSE is the mdc profile's behaviour
    const unscreened = spc(series(y), { improvement: 'increase', profile: 'mdc' }).points[0];
    expect(unscreened.lpl).toBeCloseTo(-4.596625, 5);
    expect(unscreened.upl).toBeCloseTo(5.935457, 5);
  });

  it('drops a range exactly at 3.267 × the average but keeps one just below', () => {
    // ranges 1 ×9 and r: r ≥ 3.267 × (9 + r) / 10 ⇔ r ≥ 29.403 / 6.733
    const edge = 29.403 / 6.733;
    const at = groupLimits([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 + edge], true);
    expect(at.averageMovingRange).toBeCloseTo(1, 10);
    const below = groupLimits([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 + edge - 0.01], true);
    expect(below.averageMovingRange).toBeCloseTo((9 + edge - 0.01) / 10, 10);
  });

  it('fixes the mean and limits on the first N points of the group', () => {
    const values = [...alternating(12), 30, 31, 32, 33];
    const fixed = spc(series(values), { improvement: 'increase', fixAfter: 12 });
    expect(fixed.points.at(-1)?.mean).toBeCloseTo(11, 10);
    expect(fixed.points.at(-1)?.upl).toBeCloseTo(16.32, 10);
    expect(fixed.points.at(-1)?.rule).toBe('outside_limits');
    const unfixed = spc(series(values), { improvement: 'increase' });
    expect(unfixed.points[0].mean).toBeGreaterThan(11);
  });

  it('refuses fix-after below 12 or not a whole number', () => {
    expect(() => spc(series(alternating(20)), { improvement: 'increase', fixAfter: 11 })).toThrow(SpcInputError);
    expect(() => spc(series(alternating(20)), { improvement: 'increase', fixAfter: 12.5 })).toThrow(/fix-after/);
    expect(() => spc(series(alternating(20)), { improvement: 'increase', fixAfter: 12 })).not.toThrow();
  });

  it('recomputes the limits from each rebase date', () => {
    const values = [...alternating(12), ...alternating(12).map((v) => 2 * v)];
    const points = series(values);
    const rebased = spc(points, { improvement: 'increase', rebase: [points[12].date] });
    expect(rebased.points[11].group).toBe(0);
    expect(rebased.points[12].group).toBe(1);
    expect(rebased.points[0].mean).toBeCloseTo(11, 10);
    expect(rebased.points[12].mean).toBeCloseTo(22, 10);
    expect(rebased.points[12].upl).toBeCloseTo(22 + 2.66 * 4, 10);
    expect(rebased.points.every((p) => p.rule === null)).toBe(true);
    // without the rebase the second half is a shift above one mean
    const single = spc(points, { improvement: 'increase' });
    expect(single.points.slice(12).some((p) => p.rule !== null)).toBe(true);
    // a rebase on the first date changes nothing (cumsum in ptd_spc_standard starts the one group there)
    expect(spc(points, { improvement: 'increase', rebase: [points[0].date] }).points[23].group).toBe(0);
  });
});

describe('warnings and bad input', () => {
  it('warns of a group with fewer than 13 points, and not of one with 13', () => {
    expect(spc(series(alternating(12)), { improvement: 'increase' }).warnings).toEqual([expect.stringContaining('12 points, fewer than 13')]);
    expect(spc(series(alternating(13)), { improvement: 'increase' }).warnings).toEqual([]);
    const points = series(alternating(25));
    const w = spc(points, { improvement: 'increase', rebase: [points[13].date] }).warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toContain(`from ${points[13].date}`);
  });

  it('refuses fewer than 2 points, a duplicate date, a non-numeric value and a bad date', () => {
    expect(() => spc([], { improvement: 'increase' })).toThrow(/at least 2 points/);
    expect(() => spc(series([1]), { improvement: 'increase' })).toThrow(SpcInputError);
    expect(() => spc([...series([1, 2]), { date: '2024-01-01', value: 3 }], { improvement: 'increase' })).toThrow(/2024-01-01 appears more than once/);
    expect(() => spc([...series([1, 2]), { date: '2024-02-01', value: Number.NaN }], { improvement: 'increase' })).toThrow(/not a finite number/);
    expect(() => spc([...series([1, 2]), { date: '2024-02-30', value: 3 }], { improvement: 'increase' })).toThrow(/YYYY-MM-DD/);
    expect(() => spc(series([1, 2]), { improvement: 'increase' })).not.toThrow();
  });

  it('ignores, with a warning, a rebase date that is not in the series', () => {
    const r = spc(series(alternating(14)), { improvement: 'increase', rebase: ['2023-06-01'] });
    expect(r.points.every((p) => p.group === 0)).toBe(true);
    expect(r.warnings).toEqual([expect.stringContaining('2023-06-01 is not a date of the series')]);
    expect(() => spc(series(alternating(14)), { improvement: 'increase', rebase: ['June'] })).toThrow(/rebase date/);
  });

  it('refuses a group of one point', () => {
    const points = series(alternating(14));
    expect(() => spc(points, { improvement: 'increase', rebase: [points[13].date] })).toThrow(/has 1 point/);
  });

  it('takes points in date order, keeping a trajectory aligned with the input', () => {
    const shuffled = series([1, 2, 3]).reverse();
    const r = spc(shuffled, { improvement: 'increase', target: [30, 20, 10] });
    expect(r.points.map((p) => [p.value, p.target])).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });

  it('takes points in date order', () => {
    const points = series(alternating(14));
    const r = spc([...points].reverse(), { improvement: 'increase' });
    expect(r.points.map((p) => p.date)).toEqual(points.map((p) => p.date));
  });
});
