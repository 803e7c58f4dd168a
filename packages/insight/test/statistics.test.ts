import { describe, expect, it } from 'vitest';
import { byarLimits, crudeRate, directlyStandardisedRate, ESP2013, siiFromGroups } from '../src/index';
import { tQuantile } from '../src/statistics/sii';

describe("Byar's approximation", () => {
  it('is close to the exact Poisson limits (10 events: 4.795 to 18.390)', () => {
    const { lower, upper } = byarLimits(10);
    expect(lower).toBeCloseTo(4.7874, 3);
    expect(upper).toBeCloseTo(18.3915, 3);
    expect(Math.abs(lower - 4.7954)).toBeLessThan(0.01);
    expect(Math.abs(upper - 18.3904)).toBeLessThan(0.01);
  });
  it('has a lower limit of 0 for no events and an upper of about 3.7', () => {
    const { lower, upper } = byarLimits(0);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(3.7, 1);
  });
  it('scales to a crude rate per 100,000', () => {
    expect(crudeRate(10, 20_000)).toMatchObject({ rate: 50 });
    expect(crudeRate(10, 20_000).lower).toBeCloseTo(23.94, 1);
  });
});

describe('directly standardised rates (Dobson)', () => {
  it('matches a worked example', () => {
    const r = directlyStandardisedRate([
      { observed: 10, population: 1000, standard: 5000 },
      { observed: 20, population: 2000, standard: 5500 },
      { observed: 0, population: 500, standard: 5500 },
      { observed: 45, population: 3000, standard: 6000 },
    ]);
    expect(r.rate).toBeCloseTo(886.3636, 3);
    expect(r.lower).toBeCloseTo(683.7732, 3);
    expect(r.upper).toBeCloseTo(1126.9721, 3);
    expect(r.reliable).toBe(true);
  });
  it('equals the common rate when every age band has the same rate', () => {
    const strata = Object.values(ESP2013).map((standard, i) => ({ observed: 3 * (i + 1), population: 1000 * (i + 1), standard }));
    expect(directlyStandardisedRate(strata).rate).toBeCloseTo(300, 6);
  });
  it('uses ESP 2013 weights that sum to 100,000 over 19 bands', () => {
    expect(Object.keys(ESP2013)).toHaveLength(19);
    expect(Object.values(ESP2013).reduce((a, b) => a + b, 0)).toBe(100_000);
  });
  it('flags fewer than 10 events as unreliable and gives no limits for none', () => {
    expect(directlyStandardisedRate([{ observed: 9, population: 100, standard: 1 }]).reliable).toBe(false);
    expect(directlyStandardisedRate([{ observed: 0, population: 100, standard: 1 }])).toMatchObject({ rate: 0, lower: null, upper: null });
  });
});

describe('slope index of inequality', () => {
  it('recovers an exact linear gradient with a zero-width interval', () => {
    const groups = Array.from({ length: 10 }, (_, i) => ({ rate: 100 - 50 * ((i + 0.5) / 10), population: 1000 }));
    const r = siiFromGroups(groups)!;
    expect(r.sii).toBeCloseTo(50, 9);
    expect(r.upper - r.lower).toBeCloseTo(0, 9);
    expect(r.rii).toBeCloseTo(100 / 50, 9);
  });
  it('matches a worked weighted regression', () => {
    const rates = [120, 110, 112, 95, 90, 85, 80, 70, 72, 60];
    const pops = [1000, 1200, 900, 1100, 1000, 950, 1050, 1000, 1000, 800];
    const r = siiFromGroups(rates.map((rate, i) => ({ rate, population: pops[i] })))!;
    expect(r.sii).toBeCloseTo(63.33515, 4);
    expect(r.lower).toBeCloseTo(54.04325, 3);
    expect(r.upper).toBeCloseTo(72.62705, 3);
    expect(r.mostDeprived).toBeCloseTo(121.87258, 4);
  });
  it("uses Student's t (8 df: 2.306)", () => {
    expect(tQuantile(0.975, 8)).toBeCloseTo(2.306, 3);
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.182, 3);
  });
  it('needs three groups', () => {
    expect(siiFromGroups([{ rate: 1, population: 1 }, { rate: 2, population: 1 }])).toBeNull();
  });
});
