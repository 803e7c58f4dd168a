import { describe, expect, it } from 'vitest';
import {
  QRISK3_2017,
  QRISK3_DISCLAIMER,
  Qrisk3InputError,
  qrisk3,
  qrisk3Unrounded,
  roundAsClinRisk,
  type Qrisk3Input,
} from '../../src/index';
import { QRISK3_2019_TEST, SISU_QRISK3_EXPECTATIONS, type PublishedVector } from './qrisk3-published-vectors';

/** A published vector as ClinRisk's inputs (see the fixture for the recodings). */
function inputOf(v: PublishedVector): Qrisk3Input {
  const { id: _id, expected: _expected, weight, height, smokeCatR, ...rest } = v;
  return { ...rest, bmi: weight / (height / 100) ** 2, smoke_cat: smokeCatR - 1 };
}

// A person well inside every range, for the checks that are not published vectors.
const base: Qrisk3Input = { age: 64, sex: 'female', bmi: 25, ethrisk: 1, rati: 4, sbp: 140, sbps5: 10, smoke_cat: 0, town: 0 };
/** The log cumulative hazard, log(−log(1 − risk)), which is linear in the terms without interactions. */
const logHazard = (input: Qrisk3Input) => Math.log(-Math.log(1 - qrisk3Unrounded(input) / 100));

