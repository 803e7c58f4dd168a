/**
 * Published QRISK3-2017 test vectors with ClinRisk's own scores.
 *
 * Source: the CRAN package QRISK3 version 0.6.0 (Yan Li, Matthew Sperrin, Tjeerd van Staa; GPL-3),
 * github.com/cran/QRISK3, file data/QRISK3_2019_test.RData ("Data from QRISK3 original algorithm
 * (C code) in 2019 ... QRISK_C_algorithm_score is the score calculated using original algorithm"),
 * the data set the package's own tests (tests/testthat/QRISK3-2017_testthat.R) check against. We read
 * the .RData file and copied its 49 rows here, value for value, with these recodings stated:
 *   - gender 1 (women) / 0 (men) is written as sex 'female' / 'male';
 *   - the R package codes smoking 1–5 (R vectors start at 1); ClinRisk's smoke_cat is that minus 1,
 *     so the fixture keeps the R value as `smokeCatR` and the test subtracts 1;
 *   - BMI is weight / (height in metres)², as both the R package and ClinRisk's calculator derive it
 *     (the data set's own `bmi` column is a constant left over from the first row and is not used:
 *     rows 15 and 16, which change weight and height only, have ClinRisk scores that differ from row 1
 *     and 16 only matches with the derived BMI).
 * ethrisk is already ClinRisk's 1–9 coding. Every vector is age 64; the set covers both sexes, each
 * condition on its own, ethnicities 2, 4 and 5, smoking categories 0, 1 and 2, Townsend 0 and 1, and
 * changes in BMI, cholesterol ratio, systolic blood pressure and its variability.
 */
export interface PublishedVector {
  id: number;
  /** ClinRisk's C algorithm's score, one decimal place. */
  expected: number;
  age: number;
  sex: 'female' | 'male';
  b_AF: number;
  b_atypicalantipsy: number;
  b_corticosteroids: number;
  b_impotence2: number;
  b_migraine: number;
  b_ra: number;
  b_renal: number;
  b_semi: number;
  b_sle: number;
  b_treatedhyp: number;
  b_type1: number;
  b_type2: number;
  weight: number;
  height: number;
  ethrisk: number;
  fh_cvd: number;
  rati: number;
  sbp: number;
  sbps5: number;
  smokeCatR: number;
  town: number;
}

const FIELDS = [
  'id', 'expected', 'age', 'sex', 'b_AF', 'b_atypicalantipsy', 'b_corticosteroids', 'b_impotence2', 'b_migraine', 'b_ra', 'b_renal', 'b_semi',
  'b_sle', 'b_treatedhyp', 'b_type1', 'b_type2', 'weight', 'height', 'ethrisk', 'fh_cvd', 'rati', 'sbp', 'sbps5', 'smokeCatR', 'town',
] as const;

// prettier-ignore
const ROWS: ReadonlyArray<readonly (number | string)[]> = [
  [1, 17.2, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [2, 17.9, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 1],
  [3, 36.0, 64, 'female', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [4, 21.6, 64, 'female', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [5, 24.1, 64, 'female', 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [6, 17.2, 64, 'female', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [7, 19.1, 64, 'female', 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [8, 20.9, 64, 'female', 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [9, 22.3, 64, 'female', 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [10, 19.3, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [11, 23.5, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [12, 20.1, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [13, 45.6, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [14, 30.9, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [15, 17.2, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 75, 178, 2, 0, 4, 180, 20, 1, 0],
  [16, 17.3, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 170, 2, 0, 4, 180, 20, 1, 0],
  [17, 17.5, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 4, 0, 4, 180, 20, 1, 0],
  [18, 14.2, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 5, 0, 4, 180, 20, 1, 0],
  [19, 21.9, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 1, 4, 180, 20, 1, 0],
  [20, 19.8, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 5, 180, 20, 1, 0],
  [21, 37.8, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 10, 180, 20, 1, 0],
  [22, 16.5, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 175, 20, 1, 0],
  [23, 16.6, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 15, 1, 0],
  [24, 19.1, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 2, 0],
  [25, 24.5, 64, 'female', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 3, 0],
  [26, 27.1, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [27, 42.0, 64, 'male', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [28, 30.2, 64, 'male', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [29, 35.2, 64, 'male', 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [30, 30.4, 64, 'male', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [31, 29.7, 64, 'male', 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [32, 32.3, 64, 'male', 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [33, 38.2, 64, 'male', 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [34, 30.0, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [35, 38.8, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [36, 30.1, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [37, 55.2, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [38, 41.5, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 80, 178, 2, 0, 4, 180, 20, 1, 0],
  [39, 27.2, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 75, 178, 2, 0, 4, 180, 20, 1, 0],
  [40, 27.1, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 170, 2, 0, 4, 180, 20, 1, 0],
  [41, 33.4, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 4, 0, 4, 180, 20, 1, 0],
  [42, 22.0, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 5, 0, 4, 180, 20, 1, 0],
  [43, 34.1, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 1, 4, 180, 20, 1, 0],
  [44, 31.3, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 5, 180, 20, 1, 0],
  [45, 59.1, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 10, 180, 20, 1, 0],
  [46, 26.1, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 175, 20, 1, 0],
  [47, 25.9, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 15, 1, 0],
  [48, 29.9, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 2, 0],
  [49, 36.0, 64, 'male', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 178, 2, 0, 4, 180, 20, 3, 0],
];

/** The 49 published vectors of QRISK3_2019_test. */
export const QRISK3_2019_TEST: readonly PublishedVector[] = ROWS.map((row) => Object.fromEntries(FIELDS.map((field, i) => [field, row[i]])) as unknown as PublishedVector);

/**
 * Expected scores published by an independent JavaScript implementation of QRISK3-2017, for ages and
 * ethnicities the ClinRisk set above lacks: github.com/sisuhealthgroup/qrisk3, src/qrisk3.test.js
 * (testCase1 and testCase2; commit 04e115d). Not ClinRisk's own output: agreement with them is
 * corroboration, not proof. All are non-smokers with SBP 120, SBP standard deviation 10, 70 kg at
 * 170 cm and Townsend 0. Rows: age, sex, ethrisk, rati, expected score.
 */
export const SISU_QRISK3_EXPECTATIONS: ReadonlyArray<readonly [number, 'female' | 'male', number, number, number]> = [
  [75, 'male', 1, 4, 24.6],
  [65, 'male', 1, 4, 12.7],
  [55, 'male', 1, 8, 11.7],
  [35, 'male', 1, 3.5, 0.6],
  [75, 'female', 1, 4, 18.1],
  [65, 'female', 1, 4, 8.0],
  [55, 'female', 1, 8, 6.1],
  [35, 'female', 1, 3.5, 0.4],
  [75, 'male', 2, 4, 31.1],
  [65, 'male', 3, 4, 19.5],
  [55, 'male', 4, 8, 19.1],
  [35, 'male', 8, 3.5, 0.4],
  [75, 'female', 2, 4, 23.2],
  [65, 'female', 3, 4, 13.7],
  [55, 'female', 4, 8, 8.1],
  [35, 'female', 8, 3.5, 0.3],
];
