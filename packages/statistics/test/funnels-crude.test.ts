/**
 * Crude-rate funnels and calculate_funnel_points against PHEindicatormethods' published test data
 * (ukhsa-collaboration/PHEindicatormethods 2.1.0, tests/testthat/testFunnels.R with
 * testdata_funnel_rate_input_funnels.csv, testdata_funnel_rate_outputs_2.csv,
 * testdata_funnel_rate_outputs_3.csv and testdata_funnel_rate_dsr_inputs.csv, copied unchanged
 * into fixtures/phe-testdata_funnel_*.csv).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { funnelLimits, funnelPlotPoints, funnelSignificance, type FunnelPointInput } from '../src';

/** Reads a fixture CSV (quoted fields may hold commas; NA is null). */
function csv(name: string): Array<Record<string, string | number | null>> {
  const [header, ...lines] = readFileSync(new URL(`./fixtures/phe-${name}.csv`, import.meta.url), 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1]);
  const columns = split(header);
  return lines.map((line) => {
    const cells = split(line);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] === 'NA' ? null : cells[i] !== '' && !Number.isNaN(Number(cells[i])) ? Number(cells[i]) : cells[i]]));
  });
}

const INPUT = csv('testdata_funnel_rate_input_funnels');
const maxEvents = Math.max(...INPUT.map((r) => r.ev as number));
const num = (v: unknown) => v as number;
const close = (mine: number | null, theirs: number | null, tolerance = 1e-6) => {
  if (theirs === null) return expect(mine).toBeNull();
  expect(mine).not.toBeNull();
  expect(Math.abs((mine as number) / theirs - 1)).toBeLessThanOrEqual(tolerance);
};

describe('funnelPlotPoints (calculate_funnel_points)', () => {
  it('does not chart DSRs on fewer than 10 events and derives the one-year denominator', () => {
    const data = INPUT.map((r) => ({ numerator: r.ev === maxEvents ? 5 : num(r.ev), rate: num(r.rate) }));
    const points = funnelPlotPoints(data, { rateType: 'dsr', yearsOfData: 3, multiplier: 1e5 });
    points.forEach((p, i) => {
      close(p.rateChart, INPUT[i].ev === maxEvents ? null : num(INPUT[i].rate_chart));
      close(p.denominatorDerived, INPUT[i].ev === maxEvents ? null : num(INPUT[i].denominator_derived));
    });
    expect(points.filter((p) => p.rateChart === null)).toHaveLength(1);
  });
  it('charts every crude rate', () => {
    const points = funnelPlotPoints(INPUT.map((r) => ({ numerator: num(r.ev), rate: num(r.rate) })), { rateType: 'crude', yearsOfData: 3, multiplier: 1e5 });
    points.forEach((p, i) => {
      close(p.rateChart, num(INPUT[i].rate_chart_crude));
      close(p.denominatorDerived, num(INPUT[i].denominator_derived_crude));
    });
  });
  it('takes the denominator given for a crude rate with 0 events', () => {
    const data = INPUT.map((r) => ({ numerator: r.ev === maxEvents ? 0 : num(r.ev), rate: num(r.rate), denominator: num(r.pop) }));
    const points = funnelPlotPoints(data, { rateType: 'crude', yearsOfData: 5, multiplier: 1e5 });
    points.forEach((p, i) => {
      close(p.rateChart, num(INPUT[i].rate_chart_crude_with_denom));
      close(p.denominatorDerived, num(INPUT[i].denominator_derived_crude_with_denom));
    });
    expect(points.find((_p, i) => INPUT[i].ev === maxEvents)!.denominatorDerived).toBeCloseTo(6883 / 5, 9);
  });
  it('refuses a 0-event record without a denominator, and bad options', () => {
    expect(() => funnelPlotPoints([{ numerator: 0, rate: 0 }], { rateType: 'crude', yearsOfData: 1, multiplier: 1e5 })).toThrow('the denominator must be provided');
    expect(() => funnelPlotPoints([{ numerator: 3, rate: 1 }], { rateType: 'crude', yearsOfData: 0, multiplier: 1e5 })).toThrow('years of data must be above 0');
  });
});

