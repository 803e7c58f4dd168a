import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directlyStandardisedRate, rateLimits, wilsonInterval } from '@footprint/statistics';
import { ESP2013 } from '@footprint/insight';
import { computeIndicatorValues, ComputeInputError, DSR_SUPPRESSED_NOTE, UNDER_75_BANDS, type IndicatorValue } from '../../src';
import { FOOTPRINT, MONTHS, openSyntheticWarehouse, type SyntheticWarehouse } from './synthetic-warehouse';
import { PER_PERSON, type PerPersonSql } from './direct-sql';

/**
 * Values computed through the cohort engine reconciled with hand-written SQL straight against the
 * warehouse tables, for the footprint, a place, a practice and an IMD quintile.
 */
let wh: SyntheticWarehouse;
let values: IndicatorValue[];

beforeAll(async () => {
  wh = await openSyntheticWarehouse();
  values = await computeIndicatorValues({ engine: wh.engine, footprint: FOOTPRINT, months: MONTHS });
}, 120_000);

afterAll(async () => {
  await wh?.close();
});

const AREAS = [
  { areaType: 'footprint', areaCode: FOOTPRINT.code, breakdown: '', where: 'TRUE' },
  { areaType: 'place', areaCode: 'E08000012', breakdown: '', where: "place_code = 'E08000012'" },
  { areaType: 'practice', areaCode: 'P10003', breakdown: '', where: "practice_code = 'P10003'" },
  { areaType: 'footprint', areaCode: FOOTPRINT.code, breakdown: 'imd_quintile:1', where: 'imd_decile <= 2' },
  { areaType: 'place', areaCode: 'E08000011', breakdown: 'imd_quintile:3', where: "place_code = 'E08000011' AND imd_decile IN (5, 6)" },
] as const;

function lookup(indicatorId: string, area: (typeof AREAS)[number], period: string): IndicatorValue | undefined {
  return values.find((x) => x.indicatorId === indicatorId && x.areaType === area.areaType && x.areaCode === area.areaCode && x.breakdown === area.breakdown && x.period === period);
}

function find(indicatorId: string, area: (typeof AREAS)[number], period: string): IndicatorValue {
  const v = lookup(indicatorId, area, period);
  if (!v) throw new Error(`no value for ${indicatorId} ${area.areaCode} ${area.breakdown} ${period}`);
  return v;
}

async function direct(perPerson: PerPersonSql, period: string, where: string): Promise<{ numerator: number; denominator: number }> {
  const [row] = await wh.sql<{ numerator: number | bigint | null; denominator: number | bigint | null }>(
    `WITH per_person AS (${perPerson(period)}) SELECT sum(numerator) AS numerator, sum(denominator) AS denominator FROM per_person JOIN patients USING (patient_key) WHERE ${where}`,
  );
  return { numerator: Number(row.numerator ?? 0), denominator: Number(row.denominator ?? 0) };
}

