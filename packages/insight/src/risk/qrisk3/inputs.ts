import { InsightInputError } from '../../errors';

/** The two QRISK3-2017 equations; ClinRisk's own code chooses by sex. */
export type Qrisk3Sex = 'female' | 'male';

/** The conditions and treatments QRISK3 asks about, each 0 (no) or 1 (yes). `b_impotence2` counts for men only. */
export const QRISK3_BOOLEAN_INPUTS = [
  'b_AF',
  'b_atypicalantipsy',
  'b_corticosteroids',
  'b_impotence2',
  'b_migraine',
  'b_ra',
  'b_renal',
  'b_semi',
  'b_sle',
  'b_treatedhyp',
  'b_type1',
  'b_type2',
  'fh_cvd',
] as const;

/** One of QRISK3's 0/1 inputs. */
export type Qrisk3BooleanInput = (typeof QRISK3_BOOLEAN_INPUTS)[number];

/**
 * One person's QRISK3-2017 inputs, named and coded exactly as in ClinRisk's source. What may be left
 * out, and what stands in for it, is in QRISK3_MISSING_VALUE_RULES; everything else is required.
 */
export type Qrisk3Input = {
  /** Age in whole years, 25–84. */
  age: number;
  sex: Qrisk3Sex;
  /** Body mass index, kg/m², 20–40. */
  bmi: number;
  /** ClinRisk's ethnicity category, 1–9 (QRISK3_ETHNICITY). */
  ethrisk?: number;
  /** Total cholesterol / HDL cholesterol ratio, 1–12. */
  rati: number;
  /** Systolic blood pressure, mmHg, 70–210. */
  sbp: number;
  /** Standard deviation of at least two recent systolic blood pressure readings, mmHg, 0 or more. */
  sbps5: number;
  /** Smoking category, 0–4 (QRISK3_SMOKING). */
  smoke_cat: number;
  /** Townsend deprivation score of the person's output area, −7 to 11. */
  town?: number;
} & { [K in Qrisk3BooleanInput]?: number };

/** ClinRisk's ethnicity categories (`ethrisk`). */
export const QRISK3_ETHNICITY: Readonly<Record<number, string>> = {
  1: 'White or not stated',
  2: 'Indian',
  3: 'Pakistani',
  4: 'Bangladeshi',
  5: 'Other Asian',
  6: 'Black Caribbean',
  7: 'Black African',
  8: 'Chinese',
  9: 'Other ethnic group',
};

/** ClinRisk's smoking categories (`smoke_cat`). */
export const QRISK3_SMOKING: Readonly<Record<number, string>> = {
  0: 'non-smoker',
  1: 'ex-smoker',
  2: 'light smoker (less than 10 a day)',
  3: 'moderate smoker (10 to 19 a day)',
  4: 'heavy smoker (20 or more a day)',
};

/** What each input means, for help text and the docs. */
export const QRISK3_INPUT_DESCRIPTIONS: Readonly<Record<keyof Qrisk3Input, string>> = {
  age: 'age in whole years, 25 to 84',
  sex: 'female or male',
  b_AF: 'atrial fibrillation',
  b_atypicalantipsy: 'on atypical antipsychotic medication',
  b_corticosteroids: 'on regular steroid tablets',
  b_impotence2: 'erectile dysfunction diagnosed or treated (men only; ignored for women)',
  b_migraine: 'migraine',
  b_ra: 'rheumatoid arthritis',
  b_renal: 'chronic kidney disease (stage 3, 4 or 5)',
  b_semi: 'severe mental illness',
  b_sle: 'systemic lupus erythematosus',
  b_treatedhyp: 'on blood pressure treatment',
  b_type1: 'type 1 diabetes',
  b_type2: 'type 2 diabetes',
  bmi: 'body mass index, kg/m², 20 to 40',
  ethrisk: 'ethnicity category, 1 to 9',
  fh_cvd: 'angina or heart attack in a first-degree relative under 60',
  rati: 'total cholesterol / HDL cholesterol ratio, 1 to 12',
  sbp: 'systolic blood pressure, mmHg, 70 to 210',
  sbps5: 'standard deviation of at least two most recent systolic blood pressure readings, mmHg, 0 or more',
  smoke_cat: 'smoking category, 0 to 4',
  town: 'Townsend deprivation score, -7 to 11',
};

