import type { SpcInputPoint } from '../../src/types';

/** Daily points from 2024-01-01 (any length up to a few hundred). */
export function series(values: readonly number[], start = '2024-01-01'): SpcInputPoint[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return values.map((value, i) => ({ date: new Date(t0 + i * 86_400_000).toISOString().slice(0, 10), value }));
}

/** 10, 12, 10, 12…: mean 11, every moving range 2, so limits 11 ± 5.32 and 2σ lines 11 ± 3.5467. */
export const alternating = (n: number): number[] => Array.from({ length: n }, (_v, i) => (i % 2 === 0 ? 10 : 12));

/** rnorm(20) after set.seed(123), the series of NHSRplotthedots' tests/testthat/test-ptd_spc_standard.R. */
export const RNORM_123 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272,
  -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.7013559, -0.47279141,
];
