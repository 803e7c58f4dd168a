import { describe, expect, it } from 'vitest';
import { applyDisclosureControl, CohortError, controlCount } from '../src/index';

describe('disclosure control', () => {
  it('suppresses counts of 7 or fewer and rounds the rest to the nearest 5', () => {
    expect([0, 1, 7, 8, 10, 12, 13, 1002].map((n) => controlCount(n))).toEqual([null, null, null, 10, 10, 10, 15, 1000]);
  });

  it('is configurable', () => {
    expect(controlCount(4, { threshold: 2, rounding: 10 })).toBe(0);
    expect(controlCount(16, { threshold: 2, rounding: 10 })).toBe(20);
    expect(controlCount(3, { threshold: 0, rounding: 1 })).toBe(3);
    expect(() => controlCount(3, { rounding: 0 })).toThrow(CohortError);
  });

  it('recomputes ratios from the controlled counts so unrounded figures cannot be recovered', () => {
    const rows = applyDisclosureControl([{ group: 'a', numerator: 12, denominator: 103, rate: 12 / 103 }, { group: 'b', numerator: 3, denominator: 50, rate: 0.06 }], ['numerator', 'denominator'], {
      ratios: { rate: { numerator: 'numerator', denominator: 'denominator', per: 1000 } },
    });
    expect(rows).toEqual([
      { group: 'a', numerator: 10, denominator: 105, rate: (10 / 105) * 1000 },
      { group: 'b', numerator: null, denominator: 50, rate: null },
    ]);
  });
});
