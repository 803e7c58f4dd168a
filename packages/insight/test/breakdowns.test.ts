import { describe, expect, it } from 'vitest';
import { BREAKDOWNS, CORE20, FIGURES, groupLabel, listBreakdowns, listFigures, NOT_CORE20 } from '../src/index';

describe('the breakdown vocabulary', () => {
  it('names groups by decile, quintile, Core20, or the value itself, and a missing value as Unknown', () => {
    expect(groupLabel('imd_decile', '1')).toBe('Decile 1');
    expect(groupLabel('imd_quintile', '5')).toBe('Quintile 5');
    expect(groupLabel('sex', 'female')).toBe('Female');
    expect(groupLabel('footprint', 'footprint')).toBe('Whole footprint');
    expect(groupLabel('place', 'E08000012')).toBe('E08000012');
    expect(groupLabel('place', null)).toBe('Unknown');
  });

  it('labels the two Core20 groups differently, with the values the breakdown gives', () => {
    expect(groupLabel('core20', CORE20)).toBe('Core20 (most deprived 20%)');
    expect(groupLabel('core20', NOT_CORE20)).toBe('Rest of footprint');
  });

  it('names every breakdown once', () => {
    const listed = listBreakdowns();
    expect(listed.map((b) => b.id)).toEqual([...BREAKDOWNS]);
    expect(listed.find((b) => b.id === 'core20')).toMatchObject({ name: 'Core20' });
    for (const b of listed) expect(b.description).not.toBe('');
  });
});

describe('the catalogue of figures', () => {
  it('lists every figure once, with what it shows and how its counts are protected', () => {
    const figures = listFigures();
    expect(new Set(figures.map((f) => f.id)).size).toBe(FIGURES.length);
    expect(figures.map((f) => f.id)).toEqual(expect.arrayContaining(['register-prevalence', 'age-standardised-rates', 'slope-index-of-inequality', 'case-finding', 'trend', 'population-pyramid', 'population-deprivation']));
    for (const f of figures) {
      expect(f.description.length).toBeGreaterThan(20);
      expect(['counts', 'statistic']).toContain(f.disclosure);
    }
    expect(figures.find((f) => f.id === 'register-prevalence')?.breakdowns).toContain('core20');
  });
});
