import { describe, expect, it } from 'vitest';
import { groupRules, spc, SPC_PROFILE_SETTINGS } from '../../src/spc';
import type { GroupLimits } from '../../src/spc';
import { alternating, series } from './helpers';

// Fixed on the first 12: mean 11, limits 5.68–16.32, 2σ 7.4533–14.5467. A point on the mean (11) either side of
// the tail keeps the runs inside it.
const base = alternating(12);
const run = (tail: number[], extra: { improvement?: 'increase' | 'decrease' | 'neutral'; profile?: 'nhsrplotthedots' | 'mdc'; runLength?: number } = {}) =>
  spc(series([...base, 11, ...tail, 11, ...alternating(4)]), { improvement: extra.improvement ?? 'increase', fixAfter: 12, profile: extra.profile, runLength: extra.runLength }).points.slice(13, 13 + tail.length);
const rules = (tail: number[], extra = {}) => run(tail, extra).map((p) => p.rule);

describe('the four rules', () => {
  it('flags a point outside the process limits (strictly)', () => {
    expect(rules([17])).toEqual(['outside_limits']);
    expect(rules([5])).toEqual(['outside_limits']);
    expect(rules([16.3])).toEqual([null]);
  });

  it('flags every point of a 7-point trend, and a tie breaks it', () => {
    expect(rules([8, 9, 10, 11, 12, 13, 14])).toEqual(Array(7).fill('trend'));
    expect(rules([8, 9, 10, 10, 11, 12, 13]).includes('trend')).toBe(false);
    expect(rules([9, 10, 11, 12, 13, 14]).includes('trend')).toBe(false);
    expect(run([14, 13, 12, 11, 10, 9, 8]).map((p) => p.pointType)).toEqual(Array(7).fill('special_cause_concern'));
  });

  it('flags the points beyond 2σ when 2 of 3 are, all three on one side of the mean', () => {
    // as ptd_part_of_two_in_three: the middle point, inside 2σ, is not flagged
    expect(rules([15, 11.5, 15])).toEqual(['two_in_three', null, 'two_in_three']);
    expect(rules([15, 15, 11.5])).toEqual(['two_in_three', 'two_in_three', null]);
    // the window must lie wholly on one side: next to a point on the mean, two beyond 2σ are not enough
    expect(rules([15, 15])).toEqual([null, null]);
    // the middle point below the mean: not all three on one side
    expect(rules([15, 10.5, 15])).toEqual([null, null, null]);
    expect(rules([15, 11.5, 11.5, 15])).toEqual([null, null, null, null]);
  });

  it('flags 7 points in a row on one side of the mean; a point on the mean breaks the run', () => {
    expect(rules(Array(7).fill(11.5))).toEqual(Array(7).fill('shift'));
    expect(rules(Array(6).fill(11.5))).toEqual(Array(6).fill(null));
    expect(rules([11.5, 11.5, 11.5, 11, 11.5, 11.5, 11.5, 11.5])).toEqual(Array(8).fill(null));
    expect(run(Array(7).fill(10.5)).map((p) => p.pointType)).toEqual(Array(7).fill('special_cause_concern'));
  });

  it('gives one label per point: outside limits > trend > 2 of 3 > shift', () => {
    expect(rules([8, 9, 10, 11, 12, 13, 17])).toEqual([...Array(6).fill('trend'), 'outside_limits']);
    expect(rules([11.5, 15, 11.5, 15, 11.5, 11.5, 11.5])).toEqual(['shift', 'two_in_three', 'shift', 'two_in_three', 'shift', 'shift', 'shift']);
    // a rising run of 7 above the mean is a trend, not a shift
    expect(rules([11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.7])).toEqual(Array(7).fill('trend'));
  });

  it('orients point types by the improvement direction', () => {
    expect(run([17])[0].pointType).toBe('special_cause_improvement');
    expect(run([17], { improvement: 'decrease' })[0].pointType).toBe('special_cause_concern');
    expect(run([17], { improvement: 'neutral' })[0].pointType).toBe('special_cause_neutral_high');
    expect(run([5], { improvement: 'neutral' })[0].pointType).toBe('special_cause_neutral_low');
    expect(run([11.5])[0].pointType).toBe('common_cause');
  });
});

