import { describe, expect, it } from 'vitest';
import { findIndicator, parseIndicatorCsv, indicatorValuesCsv, spc, improvementOf, SYNTHETIC_NOTE, syntheticIndicatorIds, syntheticNationalSeries, syntheticPeriods } from '../../src';

const INPUT = { footprint: 'E54000008', places: ['E06000049', 'E06000050', 'E08000011', 'E08000012'] };

describe('the synthetic national series', () => {
  it('covers every imported indicator, for the months before the reference date', () => {
    expect(syntheticIndicatorIds()).toEqual(expect.arrayContaining(['ae-four-hour-performance', 'rtt-18-weeks', 'cancer-62-day', 'finance-against-plan']));
    const periods = syntheticPeriods('2026-10-01', 36);
    expect(periods).toHaveLength(36);
    expect(periods[0]).toBe('2023-10');
    expect(periods[35]).toBe('2026-09');
    expect(syntheticPeriods('2026-01-15', 2)).toEqual(['2025-11', '2025-12']);
    const values = syntheticNationalSeries(INPUT);
    for (const id of syntheticIndicatorIds()) {
      const indicator = findIndicator(id)!;
      for (const areaType of indicator.areaTypes) {
        const areas = new Set(values.filter((v) => v.indicatorId === id && v.areaType === areaType).map((v) => v.areaCode));
        expect(areas.size, `${id} ${areaType}`).toBe(areaType === 'place' ? 4 : areaType === 'practice' ? 0 : 1);
      }
    }
  });

  it('is the same every run, labelled synthetic, and passes the CSV checks', () => {
    const a = syntheticNationalSeries(INPUT);
    expect(syntheticNationalSeries(INPUT)).toEqual(a);
    expect(a.every((v) => v.synthetic && v.note === SYNTHETIC_NOTE)).toBe(true);
    expect(parseIndicatorCsv(indicatorValuesCsv(a)).problems).toEqual([]);
  });

  it('gives proportions numerators, denominators and Wilson limits, the footprint the sum of its places', () => {
    const values = syntheticNationalSeries(INPUT).filter((v) => v.indicatorId === 'ae-four-hour-performance' && v.period === '2025-01');
    const footprint = values.find((v) => v.areaType === 'footprint')!;
    const places = values.filter((v) => v.areaType === 'place');
    expect(footprint.numerator).toBe(places.reduce((s, v) => s + v.numerator!, 0));
    expect(footprint.denominator).toBe(places.reduce((s, v) => s + v.denominator!, 0));
    expect(footprint.value).toBeCloseTo((100 * footprint.numerator!) / footprint.denominator!, 4);
    expect(footprint.lower998!).toBeLessThan(footprint.lower95!);
    expect(footprint.lower95!).toBeLessThan(footprint.value!);
    expect(footprint.upper95!).toBeGreaterThan(footprint.value!);
    expect(footprint.value!).toBeGreaterThan(55);
    expect(footprint.value!).toBeLessThan(90);
  });

  it('shows special cause variation in SPC for the footprint', () => {
    const values = syntheticNationalSeries(INPUT);
    for (const id of ['ae-four-hour-performance', 'rtt-18-weeks', 'cancer-62-day', 'finance-against-plan']) {
      const series = values.filter((v) => v.indicatorId === id && v.areaType === 'footprint');
      const result = spc(series.map((v) => ({ date: `${v.period}-01`, value: v.value! })), { improvement: improvementOf(findIndicator(id)!.polarity) });
      expect(result.points.some((p) => p.pointType !== 'common_cause'), id).toBe(true);
    }
  });
});
