import { patients } from '@footprint/cohort';
import { AGE_BANDS, ageBand, CASE_FINDING_RULES, REGISTERS, registerSeries, registeredOn, type CaseFindingRuleId, type RegisterId } from '@footprint/insight';
import {
  agedAtLeastAtEnd,
  diedInIntervalOf,
  encountersStarting,
  END,
  inpatientAtEnd,
  latestValueInYear,
  mortalityAgeDate,
  recordedInYear,
  registeredDuring,
  socialCareContacts,
  START,
} from './series';
import type { ComputedIndicator, StandardisedMeasure } from './types';

/**
 * How each warehouse indicator of the catalogue (origin 'warehouse') is computed, in the cohort
 * language over the warehouse's tables, following the catalogue's definitions; docs/performance.md
 * §4 gives each one in words. Registers and case-finding rules are insight's own.
 */

const onRegister = (id: RegisterId) => registerSeries(REGISTERS[id], END);

/** Case finding: each condition's register against register + flagged (the rule that finds its undiagnosed). */
const CASE_FINDING_PAIRS: readonly [RegisterId, CaseFindingRuleId][] = [
  ['hypertension', 'undiagnosed_hypertension'],
  ['diabetes', 'undiagnosed_diabetes'],
  ['atrial_fibrillation', 'undiagnosed_af'],
  ['ckd', 'undiagnosed_ckd'],
];

/** ESP 2013 age bands under 75 (0–4 … 70–74). */
export const UNDER_75_BANDS: readonly string[] = AGE_BANDS.slice(0, AGE_BANDS.indexOf('75-79'));

/** ICD-10 underlying causes as [from, before) code ranges: cancer C00–C97, cardiovascular disease I00–I99. */
const CANCER = ['C00', 'C98'] as const;
const CARDIOVASCULAR = ['I00', 'J00'] as const;

function prematureMortality(...causes: readonly (readonly [string, string])[]): StandardisedMeasure {
  const ageDate = mortalityAgeDate();
  const atRisk = patients.practice_code.is_not_null().and(patients.is_alive_on(START)).and(patients.age_on(ageDate).lt(75));
  return { numerator: atRisk.and(diedInIntervalOf(...causes)), denominator: atRisk, ageBand: ageBand(ageDate), bands: UNDER_75_BANDS };
}

function hypertensionTreatedToTarget() {
  const register = onRegister('hypertension');
  const systolic = latestValueInYear('snomed/systolic-bp');
  const diastolic = latestValueInYear('snomed/diastolic-bp');
  const age = patients.age_on(END);
  const systolicAtTarget = age.lt(80).and(systolic.le(140)).or(age.ge(80).and(systolic.le(150)));
  return [{ numerator: register.and(systolicAtTarget).and(diastolic.le(90)), denominator: register }];
}

function smiHealthChecks() {
  const register = onRegister('smi');
  const checks = [
    recordedInYear('snomed/systolic-bp', 'snomed/blood-pressure'),
    recordedInYear('snomed/bmi'),
    recordedInYear('snomed/cholesterol'),
    recordedInYear('snomed/hba1c'),
    recordedInYear('snomed/smoking-status', 'snomed/smoker', 'snomed/ex-smoker', 'snomed/never-smoked'),
  ];
  return [{ numerator: checks.reduce((all, check) => all.and(check), register), denominator: register }];
}

export const COMPUTED_INDICATORS: readonly ComputedIndicator[] = [
  {
    kind: 'dsr',
    id: 'premature-mortality-cancer-u75',
    window: 'rolling-12',
    measure: () => prematureMortality(CANCER),
  },
  {
    kind: 'dsr',
    id: 'premature-mortality-cvd-u75',
    window: 'rolling-12',
    measure: () => prematureMortality(CARDIOVASCULAR),
  },
  {
    kind: 'dsr',
    id: 'premature-mortality-cancer-cvd-u75',
    window: 'rolling-24',
    measure: () => prematureMortality(CANCER, CARDIOVASCULAR),
  },
  { kind: 'proportion', id: 'hypertension-treated-to-target', window: 'month', parts: hypertensionTreatedToTarget },
  {
    kind: 'proportion',
    id: 'diabetes-treated-to-target',
    window: 'month',
    parts: () => {
      const register = onRegister('diabetes');
      return [{ numerator: register.and(latestValueInYear('snomed/hba1c').le(58)), denominator: register }];
    },
  },
  {
    kind: 'proportion',
    id: 'register-prevalence-gap',
    window: 'month',
    parts: () =>
      CASE_FINDING_PAIRS.map(([register, rule]) => {
        const found = onRegister(register);
        return { numerator: found, denominator: found.or(CASE_FINDING_RULES[rule].flagged(END)) };
      }),
  },
  {
    kind: 'proportion',
    id: 'register-prevalence-hypertension',
    window: 'month',
    parts: () => [{ numerator: onRegister('hypertension'), denominator: registeredOn(END) }],
  },
  {
    kind: 'proportion',
    id: 'register-prevalence-diabetes',
    window: 'month',
    parts: () => [{ numerator: onRegister('diabetes'), denominator: registeredOn(END).and(agedAtLeastAtEnd(17)) }],
  },
  {
    kind: 'event-rate',
    id: 'emergency-admissions-per-1000',
    window: 'month',
    measure: () => ({ population: registeredDuring(), events: encountersStarting('inpatient_emergency') }),
  },
  {
    kind: 'event-rate',
    id: 'ae-attendances-per-1000',
    window: 'month',
    measure: () => ({ population: registeredDuring(), events: encountersStarting('emergency') }),
  },
  {
    kind: 'proportion',
    id: 'learning-disability-community-living',
    window: 'month',
    parts: () => {
      const adults = onRegister('learning_disability').and(agedAtLeastAtEnd(18));
      return [{ numerator: adults.and(inpatientAtEnd().not()), denominator: adults }];
    },
  },
  {
    kind: 'event-rate',
    id: 'social-care-contacts',
    window: 'month',
    measure: () => ({ population: registeredDuring().and(agedAtLeastAtEnd(18)), events: socialCareContacts('assessment', 'package') }),
  },
  { kind: 'proportion', id: 'serious-mental-illness-health-checks', window: 'month', parts: smiHealthChecks },
];

const byId = new Map(COMPUTED_INDICATORS.map((c) => [c.id, c]));

export function computedIndicator(id: string): ComputedIndicator | undefined {
  return byId.get(id);
}