describe('agreement with NHSRplotthedots test vectors', () => {
  const wide = (mean: number): GroupLimits => ({ mean, averageMovingRange: 1, lpl: -1e9, upl: 1e9, lowerTwoSigma: mean - 1, upperTwoSigma: mean + 1 });
  const profile = SPC_PROFILE_SETTINGS.nhsrplotthedots;
  const flagged = (values: number[], limits: GroupLimits, rule: string) => groupRules(values, limits, profile, 7).map((h, i) => (h?.rule === rule ? i : -1)).filter((i) => i >= 0);

  // tests/testthat/test-ptd_calculate_point_type.R, ptd_seven_point_trend and ptd_part_of_seven_trend
  it('finds the same trends', () => {
    expect(flagged([1, 2, 3, 4, 5, 6], wide(3.5), 'trend')).toEqual([]);
    expect(flagged([1, 2, 3, 3, 4, 5, 6], wide(3.5), 'trend')).toEqual([]);
    expect(flagged([1, 2, 3, 4, 5, 6, 7], wide(4), 'trend')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(flagged([2, 1, 2, 3, 4, 5, 6, 7, 3], wide(4), 'trend')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(flagged([2, 7, 6, 5, 4, 3, 2, 1, 3], wide(4), 'trend')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  // ptd_seven_point_one_side_mean: c(rep(1, 8), -1) → the first 8 points are part of a run
  it('finds the same shifts', () => {
    expect(flagged([...Array(8).fill(1), -1], wide(0), 'shift')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(flagged([...Array(6).fill(1), -1], wide(0), 'shift')).toEqual([]);
  });

  // ptd_two_in_three / ptd_part_of_two_in_three: close = c(0,0,1,0,1,0,0) and c(0,0,1,1,0,0,0), all above the mean
  it('finds the same 2-of-3 points', () => {
    const values = (close: number[]) => close.map((c) => (c ? 2 : 0.5));
    expect(flagged(values([0, 0, 1, 0, 1, 0, 0]), wide(0), 'two_in_three')).toEqual([2, 4]);
    expect(flagged(values([0, 0, 1, 1, 0, 0, 0]), wide(0), 'two_in_three')).toEqual([2, 3]);
    expect(flagged([2, -0.5, 2], wide(0), 'two_in_three')).toEqual([]);
  });

  // tests/testthat/test-ptd_spc_standard.R: two points near the limits on opposite sides are common cause
  it('leaves 2 points close to opposite limits as common cause', () => {
    const data: number[] = Array.from({ length: 16 }, (_v, i) => (i % 2 === 0 ? 1 : -1));
    data[14] = 5.5;
    data[15] = -5.5;
    const r = spc(series(data, '2020-01-02'), { improvement: 'increase' });
    expect(r.points.slice(-2).map((p) => p.pointType)).toEqual(['common_cause', 'common_cause']);
  });
});

describe('the mdc profile', () => {
  it('counts points beyond 3σ towards 2 of 3 (since November 2023)', () => {
    expect(rules([17, 11.5, 15])).toEqual(['outside_limits', null, null]);
    expect(rules([17, 11.5, 15], { profile: 'mdc' })).toEqual(['outside_limits', null, 'two_in_three']);
  });

  it('allows a run length of 6, and only the mdc profile does', () => {
    expect(rules(Array(6).fill(11.5), { profile: 'mdc' })).toEqual(Array(6).fill(null));
    expect(rules(Array(6).fill(11.5), { profile: 'mdc', runLength: 6 })).toEqual(Array(6).fill('shift'));
    expect(rules([8, 9, 10, 11, 12, 13], { profile: 'mdc', runLength: 6 })).toEqual(Array(6).fill('trend'));
    expect(() => rules([11.5], { runLength: 6 })).toThrow(/run length must be 7/);
  });
});
