import { describe, expect, it } from 'vitest';
import { breakGlassHours } from './hours';

describe('FOOTPRINT_BREAK_GLASS_HOURS', () => {
  it('defaults to 4 hours and takes a number of hours above 0 and at most 24', () => {
    expect(breakGlassHours({})).toBe(4);
    expect(breakGlassHours({ FOOTPRINT_BREAK_GLASS_HOURS: ' ' })).toBe(4);
    expect(breakGlassHours({ FOOTPRINT_BREAK_GLASS_HOURS: '1.5' })).toBe(1.5);
    expect(breakGlassHours({ FOOTPRINT_BREAK_GLASS_HOURS: '24' })).toBe(24);
  });

  it('refuses anything else at start-up, saying what it must be', () => {
    for (const value of ['0', '-1', '25', 'four', 'Infinity']) {
      expect(() => breakGlassHours({ FOOTPRINT_BREAK_GLASS_HOURS: value })).toThrow(/FOOTPRINT_BREAK_GLASS_HOURS must be a number of hours above 0 and at most 24/);
    }
  });
});
