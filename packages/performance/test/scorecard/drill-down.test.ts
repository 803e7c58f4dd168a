import type { AmbitionData, Item, PlanData } from '@footprint/partnership';
import { describe, expect, it } from 'vitest';
import { ambitionDrillDown } from '../../src';
import { line, monthly } from './values';

const item = <T>(id: string, data: T): Item<T> => ({ id, kind: 'x', footprint: 'E54000008', parentId: null, version: 1, data, deleted: false, updatedAt: '2024-01-01T00:00:00Z', updatedBy: { id: 'u', name: 'u' } });
const plan = item<PlanData>('plan-1', { name: 'A plan', version: 'v1', status: 'current' } as PlanData);
const ambition = item<AmbitionData>('amb-1', {
  statement: 'Better blood pressure control',
  gap: 'health-and-wellbeing',
  measure: 'People with hypertension treated to target',
  unit: '%',
  baseline: { value: 50, date: '2023-01-31' },
  target: { value: 62, date: '2024-01-31' },
  trajectory: [],
  indicators: [
    { id: 'diabetes-treated-to-target', role: 'supporting' },
    { id: 'hypertension-treated-to-target', role: 'primary' },
    { id: 'register-prevalence-hypertension', role: 'supporting' },
  ],
});
const footprint = { code: 'E54000008', name: 'Cheshire and Merseyside', places: [{ code: 'E08000012', name: 'Liverpool' }] };
const HTN = 'hypertension-treated-to-target';
const values = [
  ...monthly(HTN, 'E54000008', 'footprint', '2023-01', line(12, 50, 1)),
  ...monthly(HTN, 'E08000012', 'place', '2023-01', line(12, 50, 0.5)),
  ...monthly(HTN, 'N82001', 'practice', '2023-01', line(12, 55, 1)),
  ...monthly(HTN, 'Y00001', 'practice', '2023-01', line(12, 55, 1)),
  ...monthly('register-prevalence-hypertension', 'E54000008', 'footprint', '2023-01', line(12, 14, 0.1)),
];

describe('the drill-down of one ambition', () => {
  it('lists its indicators primary first, each for the footprint, places and practices with links to the SPC chart', async () => {
    const d = (await ambitionDrillDown({ plan: { plan, ambitions: [ambition] }, ambitionId: 'amb-1', values, footprint, practicePlaces: new Map([['N82001', 'E08000012'], ['Y00001', 'E99999999']]), names: new Map([['N82001', 'Riverside Surgery']]) }))!;
    expect(d.indicators.map((i) => [i.ref.id, i.ref.role])).toEqual([
      [HTN, 'primary'],
      ['diabetes-treated-to-target', 'supporting'],
      ['register-prevalence-hypertension', 'supporting'],
    ]);
    const [htn, diabetes, prevalence] = d.indicators;
    // 2023-01 50 → 2024-01 62 is 1 a month: the footprint (50 + i ± 0.2) ends at 61.2 in 2023-12 against 61.
    expect(htn.footprint.status).toBe('on-track');
    expect(htn.footprint.trajectory!.value).toBeCloseTo(61, 10);
    expect(htn.places[0]).toMatchObject({ status: 'off-track', href: '/performance/indicators/hypertension-treated-to-target?area=E08000012&ambition=amb-1' });
    // Practices in the footprint's places only, named where the warehouse knows them.
    expect(htn.practices.map((p) => [p.area.code, p.area.name, p.placeCode])).toEqual([['N82001', 'Riverside Surgery', 'E08000012']]);
    expect(htn.practices[0].status).toBe('on-track');
    // Supporting indicators: values and SPC, but no trajectory or status.
    expect(diabetes.footprint).toMatchObject({ latest: null, status: null, reason: 'No data yet: there are no values for Cheshire and Merseyside.' });
    expect(prevalence.footprint).toMatchObject({ status: null, reason: null, trajectory: null, gap: null });
    expect(prevalence.footprint.trend.direction).toBe('rising');
    expect(prevalence.footprint.variation).not.toBeNull();
    expect(d.ambition.footprint.status).toBe('on-track');
  });
  it('is undefined for an ambition the plan does not have', async () => {
    expect(await ambitionDrillDown({ plan: { plan, ambitions: [ambition] }, ambitionId: 'amb-2', values, footprint })).toBeUndefined();
  });
});