function checkTable(table: ReturnType<typeof funnelLimits>, expected: ReturnType<typeof csv>, years: number, average: number) {
  expect(table).toHaveLength(expected.length);
  table.forEach((row, i) => {
    const e = expected[i];
    expect(row.point).toBe(e.Events);
    expect(e.statistic).toBe('rate (crude per 100,000)');
    close(row.baseline!, num(e.baseline));
    // Limits and populations: relative 1e-6. The reference finds its Poisson quantiles by bisection
    // (to 1e-7 in v), so where a line's expected count is below 1 (the upper lines at one or two
    // events: huge rates at tiny populations) only v is that precise.
    const lines: Array<[number, number, number | undefined, number]> = [
      [row.lower2s, num(e.lower_2s_limit), row.lower2sDenominator, num(e.lower_2s_population_1_year)],
      [row.upper2s, num(e.upper_2s_limit), row.upper2sDenominator, num(e.upper_2s_population_1_year)],
      [row.lower3s, num(e.lower_3s_limit), row.lower3sDenominator, num(e.lower_3s_population_1_year)],
      [row.upper3s, num(e.upper_3s_limit), row.upper3sDenominator, num(e.upper_3s_population_1_year)],
    ];
    for (const [limit, theirLimit, population, theirPopulation] of lines) {
      const expectedEvents = (p: number) => p * average * years;
      if (expectedEvents(theirPopulation) > 1) {
        close(limit, theirLimit);
        close(population!, theirPopulation);
      } else {
        // Compared as funnels.test.ts compares ratio lines: in v = E / (1 + O + E), the reference's bisection variable.
        const v = (expected: number) => expected / (1 + row.point + expected);
        expect(Math.abs(v(expectedEvents(population!)) - v(expectedEvents(theirPopulation)))).toBeLessThanOrEqual(2e-7);
      }
    }
  });
}

describe('crude-rate funnel limits (calculate_funnel_limits, rate_type crude)', () => {
  it('matches testdata_funnel_rate_outputs_2.csv: 3 years, the largest record cut to 5 events', () => {
    const data: FunnelPointInput[] = INPUT.map((r) => ({ numerator: r.ev === maxEvents ? 5 : num(r.ev), rate: num(r.rate) }));
    const average = data.reduce((s, r) => s + r.numerator, 0) / data.reduce((s, r) => s + (1e5 * r.numerator) / r.rate!, 0);
    checkTable(funnelLimits(data, { statistic: 'rate', rateType: 'crude', multiplier: 1e5, yearsOfData: 3 }), csv('testdata_funnel_rate_outputs_2'), 3, average);
  });
  it('matches testdata_funnel_rate_outputs_3.csv: 0 events with the denominator given, larger areas only', () => {
    const data: FunnelPointInput[] = INPUT.map((r) => {
      const pop = (1e5 * num(r.ev)) / num(r.rate);
      return r.ev === maxEvents ? { numerator: 0, rate: 0, denominator: pop, pop } : { numerator: num(r.ev), rate: num(r.rate), denominator: pop, pop };
    })
      .filter((r, _i, all) => r.pop > Math.max(...all.map((a) => a.pop)) / 2)
      .map(({ numerator, rate, denominator }) => ({ numerator, rate, denominator }));
    const average = data.reduce((s, r) => s + r.numerator, 0) / data.reduce((s, r) => s + r.denominator!, 0);
    checkTable(funnelLimits(data, { statistic: 'rate', rateType: 'crude', multiplier: 1e5, yearsOfData: 3 }), csv('testdata_funnel_rate_outputs_3'), 3, average);
  });
});

describe('crude-rate funnel significance (assign_funnel_significance, rate_type crude)', () => {
  const RATES = csv('testdata_funnel_rate_dsr_inputs');
  for (const [multiplier, column, label] of [
    [1e5, 'rate_crude_per_100000', 'crude_per_100000'],
    [100, 'rate_crude_per_100', 'crude_per_100'],
  ] as const) {
    it(`labels ${column} with the 0-event record as ${label}_with_0`, () => {
      const data = RATES.map((r) => ({ numerator: num(r.count), rate: num(r[column]), denominator: num(r.pop) }));
      expect(funnelSignificance(data, { statistic: 'rate', rateType: 'crude', multiplier })).toEqual(RATES.map((r) => r[`${label}_with_0`]));
    });
    it(`labels ${column} without it as ${label}_without_0`, () => {
      const rows = RATES.filter((r) => r.count !== 0);
      const data = rows.map((r) => ({ numerator: num(r.count), rate: num(r[column]), denominator: num(r.pop) }));
      expect(funnelSignificance(data, { statistic: 'rate', rateType: 'crude', multiplier })).toEqual(rows.map((r) => r[`${label}_without_0`]));
    });
  }
});
