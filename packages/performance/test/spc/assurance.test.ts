import { describe, expect, it } from 'vitest';
import { assuranceOf, spc, SpcInputError, variationIconOf } from '../../src/spc';
import { alternating, series } from './helpers';

// alternating(20): limits 5.68–16.32
const points = series(alternating(20));

describe('assurance against a target', () => {
  it('passes consistently when the whole band is on the good side, fails when on the bad side, else inconsistent', () => {
    expect(spc(points, { improvement: 'increase', target: 5 }).assurance).toBe('consistent_pass');
    expect(spc(points, { improvement: 'increase', target: 17 }).assurance).toBe('consistent_fail');
    expect(spc(points, { improvement: 'increase', target: 11 }).assurance).toBe('inconsistent');
    expect(spc(points, { improvement: 'decrease', target: 5 }).assurance).toBe('consistent_fail');
    expect(spc(points, { improvement: 'decrease', target: 17 }).assurance).toBe('consistent_pass');
  });

  it('is null without a target or with a neutral improvement', () => {
    expect(spc(points, { improvement: 'increase' }).assurance).toBeNull();
    expect(spc(points, { improvement: 'neutral', target: 5 }).assurance).toBeNull();
  });

  it('uses the latest point’s target of a trajectory, against the last group’s limits', () => {
    const trajectory = points.map((_p, i) => (i === points.length - 1 ? 17 : 5));
    expect(spc(points, { improvement: 'increase', target: trajectory }).assurance).toBe('consistent_fail');
    expect(spc(points, { improvement: 'increase', target: trajectory }).points[0].target).toBe(5);
    const lastNull = points.map((_p, i) => (i === points.length - 1 ? null : 5));
    expect(spc(points, { improvement: 'increase', target: lastNull }).assurance).toBeNull();
    expect(() => spc(points, { improvement: 'increase', target: [1, 2] })).toThrow(SpcInputError);
    // a second group at 20/24 (limits 11.36–32.64): a target of 17 is then inconsistent
    const rebased = series([...alternating(12), ...alternating(12).map((v) => 2 * v)]);
    expect(spc(rebased, { improvement: 'increase', target: 17 }).assurance).toBe('inconsistent');
    expect(spc(rebased, { improvement: 'increase', target: 10, rebase: [rebased[12].date] }).assurance).toBe('consistent_pass');
    expect(spc(rebased, { improvement: 'increase', target: 4, rebase: [] }).assurance).toBe('consistent_pass');
  });

  // tests/testthat/test-ptd_calculate_assurance_type.R: lpl/upl (1,3), (5,7), (1,5) against a target of 4
  it('agrees with NHSRplotthedots assurance vectors', () => {
    const bands: [number, number][] = [
      [1, 3],
      [5, 7],
      [1, 5],
    ];
    expect(bands.map(([l, u]) => assuranceOf('increase', 4, l, u))).toEqual(['consistent_fail', 'consistent_pass', 'inconsistent']);
    expect(bands.map(([l, u]) => assuranceOf('decrease', 4, l, u))).toEqual(['consistent_pass', 'consistent_fail', 'inconsistent']);
    expect(bands.map(([l, u]) => assuranceOf('neutral', 4, l, u))).toEqual([null, null, null]);
  });
});

describe('the variation icon', () => {
  it('is the latest point’s', () => {
    const high = series([...alternating(12), 20]);
    expect(spc(high, { improvement: 'increase' }).variation).toBe('improvement_high');
    expect(spc(high, { improvement: 'decrease' }).variation).toBe('concern_high');
    expect(spc(high, { improvement: 'neutral' }).variation).toBe('neutral_high');
    const low = series([...alternating(12), 0]);
    expect(spc(low, { improvement: 'increase' }).variation).toBe('concern_low');
    expect(spc(low, { improvement: 'decrease' }).variation).toBe('improvement_low');
    expect(spc(low, { improvement: 'neutral' }).variation).toBe('neutral_low');
    expect(spc(series([20, ...alternating(12)]), { improvement: 'increase' }).variation).toBe('common_cause');
  });

  // R/geom_ptd_icon.R (ptd_get_icons)
  it('maps point types as NHSRplotthedots does', () => {
    expect(variationIconOf('special_cause_improvement', 'decrease')).toBe('improvement_low');
    expect(variationIconOf('special_cause_concern', 'increase')).toBe('concern_low');
    expect(variationIconOf('common_cause', 'increase')).toBe('common_cause');
  });
});