describe('computed indicator values reconcile with direct warehouse queries', () => {
  const proportions = ['register-prevalence-hypertension', 'register-prevalence-diabetes', 'hypertension-treated-to-target', 'diabetes-treated-to-target', 'learning-disability-community-living', 'serious-mental-illness-health-checks'];
  const rates = ['emergency-admissions-per-1000', 'ae-attendances-per-1000', 'social-care-contacts'];

  for (const id of [...proportions, ...rates]) {
    it(`${id}: numerator, denominator, value and limits for the footprint, a place, a practice and quintiles`, async () => {
      for (const period of ['2024-09', '2025-06']) {
        for (const area of AREAS) {
          const expected = await direct(PER_PERSON[id], period, area.where);
          if (expected.denominator === 0 && area.areaType !== 'footprint') {
            // Nobody in the denominator (a small group): no value, as Fingertips leaves such cells out.
            expect(lookup(id, area, period)).toBeUndefined();
            continue;
          }
          const got = find(id, area, period);
          expect({ id, period, area: area.areaCode, breakdown: area.breakdown, numerator: got.numerator, denominator: got.denominator }).toEqual({
            id,
            period,
            area: area.areaCode,
            breakdown: area.breakdown,
            ...expected,
          });
          expect(expected.denominator).toBeGreaterThan(0);
          if (proportions.includes(id)) {
            const w95 = wilsonInterval(expected.numerator, expected.denominator, 0.95, 100);
            const w998 = wilsonInterval(expected.numerator, expected.denominator, 0.998, 100);
            expect([got.value, got.lower95, got.upper95, got.lower998, got.upper998]).toEqual([w95.value, w95.lower, w95.upper, w998.lower, w998.upper]);
          } else {
            const r95 = rateLimits(expected.numerator, expected.denominator, 1000, 0.95);
            const r998 = rateLimits(expected.numerator, expected.denominator, 1000, 0.998);
            expect([got.value, got.lower95, got.upper95, got.lower998, got.upper998]).toEqual([r95.value, r95.lower, r95.upper, r998.lower, r998.upper]);
          }
        }
      }
    });
  }

  it('case finding adds the four conditions: registers over registers plus those flagged', async () => {
    for (const area of AREAS) {
      const expected = await direct(PER_PERSON['register-prevalence-gap'], '2025-06', area.where);
      const got = find('register-prevalence-gap', area, '2025-06');
      expect([got.numerator, got.denominator]).toEqual([expected.numerator, expected.denominator]);
      expect(got.value).toBeCloseTo((expected.numerator / expected.denominator) * 100, 12);
    }
  });

  // Cancer and CVD over 12 rolling months; the two together over 24, as a rate a year (person-years = people at risk × 2).
  const mortality: Array<[string, number]> = [
    ['premature-mortality-cancer-u75', 1],
    ['premature-mortality-cvd-u75', 1],
    ['premature-mortality-cancer-cvd-u75', 2],
  ];
  for (const [id, years] of mortality) {
    it(`${id}: standardised over ${12 * years} rolling months (ESP 2013, Dobson), suppressed below 10 deaths`, async () => {
      const outcomes = { published: 0, suppressed: 0 };
      for (const period of ['2025-03', '2025-06']) {
        for (const area of AREAS) {
          const bands = await wh.sql<{ age_band: string; numerator: number | bigint; denominator: number | bigint }>(
            `WITH per_person AS (${PER_PERSON[id](period)}) SELECT age_band, sum(numerator) AS numerator, sum(denominator) AS denominator FROM per_person JOIN patients USING (patient_key) WHERE ${area.where} GROUP BY age_band`,
          );
          const got = find(id, area, period);
          const people = bands.map((b) => ({ observed: Number(b.numerator), population: Number(b.denominator), standard: ESP2013[b.age_band as keyof typeof ESP2013] }));
          const deaths = people.reduce((s, b) => s + b.observed, 0);
          expect([got.numerator, got.denominator]).toEqual([deaths, people.reduce((s, b) => s + b.population, 0)]);
          if (deaths < 10) {
            outcomes.suppressed++;
            expect(got).toMatchObject({ value: null, lower95: null, upper95: null, lower998: null, upper998: null, note: DSR_SUPPRESSED_NOTE });
          } else {
            outcomes.published++;
            const strata = people.map((b) => ({ ...b, population: b.population * years }));
            const share = strata.reduce((s, b) => s + b.standard, 0) / UNDER_75_BANDS.reduce((s, b) => s + ESP2013[b as keyof typeof ESP2013], 0);
            const d95 = directlyStandardisedRate(strata, { multiplier: 100_000, confidence: 0.95 });
            const d998 = directlyStandardisedRate(strata, { multiplier: 100_000, confidence: 0.998 });
            expect(got.value).toBeCloseTo(d95.value! * share, 9);
            expect(got.lower95).toBeCloseTo(d95.lower! * share, 9);
            expect(got.upper95).toBeCloseTo(d95.upper! * share, 9);
            expect(got.lower998).toBeCloseTo(d998.lower! * share, 9);
            expect(got.upper998).toBeCloseTo(d998.upper! * share, 9);
            expect(got.note).toBeNull();
          }
        }
      }
      expect(outcomes.published).toBeGreaterThan(0);
      expect(outcomes.suppressed).toBeGreaterThan(0);
    });
  }

  it('gives values only for the footprint’s own places and practices, and a value for every month', () => {
    const areas = new Set(values.map((v) => `${v.areaType}:${v.areaCode}`));
    expect([...areas].sort()).toEqual(['footprint:E54000008', 'place:E08000011', 'place:E08000012', 'practice:P10001', 'practice:P10002', 'practice:P10003']);
    const footprint = values.filter((v) => v.indicatorId === 'register-prevalence-hypertension' && v.areaType === 'footprint' && v.breakdown === '');
    expect(footprint.map((v) => v.period)).toEqual(MONTHS);
    const quintiles = new Set(values.filter((v) => v.areaType === 'footprint').map((v) => v.breakdown));
    expect([...quintiles].sort()).toEqual(['', 'imd_quintile:1', 'imd_quintile:2', 'imd_quintile:3', 'imd_quintile:4', 'imd_quintile:5']);
    expect(values.every((v) => !v.synthetic)).toBe(true);
  });

  it('refuses indicators it does not compute and bad months', async () => {
    await expect(computeIndicatorValues({ engine: wh.engine, footprint: FOOTPRINT, months: MONTHS, indicators: ['rtt-18-weeks'] })).rejects.toThrow(/imported from CSV/);
    await expect(computeIndicatorValues({ engine: wh.engine, footprint: FOOTPRINT, months: MONTHS, indicators: ['no-such'] })).rejects.toThrow(ComputeInputError);
    await expect(computeIndicatorValues({ engine: wh.engine, footprint: FOOTPRINT, months: ['2025-13'] })).rejects.toThrow(/not a month/);
  });
});
