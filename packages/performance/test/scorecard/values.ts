import type { AreaType, IndicatorValue } from '../../src/types';

/** A value of the long format with only what the scorecard reads filled in. */
export function value(indicatorId: string, areaCode: string, areaType: AreaType, period: string, v: number | null, over: Partial<IndicatorValue> = {}): IndicatorValue {
  return { indicatorId, areaCode, areaType, period, breakdown: '', value: v, numerator: null, denominator: null, lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic: false, ...over };
}

/** Consecutive months from `start`, one value each. */
export function monthly(indicatorId: string, areaCode: string, areaType: AreaType, start: string, values: readonly number[]): IndicatorValue[] {
  const [y, m] = start.split('-').map(Number);
  return values.map((v, i) => {
    const index = y * 12 + m - 1 + i;
    return value(indicatorId, areaCode, areaType, `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, v);
  });
}

/** ±0.2 alternating around a straight line from `from` by `step` a month. */
export const line = (n: number, from: number, step: number, wobble = 0.2): number[] => Array.from({ length: n }, (_v, i) => from + step * i + (i % 2 === 0 ? -wobble : wobble));
