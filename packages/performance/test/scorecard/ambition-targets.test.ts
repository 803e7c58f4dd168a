import { describe, expect, it } from 'vitest';
import type { AmbitionData, Item } from '@footprint/partnership';
import { ambitionTarget, findIndicator, indicatorSpc, scorecardAmbition, targetsFor, trajectoryAt, type IndicatorDefinition } from '../../src';
import { line, monthly } from './values';

const CM = { code: 'E54000008', name: 'Cheshire and Merseyside', places: [] };
const item = (id: string, data: AmbitionData): Item<AmbitionData> => ({ id, kind: 'ambition', footprint: CM.code, parentId: 'plan', version: 1, data, deleted: false, updatedAt: '2024-01-01T00:00:00Z', updatedBy: { id: 'test', name: 'test' } });
const indicator = (id: string): IndicatorDefinition => findIndicator(id)!;

// Emergency admissions a year: 112 → 100 from 2021-03 to 2025-03, 103 at 2024-03. The indicator counts a month, so the scorecard reads it × 12.
const ADMISSIONS = item('a-admissions', {
  statement: 'Fewer emergency admissions',
  gap: 'finance-and-efficiency',
  measure: 'Emergency admissions per 1,000 registered people a year',
  unit: 'per 1,000',
  baseline: { value: 112, date: '2021-03-31' },
  target: { value: 100, date: '2025-03-31' },
  trajectory: [{ date: '2024-03-31', value: 103 }],
  indicators: [{ id: 'emergency-admissions-per-1000', role: 'primary' }],
});
const PERIODS = ['2021-02', '2021-03', '2023-09', '2024-03', '2024-09', '2025-03', '2025-12'];

describe('one source of targets and trajectories for SPC', () => {
  it('gives an ambition’s interpolated trajectory, the scorecard’s own, month by month', () => {
    const admissions = indicator('emergency-admissions-per-1000');
    const target = ambitionTarget(ADMISSIONS, admissions);
    expect(target).toMatchObject({ id: 'a-admissions', scale: 12, unit: 'per 1,000', direction: 'lower' });
    expect(targetsFor(admissions, PERIODS, target)).toEqual(PERIODS.map((p) => trajectoryAt(ADMISSIONS.data, p)?.value ?? null));
    // Before the baseline none; the baseline; halfway from 112 (2021-03) to 103 (2024-03) at 2022-09 … ; the point; halfway to the target; the target; held after it.
    const [before, baseline, interpolated, point, half, reached, after] = targetsFor(admissions, PERIODS, target);
    expect([before, baseline, point, reached, after]).toEqual([null, 112, 103, 100, 100]);
    expect(interpolated).toBeCloseTo(112 - (9 * 30) / 36, 9);
    expect(half).toBeCloseTo(101.5, 9);
  });

  it('without an ambition gives the catalogue’s target or trajectory', () => {
    const smi = indicator('serious-mental-illness-health-checks');
    expect(smi.target).toEqual({ value: 60, period: '2024-03' });
    expect(targetsFor(smi, ['2023-01', '2025-01'])).toEqual([60, 60]);
    expect(targetsFor(indicator('hypertension-treated-to-target'), ['2023-01'])).toEqual([null]);
  });

  it('charts the series against the ambition exactly as the scorecard judges it, in the ambition’s units', () => {
    const admissions = indicator('emergency-admissions-per-1000');
    const values = monthly('emergency-admissions-per-1000', CM.code, 'footprint', '2022-10', line(24, 9, 0, 0.05));
    const card = scorecardAmbition(ADMISSIONS, values, [admissions], CM, null);
    const chart = indicatorSpc(admissions, CM.code, '', values, ambitionTarget(ADMISSIONS, admissions));
    expect(chart.unit).toBe('per 1,000');
    expect(chart.ambition).toEqual({ id: 'a-admissions', statement: 'Fewer emergency admissions', scale: 12, scaleWords: expect.stringContaining('multiplied by 12') as string });
    const last = chart.spc!.points.at(-1)!;
    expect(last.value).toBeCloseTo(card.footprint.latest!.value, 9);
    expect(last.target).toBeCloseTo(card.footprint.trajectory!.value, 9);
    expect(chart.spc!.points.map((p) => p.target)).toEqual(values.map((v) => trajectoryAt(ADMISSIONS.data, v.period)!.value));
    // 108 a year against a trajectory falling to 100: consistently failing, and the scorecard agrees.
    expect(chart.spc!.assurance).toBe('consistent_fail');
    expect([card.footprint.variation, card.footprint.assurance]).toEqual([chart.spc!.variation, chart.spc!.assurance]);
    // The same series without the ambition is per month, with the catalogue's (absent) target.
    const plain = indicatorSpc(admissions, CM.code, '', values);
    expect(plain.ambition).toBeNull();
    expect(plain.spc!.points.at(-1)!.value).toBeCloseTo(last.value / 12, 9);
    expect(plain.spc!.assurance).toBeNull();
  });
});
