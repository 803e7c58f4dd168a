import { describe, expect, it } from 'vitest';
import { inverseNormal } from '../src';

/**
 * Reference quantiles of the standard normal (as R's qnorm and published tables give them, to the
 * digits shown). Acklam's approximation promises a relative error below 1.2e-9.
 */
const KNOWN: Array<[p: number, z: number]> = [
  [0.5, 0],
  [0.975, 1.959963984540054],
  [0.025, -1.959963984540054],
  [0.95, 1.6448536269514722],
  [0.8413447460685429, 1],
  [0.001, -3.090232306167813],
  [0.999, 3.090232306167813],
  [1e-10, -6.361340902404056],
  [1 - 1e-10, 6.361340889697422],
];

function expectNear(actual: number, expected: number, relative = 1.2e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

describe('inverseNormal: the standard normal quantile Φ⁻¹(p)', () => {
  it.each(KNOWN)('Φ⁻¹(%s) = %s', (p, z) => {
    expectNear(inverseNormal(p), z);
  });

  it('gives Φ⁻¹(0.975) = 1.959963985 to nine places, the z of a 95% interval', () => {
    expect(inverseNormal(0.975)).toBeCloseTo(1.959963985, 8);
    expect(inverseNormal(0.5)).toBe(0);
  });

  it('is symmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p), in both tails and the middle', () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.01, 0.02, 0.02425, 0.1, 0.3, 0.45]) {
      const upper = 1 - p;
      // 1 − p is rounded to a double; compare with the lower-tail point it stands for exactly. At the
      // join (0.02425) one side may use the tail formula and the other the central one: twice the error.
      expectNear(inverseNormal(upper), -inverseNormal(1 - upper), 2.4e-9);
    }
  });

  it('rises with p across the joins between the tail and central approximations', () => {
    const ps = [1e-300, 1e-10, 0.0242, 0.02425, 0.0243, 0.2, 0.5, 0.8, 0.9757, 0.97575, 0.9758, 1 - 1e-10];
    const zs = ps.map(inverseNormal);
    for (let i = 1; i < zs.length; i++) expect(zs[i]).toBeGreaterThan(zs[i - 1]);
  });

  it('returns −∞ at 0 and +∞ at 1, the limits of Φ', () => {
    expect(inverseNormal(0)).toBe(-Infinity);
    expect(inverseNormal(1)).toBe(Infinity);
  });

  it('throws a RangeError for NaN or a probability outside [0, 1]', () => {
    for (const p of [Number.NaN, -1e-9, 1.000001, -Infinity, Infinity]) {
      expect(() => inverseNormal(p), String(p)).toThrow(RangeError);
    }
  });
});
