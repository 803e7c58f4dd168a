import { clinical_events, medications, patients, type PatientSeries } from '@footprint/cohort';
import { codelistById, codes } from './codelists';
import { InsightInputError } from './errors';
import { monthsBefore, registeredOn, type On } from './population';

/**
 * QOF-style disease registers, one per condition the synthetic footprint models, written in the
 * cohort language over the shared codelists. Each is "registered on the date, with a diagnosis
 * code recorded on or before it" plus the register's own age and treatment rules. Resolution
 * codes are not used: the codelists hold no resolved/remission codes yet.
 */
export interface Register {
  readonly id: RegisterId;
  readonly name: string;
  /** The QOF register (or contract requirement) it follows. */
  readonly basis: string;
  /** Plain-English definition shown beside every figure. */
  readonly definition: string;
  /** Whether a patient is on the register on the date (already within the registered population). */
  onRegister(on: On): PatientSeries<'boolean'>;
}

export const REGISTER_IDS = [
  'hypertension',
  'diabetes',
  'diabetes_type1',
  'diabetes_type2',
  'non_diabetic_hyperglycaemia',
  'chd',
  'stroke_tia',
  'atrial_fibrillation',
  'heart_failure',
  'ckd',
  'asthma',
  'copd',
  'cancer',
  'depression',
  'smi',
  'dementia',
  'learning_disability',
  'obesity',
  'frailty',
] as const;
export type RegisterId = (typeof REGISTER_IDS)[number];

/** Whether a code from the lists was recorded on or before the date. */
export function diagnosedBy(on: On, ...codelistIds: string[]): PatientSeries<'boolean'> {
  const list = codes(...codelistIds);
  const events = clinical_events.where(clinical_events.code.is_in(list));
  return events.where(events.date.le(on)).exists_for_patient();
}

function agedAtLeast(on: On, years: number): PatientSeries<'boolean'> {
  return patients.age_on(on).ge(years);
}

/** A diagnosis register: a code from the list on or before the date, optionally from an age. */
function diagnosisRegister(id: RegisterId, name: string, basis: string, codelist: string, minAge?: number): Register {
  const ageText = minAge ? `, aged ${minAge} or over` : '';
  return {
    id,
    name,
    basis,
    definition: `Registered patients alive on the date${ageText} with a ${name.toLowerCase()} diagnosis code (codelist ${codelist}) recorded on or before it.`,
    onRegister: (on) => {
      const diagnosed = diagnosedBy(on, codelist);
      return minAge ? diagnosed.and(agedAtLeast(on, minAge)) : diagnosed;
    },
  };
}