describe('QRISK3-2017 against the published vectors (CRAN QRISK3 0.6.0, QRISK3_2019_test: ClinRisk C algorithm scores)', () => {
  it('has vectors for both sexes', () => {
    expect(QRISK3_2019_TEST.filter((v) => v.sex === 'female').length).toBe(25);
    expect(QRISK3_2019_TEST.filter((v) => v.sex === 'male').length).toBe(24);
  });
  it.each(QRISK3_2019_TEST.map((v) => [v.id, v.sex, v.expected, v] as const))('vector %i (%s) scores %s', (_id, _sex, expected, v) => {
    const score = qrisk3(inputOf(v));
    expect(score).toBe(expected);
    expect(Math.abs(qrisk3Unrounded(inputOf(v)) - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
  });
});

describe('QRISK3-2017 against an independent implementation\'s published expectations (sisuhealthgroup/qrisk3: other ages and ethnicities)', () => {
  it.each(SISU_QRISK3_EXPECTATIONS)('age %i %s, ethrisk %i, ratio %s scores %s', (age, sex, ethrisk, rati, expected) => {
    expect(qrisk3({ age, sex, ethrisk, rati, bmi: 70 / 1.7 ** 2, sbp: 120, sbps5: 10, smoke_cat: 0, town: 0 })).toBe(expected);
  });
});

describe('QRISK3-2017 checks derived from the published equations', () => {
  it('adds exactly the published ethnicity coefficient to the log hazard, for every category and both sexes (ethnicity has no interactions)', () => {
    for (const sex of ['female', 'male'] as const) {
      const white = logHazard({ ...base, sex });
      for (const ethrisk of [2, 3, 4, 5, 6, 7, 8, 9] as const) {
        expect(logHazard({ ...base, sex, ethrisk }) - white).toBeCloseTo(QRISK3_2017[sex].ethrisk[ethrisk], 10);
      }
    }
  });
  it('raises risk with every smoking category over non-smoking at 64, for both sexes', () => {
    for (const sex of ['female', 'male'] as const) {
      const scores = [0, 1, 2, 3, 4].map((smoke_cat) => qrisk3Unrounded({ ...base, sex, smoke_cat }));
      for (let c = 1; c <= 4; c++) expect(scores[c]).toBeGreaterThan(scores[0]);
    }
  });
  it('ignores b_impotence2 for women (their equation has no such term) but not for men', () => {
    expect(qrisk3Unrounded({ ...base, b_impotence2: 1 })).toBe(qrisk3Unrounded(base));
    expect(qrisk3Unrounded({ ...base, sex: 'male', b_impotence2: 1 })).toBeGreaterThan(qrisk3Unrounded({ ...base, sex: 'male' }));
  });
  it('scores the edges of the ranges (age 25 and 84, BMI 20 and 40, ratio 1 and 12, SBP 70 and 210, Townsend −7 and 11) between 0 and 100', () => {
    const edges: Partial<Qrisk3Input>[] = [
      { age: 25 }, { age: 84 }, { bmi: 20 }, { bmi: 40 }, { rati: 1 }, { rati: 12 }, { sbp: 70 }, { sbp: 210 }, { town: -7 }, { town: 11 }, { sbps5: 0 },
    ];
    for (const sex of ['female', 'male'] as const) {
      for (const edge of edges) {
        const score = qrisk3Unrounded({ ...base, sex, ...edge });
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThan(100);
      }
      expect(qrisk3Unrounded({ ...base, sex, age: 84 })).toBeGreaterThan(qrisk3Unrounded({ ...base, sex, age: 25 }));
    }
  });
});

describe('QRISK3-2017 inputs left out', () => {
  const v = QRISK3_2019_TEST.find((x) => x.id === 26)!; // a man with every condition 0, ethrisk 2, town 0
  it('treats an unrecorded condition as 0, a missing Townsend score as 0 and a missing ethnicity as 1 (White or not stated)', () => {
    const full = inputOf(v);
    const { b_AF: _a, b_atypicalantipsy: _b, b_corticosteroids: _c, b_impotence2: _d, b_migraine: _e, b_ra: _f, b_renal: _g, b_semi: _h, b_sle: _i, b_treatedhyp: _j, b_type1: _k, b_type2: _l, fh_cvd: _m, town: _n, ethrisk: _o, ...required } = full;
    expect(qrisk3(required)).toBe(qrisk3({ ...full, ethrisk: 1 }));
    expect(qrisk3({ ...required, ethrisk: 2 })).toBe(v.expected);
  });
  it.each(['age', 'sex', 'bmi', 'rati', 'sbp', 'sbps5', 'smoke_cat'] as const)('refuses to guess a missing %s', (column) => {
    const input: Record<string, unknown> = { ...base };
    delete input[column];
    expect(() => qrisk3(input as Qrisk3Input)).toThrow(Qrisk3InputError);
    try {
      qrisk3(input as Qrisk3Input);
    } catch (error) {
      expect((error as Qrisk3InputError).problems.map((p) => p.column)).toEqual([column]);
    }
  });
});

describe('QRISK3-2017 ranges, as ClinRisk checks them', () => {
  it.each([
    [{ age: 24 }, 'age', 'must be in the range 25 to 84, not 24'],
    [{ age: 85 }, 'age', 'must be in the range 25 to 84, not 85'],
    [{ age: 64.5 }, 'age', 'must be a whole number'],
    [{ bmi: 19.9 }, 'bmi', 'must be in the range 20 to 40'],
    [{ bmi: 40.1 }, 'bmi', 'must be in the range 20 to 40'],
    [{ rati: 0.5 }, 'rati', 'must be in the range 1 to 12'],
    [{ sbp: 211 }, 'sbp', 'must be in the range 70 to 210'],
    [{ sbps5: -1 }, 'sbps5', 'must be 0 or more'],
    [{ smoke_cat: 5 }, 'smoke_cat', 'must be in the range 0 to 4'],
    [{ ethrisk: 0 }, 'ethrisk', 'must be in the range 1 to 9'],
    [{ ethrisk: 10 }, 'ethrisk', 'must be in the range 1 to 9'],
    [{ town: 11.5 }, 'town', 'must be in the range -7 to 11'],
    [{ b_AF: 2 }, 'b_AF', 'must be 0 or 1'],
    [{ sex: 'f' }, 'sex', 'must be female or male'],
    [{ b_type1: 1, b_type2: 1 }, 'b_type2', 'cannot be 1 as well as b_type1'],
  ] as const)('refuses %o', (change, column, message) => {
    try {
      qrisk3({ ...base, ...change } as Qrisk3Input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Qrisk3InputError);
      expect((error as Qrisk3InputError).status).toBe(400);
      expect((error as Qrisk3InputError).problems).toEqual([{ column, message: expect.stringContaining(message) }]);
    }
  });
  it('lists every problem at once', () => {
    expect(() => qrisk3({ ...base, age: 90, sbp: 300 })).toThrow('age: must be in the range 25 to 84, not 90; sbp: must be in the range 70 to 210, not 300');
  });
});

describe('rounding as ClinRisk prints it', () => {
  it('rounds the exact value to the nearest tenth, and exact halves to the even tenth as C printf("%.1f") does', () => {
    expect(roundAsClinRisk(17.249999)).toBe(17.2);
    expect(roundAsClinRisk(17.25)).toBe(17.2);
    expect(roundAsClinRisk(17.75)).toBe(17.8);
    expect(roundAsClinRisk(0.05)).toBe(0.1); // 0.05 is held as 0.05000000000000000277, above the half
    expect(roundAsClinRisk(0.15)).toBe(0.1); // 0.15 is held as 0.1499999999999999944…, below the half (Math.round(0.15 * 10) would give 0.2)
  });
  it('holds ClinRisk\'s disclaimer word for word', () => {
    expect(QRISK3_DISCLAIMER).toContain('Inaccurate implementations of risk scores can lead to wrong patients being given the wrong treatment.');
  });
});