/**
 * What stands in for an input that is left out. ClinRisk's published QRISK3-2017 source has no
 * missing-value rule: every argument of cvd_female_raw/cvd_male_raw must be given. These follow
 * what ClinRisk's calculator asks: a condition not ticked is 0; ethnicity 1 is "White or not
 * stated"; a Townsend score is taken from the postcode, which may be left blank (ClinRisk's batch
 * processor then uses 0). Measured values (bmi, rati, sbp, sbps5), age, sex and smoking have no
 * stand-in: ClinRisk's calculator estimates missing measurements with predictors that are not part
 * of the open-source algorithm, so Footprint refuses to guess and reports the input as missing.
 */
export const QRISK3_MISSING_VALUE_RULES: Readonly<Partial<Record<keyof Qrisk3Input, { value: number; why: string }>>> = {
  ...Object.fromEntries(QRISK3_BOOLEAN_INPUTS.map((name) => [name, { value: 0, why: 'not recorded means no, as an unticked box in ClinRisk\'s calculator' }])),
  ethrisk: { value: 1, why: 'ClinRisk\'s category 1 is "White or not stated"' },
  town: { value: 0, why: 'no postcode or Townsend score: ClinRisk\'s batch processor uses 0' },
};

/** One thing wrong with one input. */
export interface Qrisk3Problem {
  /** ClinRisk's name of the input. */
  column: keyof Qrisk3Input;
  message: string;
}

/** Inputs QRISK3 cannot score: every problem found, each naming its input. A 400. */
export class Qrisk3InputError extends InsightInputError {
  constructor(readonly problems: readonly Qrisk3Problem[]) {
    super(problems.map((p) => `${p.column}: ${p.message}`).join('; '));
  }
}

/** An input as the equations use it: every stand-in applied, all numbers. */
export type Qrisk3CompleteInput = Required<Qrisk3Input>;

// Ranges as ClinRisk's validation functions for its open-source QRISK algorithms check them (inclusive).
const RANGES: ReadonlyArray<{ column: keyof Qrisk3Input; min: number; max: number; whole?: boolean }> = [
  { column: 'age', min: 25, max: 84, whole: true },
  { column: 'bmi', min: 20, max: 40 },
  { column: 'ethrisk', min: 1, max: 9, whole: true },
  { column: 'rati', min: 1, max: 12 },
  { column: 'sbp', min: 70, max: 210 },
  { column: 'sbps5', min: 0, max: Number.POSITIVE_INFINITY },
  { column: 'smoke_cat', min: 0, max: 4, whole: true },
  { column: 'town', min: -7, max: 11 },
];

/**
 * Checks one person's inputs as ClinRisk's calculator does and fills in the stand-ins for what may
 * be left out. Throws a Qrisk3InputError listing every problem.
 */
export function completeQrisk3Input(input: Qrisk3Input): Qrisk3CompleteInput {
  const problems: Qrisk3Problem[] = [];
  const filled: Record<string, unknown> = { ...input };
  for (const [column, rule] of Object.entries(QRISK3_MISSING_VALUE_RULES)) {
    if (filled[column] === undefined || filled[column] === null) filled[column] = rule.value;
  }
  if (filled.sex !== 'female' && filled.sex !== 'male') {
    problems.push({ column: 'sex', message: filled.sex === undefined ? 'is missing (female or male)' : `must be female or male, not ${JSON.stringify(filled.sex)}` });
  }
  for (const { column, min, max, whole } of RANGES) {
    const value = filled[column];
    if (value === undefined || value === null) {
      problems.push({ column, message: 'is missing, and QRISK3-2017 has no stand-in for it' });
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ column, message: `must be a number, not ${JSON.stringify(value)}` });
    } else if (whole && !Number.isInteger(value)) {
      problems.push({ column, message: `must be a whole number, not ${value}` });
    } else if (value < min || value > max) {
      problems.push({ column, message: max === Number.POSITIVE_INFINITY ? `must be ${min} or more, not ${value}` : `must be in the range ${min} to ${max}, not ${value}` });
    }
  }
  for (const column of QRISK3_BOOLEAN_INPUTS) {
    const value = filled[column];
    if (value !== 0 && value !== 1) problems.push({ column, message: `must be 0 or 1, not ${JSON.stringify(value)}` });
  }
  if (filled.b_type1 === 1 && filled.b_type2 === 1) {
    problems.push({ column: 'b_type2', message: 'cannot be 1 as well as b_type1 (diabetes is none, type 1 or type 2)' });
  }
  if (problems.length > 0) throw new Qrisk3InputError(problems);
  return filled as Qrisk3CompleteInput;
}