const list: Register[] = [
  diagnosisRegister('hypertension', 'Hypertension', 'QOF HYP', 'snomed/hypertension'),
  diagnosisRegister('diabetes', 'Diabetes mellitus', 'QOF DM (aged 17 or over)', 'snomed/diabetes', 17),
  diagnosisRegister('diabetes_type1', 'Type 1 diabetes', 'QOF DM, type 1 subset', 'snomed/type-1-diabetes', 17),
  diagnosisRegister('diabetes_type2', 'Type 2 diabetes', 'QOF DM, type 2 subset', 'snomed/type-2-diabetes', 17),
  {
    id: 'non_diabetic_hyperglycaemia',
    name: 'Non-diabetic hyperglycaemia',
    basis: 'QOF NDH (aged 18 or over, not on the diabetes register)',
    definition:
      'Registered patients aged 18 or over, alive on the date, with a non-diabetic hyperglycaemia code (snomed/non-diabetic-hyperglycaemia) on or before it and no diabetes code (snomed/diabetes, type-1-diabetes, type-2-diabetes).',
    onRegister: (on) => diagnosedBy(on, 'snomed/non-diabetic-hyperglycaemia').and(diagnosedBy(on, 'snomed/diabetes', 'snomed/type-1-diabetes', 'snomed/type-2-diabetes').not()).and(agedAtLeast(on, 18)),
  },
  diagnosisRegister('chd', 'Coronary heart disease', 'QOF CHD', 'snomed/chd'),
  diagnosisRegister('stroke_tia', 'Stroke or TIA', 'QOF STIA', 'snomed/stroke-tia'),
  diagnosisRegister('atrial_fibrillation', 'Atrial fibrillation', 'QOF AF', 'snomed/atrial-fibrillation'),
  diagnosisRegister('heart_failure', 'Heart failure', 'QOF HF', 'snomed/heart-failure'),
  diagnosisRegister('ckd', 'Chronic kidney disease (stages 3–5)', 'QOF CKD (aged 18 or over)', 'snomed/ckd-3-5', 18),
  {
    id: 'asthma',
    name: 'Asthma',
    basis: 'QOF AST (aged 6 or over, asthma-related drug treatment in the preceding 12 months)',
    definition:
      'Registered patients aged 6 or over, alive on the date, with an asthma diagnosis code (snomed/asthma) on or before it and an asthma inhaler (dmd/saba-inhalers or dmd/ics-inhalers) prescribed in the 12 months up to it.',
    onRegister: (on) => {
      const inhalers = medications.where(medications.code.is_in(codes('dmd/saba-inhalers', 'dmd/ics-inhalers')));
      const recent = inhalers.where(inhalers.date.le(on).and(inhalers.date.gt(monthsBefore(on, 12))));
      return diagnosedBy(on, 'snomed/asthma').and(recent.exists_for_patient()).and(agedAtLeast(on, 6));
    },
  },
  diagnosisRegister('copd', 'COPD', 'QOF COPD', 'snomed/copd'),
  diagnosisRegister('cancer', 'Cancer', 'QOF CAN', 'snomed/cancer'),
  diagnosisRegister('depression', 'Depression', 'QOF DEP (aged 18 or over)', 'snomed/depression', 18),
  diagnosisRegister('smi', 'Severe mental illness', 'QOF MH (schizophrenia, bipolar disorder, other psychoses)', 'snomed/severe-mental-illness'),
  diagnosisRegister('dementia', 'Dementia', 'QOF DEM', 'snomed/dementia'),
  diagnosisRegister('learning_disability', 'Learning disability', 'QOF LD', 'snomed/learning-disability'),
  {
    id: 'obesity',
    name: 'Obesity',
    basis: 'QOF OB (aged 18 or over, BMI of 30 or more in the preceding 12 months)',
    definition:
      'Registered patients aged 18 or over, alive on the date, whose latest BMI (snomed/bmi) recorded in the 12 months up to it is 30 kg/m² or more, or who have an obesity diagnosis code (snomed/obesity) with no BMI recorded in those 12 months.',
    onRegister: (on) => {
      const bmi = clinical_events.where(clinical_events.code.is_in(codelistById('snomed/bmi')));
      const recent = bmi.where(bmi.date.le(on).and(bmi.date.gt(monthsBefore(on, 12))));
      const latest = recent.sort_by(recent.date).last_for_patient().numeric_value;
      const coded = diagnosedBy(on, 'snomed/obesity').and(recent.exists_for_patient().not());
      return latest.ge(30).or(coded).and(agedAtLeast(on, 18));
    },
  },
  diagnosisRegister('frailty', 'Frailty', 'GMS contract frailty identification (aged 65 or over, coded frailty)', 'snomed/frailty', 65),
];

export const REGISTERS: Readonly<Record<RegisterId, Register>> = Object.freeze(Object.fromEntries(list.map((r) => [r.id, r])) as Record<RegisterId, Register>);

export function getRegister(id: unknown): Register {
  const register = REGISTERS[id as RegisterId];
  if (!register) throw new InsightInputError(`unknown register "${String(id)}": choose one of ${REGISTER_IDS.join(', ')}`);
  return register;
}

/** On the register and in the registered population on the date. */
export function registerSeries(register: Register, on: On): PatientSeries<'boolean'> {
  return registeredOn(on).and(register.onRegister(on));
}
