import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ageStandardisedRates,
  caseFindingCounts,
  footprintProfile,
  InsightInputError,
  practiceWorklist,
  registerPrevalence,
  slopeIndexOfInequality,
  trend,
  listRegisters,
  listCaseFindingRules,
} from '../src/index';
import { ENGINES, ON, type Fixture } from './fixtures';

/** No rounding; only zero counts suppressed (counts ≤ threshold always are). */
const exact = { threshold: 0, rounding: 1 };

for (const [name, make] of Object.entries(ENGINES)) {
  describe(`insight on ${name}`, () => {
    let fx: Fixture;
    beforeAll(async () => {
      fx = await make();
    });
    afterAll(async () => {
      await fx?.close();
    });

    it('counts a register over the list size by practice', async () => {
      const result = await registerPrevalence(fx.engine, { register: 'hypertension', by: 'practice', on: ON, disclosure: exact });
      expect(result.rows).toEqual([
        { group: 'A81001', register_count: 1, list_size: 4, prevalence_per_1000: 250 },
        { group: 'B82002', register_count: null, list_size: 8, prevalence_per_1000: null },
      ]);
      expect(result.definition).toMatch(/hypertension/i);
      expect(result.definition).toMatch(/suppressed/);
    });

    it('applies default disclosure control (≤7 suppressed, rounded to 5)', async () => {
      const result = await registerPrevalence(fx.engine, { register: 'hypertension', by: 'footprint', on: ON });
      expect(result.rows).toEqual([{ group: 'footprint', register_count: null, list_size: 10, prevalence_per_1000: null }]);
      expect(result.disclosure).toEqual({ threshold: 7, rounding: 5 });
    });

    it('follows register rules: age limits and recent treatment', async () => {
      const diabetes = await registerPrevalence(fx.engine, { register: 'diabetes', by: 'sex', on: ON, disclosure: exact });
      expect(diabetes.rows.find((r) => r.group === 'male')?.register_count).toBe(1);
      const asthma = await registerPrevalence(fx.engine, { register: 'asthma', by: 'footprint', on: ON, disclosure: exact });
      expect(asthma.rows[0].register_count).toBe(1);
    });

    it('counts people each case-finding rule flags', async () => {
      const result = await caseFindingCounts(fx.engine, { by: 'footprint', on: ON, disclosure: exact });
      const flagged = Object.fromEntries(result.rows.map((r) => [r.rule, r.flagged]));
      expect(flagged).toEqual({ undiagnosed_hypertension: 1, undiagnosed_diabetes: 1, undiagnosed_ndh: 1, undiagnosed_ckd: 1, undiagnosed_af: 1 });
      expect(result.rows[0].population).toBe(11);
    });

    it('lists a practice worklist with evidence, and nobody from another practice', async () => {
      const a1 = await practiceWorklist(fx.engine, 'A81001', { on: ON });
      expect(a1).toEqual([{ patient_key: 'h2', rule: 'undiagnosed_hypertension', evidence: '2 systolic readings ≥140 mmHg in 36 months; latest 146 mmHg on 2025-03-01' }]);
      const b1 = await practiceWorklist(fx.engine, 'B82002', { on: ON });
      expect(b1.map((r) => `${r.rule}:${r.patient_key}`)).toEqual(['undiagnosed_af:a1', 'undiagnosed_ckd:k1', 'undiagnosed_diabetes:d1', 'undiagnosed_ndh:n1']);
      expect(b1.find((r) => r.rule === 'undiagnosed_ckd')?.evidence).toContain('214 days');
    });

    it('computes a monthly trend in one measure', async () => {
      const result = await trend(fx.engine, { register: 'diabetes', months: 3, on: ON, disclosure: exact });
      expect(result.rows.map((r) => [r.interval_end, r.numerator, r.denominator])).toEqual([
        ['2025-04-30', 1, 12],
        ['2025-05-31', 1, 12],
        ['2025-06-30', 1, 12],
      ]);
    });

    it('gives crude and age-standardised rates with limits', async () => {
      const result = await ageStandardisedRates(fx.engine, { register: 'hypertension', by: 'practice', on: ON, disclosure: exact });
      const a1 = result.rows.find((r) => r.group === 'A81001');
      expect(a1).toMatchObject({ observed: 1, population: 4, crude_rate: 25_000, dsr: null });
      expect(result.definition).toMatch(/European Standard Population 2013/);
    });

    it('profiles the registered population', async () => {
      const profile = await footprintProfile(fx.engine, { on: ON, disclosure: exact });
      expect(profile.pyramid.rows.reduce((s, r) => s + (r.people ?? 0), 0)).toBe(12);
      expect(profile.deprivation.rows.find((r) => r.imd_decile === 1)).toEqual({ imd_decile: 1, core20: true, people: 1 });
      expect(profile.deprivation.rows.find((r) => r.imd_decile === null)?.people).toBe(1);
    });

    it('gives no SII when the register is too small to disclose', async () => {
      const result = await slopeIndexOfInequality(fx.engine, { register: 'hypertension', on: ON });
      expect(result.rows[0].sii).toBeNull();
    });

    it('rejects bad input with a 400 before querying', async () => {
      await expect(registerPrevalence(fx.engine, { register: 'gout' as never, by: 'place', on: ON })).rejects.toThrow(InsightInputError);
      await expect(registerPrevalence(fx.engine, { register: 'hypertension', by: 'shoe_size' as never })).rejects.toThrow(/unknown breakdown/);
      await expect(trend(fx.engine, { register: 'hypertension', months: 0 })).rejects.toMatchObject({ status: 400 });
      await expect(caseFindingCounts(fx.engine, { by: 'place', on: '2025-02-30' })).rejects.toThrow(/ISO date/);
      await expect(practiceWorklist(fx.engine, "A81001' OR 1=1")).rejects.toThrow(InsightInputError);
    });
  });
}

describe('definitions', () => {
  it('every register and rule has a definition', () => {
    expect(listRegisters()).toHaveLength(19);
    for (const r of listRegisters()) expect(r.definition.length).toBeGreaterThan(40);
    for (const r of listCaseFindingRules()) expect(r.clinicalBasis).toMatch(/NICE|NHS/);
  });
});
