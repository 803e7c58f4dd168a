/**
 * What the GP record holds about a person's health: diagnoses (Condition), measurements and
 * findings (Observation) and prescriptions (MedicationRequest). Undiagnosed conditions leave the
 * signs case finding looks for: raised blood pressure, HbA1c in the diabetic or non-diabetic
 * hyperglycaemia range, eGFR below 60 twice at least three months apart and falling, an irregular
 * pulse, a BMI of 30 or more, all with no diagnosis code.
 */
import type { CodeableConcept, Condition, MedicationRequest, Observation } from '@footprint/fhir';
import { codes } from './codes';
import type { GenerationContext } from './context';
import { isoDate, isoDateTime, YEAR_DAYS } from './dates';
import type { ConditionState } from './health';
import { organizationRef } from './organisation-resources';
import { deprivationFactor } from './parameters';
import { ageOn, diagnosed, has, nextId, type Emit, type Person } from './person';
import { CONDITION_CATEGORY, CONDITION_CLINICAL, CONDITION_VERIFICATION, OBSERVATION_CATEGORY, UCUM } from './systems';

const MONITORED = ['hypertension', 'type-2-diabetes', 'type-1-diabetes', 'chd', 'stroke-tia', 'atrial-fibrillation', 'heart-failure', 'ckd-3-5'];
const CARDIOVASCULAR = ['chd', 'stroke-tia', 'type-2-diabetes', 'type-1-diabetes', 'heart-failure'];

const category = (code: string, display: string): CodeableConcept[] => [{ coding: [{ system: OBSERVATION_CATEGORY, code, display }] }];
const VITAL = category('vital-signs', 'Vital Signs');
const LAB = category('laboratory', 'Laboratory');
const SOCIAL = category('social-history', 'Social History');
const EXAM = category('exam', 'Exam');

/** Shared, never mutated (json.ts serialises each once). */
const ACTIVE = { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] };
const CONFIRMED = { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] };
const PROBLEM_LIST = [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' }] }];
const CONTINUOUS = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy', code: 'continuous', display: 'Continuous long term therapy' }] };

/** Day each condition was diagnosed (diagnosed) or began (undiagnosed), kept for the ground truth. */
export type ConditionDates = Map<string, number>;

/** Diagnosis dates: up to 15 years before the end of the history for diagnosed conditions; onset 6–36 months before for undiagnosed ones. */
export function conditionDates(person: Person): ConditionDates {
  const dates: ConditionDates = new Map();
  for (const c of person.conditions) {
    const { rng } = person;
    const earliest = person.birthDay + Math.ceil(c.condition.params.minAge * YEAR_DAYS);
    const span = c.diagnosed ? 15 * YEAR_DAYS : 2.5 * YEAR_DAYS;
    const back = c.diagnosed ? rng.next() * span : 0.5 * YEAR_DAYS + rng.next() * span;
    dates.set(c.condition.params.id, Math.max(earliest, Math.min(person.toDay - 30, Math.round(person.toDay - back))));
  }
  return dates;
}

function observation(person: Person, code: CodeableConcept, day: number, cat: CodeableConcept[], value?: [number, string, string]): Observation {
  const obs: Observation = {
    resourceType: 'Observation',
    id: nextId(person),
    status: 'final',
    category: cat,
    code,
    subject: { reference: `Patient/${person.id}` },
    effectiveDateTime: isoDateTime(day, 480 + person.rng.int(600)),
    performer: [organizationRef(person.practice.code)],
  };
  if (value) obs.valueQuantity = { value: value[0], unit: value[1], system: UCUM, code: value[2] };
  return obs;
}

/** Days of `count` events spread uniformly over [from, to], sorted. */
export function eventDays(person: Person, ratePerYear: number, from: number, to: number): number[] {
  if (to <= from || ratePerYear <= 0) return [];
  const n = person.rng.poisson((ratePerYear * (to - from)) / YEAR_DAYS);
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(from + person.rng.int(to - from + 1));
  return days.sort((a, b) => a - b);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Problem-list diagnoses for the diagnosed conditions. */
export function emitConditions(person: Person, dates: ConditionDates, emit: Emit): void {
  for (const c of person.conditions) {
    if (!c.diagnosed) continue;
    const day = dates.get(c.condition.params.id)!;
    const condition: Condition = {
      resourceType: 'Condition',
      id: nextId(person),
      clinicalStatus: ACTIVE,
      verificationStatus: CONFIRMED,
      category: PROBLEM_LIST,
      code: codes(c.condition.params.codelist).pick(person.rng),
      subject: { reference: `Patient/${person.id}` },
      onsetDateTime: isoDate(day),
      recordedDate: isoDate(day),
    };
    emit(person.practice.code, condition);
  }
}

/** Picks k distinct days at least `gap` days apart within [from, to] (fewer when the span is short). */
function spacedDays(person: Person, k: number, gap: number, from: number, to: number): number[] {
  const out: number[] = [];
  if (to < from) return out;
  const span = to - from;
  if (k === 1 || span < gap) return [from + person.rng.int(span + 1)];
  const first = from + person.rng.int(Math.max(1, span - gap * (k - 1)) + 1);
  for (let i = 0; i < k; i++) out.push(Math.min(to, first + i * gap + person.rng.int(30)));
  return out;
}

/** Measurements and findings over the history, with the undiagnosed signals. */
export function emitObservations(ctx: GenerationContext, person: Person, dates: ConditionDates, emit: Emit): void {
  const { rng } = person;
  const m = ctx.care.monitoring;
  const from = person.fromDay;
  const to = person.toDay;
  const ageAtEnd = ageOn(person, to);
  if (ageAtEnd < 16) return;
  const adultFrom = Math.max(from, person.birthDay + Math.ceil(16 * YEAR_DAYS));
  const out = (obs: Observation) => emit(person.practice.code, obs);
  const monitored = MONITORED.some((id) => diagnosed(person, id));
  const onset = (id: string) => Math.max(adultFrom, dates.get(id) ?? adultFrom);

  // Smoking status: a finding code, recorded at least once.
  const s = ctx.care.smoking;
  const dep = deprivationFactor(s.deprivationRatio, person.decile);
  const x = rng.next();
  const smoking = x < s.current * dep ? 'snomed/smoker' : x < s.current * dep + s.ex ? 'snomed/ex-smoker' : 'snomed/never-smoked';
  const smokingDays = eventDays(person, s.recordsPerYear, adultFrom, to);
  if (smokingDays.length === 0) smokingDays.push(adultFrom + rng.int(to - adultFrom + 1));
  for (const d of smokingDays) out(observation(person, codes(smoking).main, d, SOCIAL));

  // Blood pressure and pulse.
  const htn = has(person, 'hypertension');
  const htnDx = diagnosed(person, 'hypertension');
  const af = has(person, 'atrial-fibrillation');
  const afDx = diagnosed(person, 'atrial-fibrillation');
  const bpRate = monitored ? m.bloodPressure.monitored : ageAtEnd >= 40 ? m.bloodPressure.over40 : m.bloodPressure.adult;
  const bpDays = eventDays(person, bpRate, adultFrom, to);
  const raisedDays = htn && !htnDx ? spacedDays(person, 2, 30, Math.max(adultFrom, onset('hypertension')), to) : [];
  const irregularDays = af && !afDx ? spacedDays(person, 1, 0, Math.max(adultFrom, onset('atrial-fibrillation')), to) : [];
  const level = htn ? (htnDx ? rng.gaussian(138, 8) : rng.gaussian(152, 7)) : Math.min(134, rng.gaussian(121, 9));
  const allBp = [...bpDays.map((d) => [d, 0] as const), ...raisedDays.map((d) => [d, 1] as const), ...irregularDays.map((d) => [d, 2] as const)];
  allBp.sort((a, b) => a[0] - b[0]);
  for (const [day, kind] of allBp) {
    let systolic = level + rng.gaussian(0, 6);
    if (kind === 1 || (htn && !htnDx)) systolic = Math.max(systolic, 141 + rng.next() * 12);
    else if (!htn) systolic = Math.min(systolic, 138);
    systolic = Math.round(systolic);
    const diastolic = Math.round(Math.max(50, systolic * 0.52 + rng.gaussian(13, 5)));
    out(observation(person, codes('snomed/systolic-bp').main, day, VITAL, [systolic, 'mmHg', 'mm[Hg]']));
    out(observation(person, codes('snomed/diastolic-bp').main, day, VITAL, [Math.min(diastolic, systolic - 20), 'mmHg', 'mm[Hg]']));
    const pulse = Math.round(af ? rng.gaussian(86, 14) : rng.gaussian(72, 9));
    out(observation(person, codes('snomed/pulse-rate').main, day, VITAL, [Math.max(40, pulse), 'beats/minute', '/min']));
    if (kind === 2) out(observation(person, codes('snomed/irregular-pulse').main, day, EXAM));
  }

  // HbA1c (IFCC, mmol/mol).
  const t1 = diagnosed(person, 'type-1-diabetes');
  const t2 = has(person, 'type-2-diabetes');
  const t2Dx = diagnosed(person, 'type-2-diabetes');
  const ndh = has(person, 'non-diabetic-hyperglycaemia');
  const ndhDx = diagnosed(person, 'non-diabetic-hyperglycaemia');
  const a1cRate = t1 || t2Dx ? m.hba1c.diabetes : ndhDx ? m.hba1c.ndh : monitored ? m.hba1c.monitored : ageAtEnd >= 40 ? m.hba1c.over40 : 0;
  const a1c = (): number => {
    if (t1) return Math.max(42, rng.gaussian(66, 11));
    if (t2Dx) return Math.max(40, rng.gaussian(57, 10));
    if (t2) return 48 + Math.abs(rng.gaussian(5, 4));
    if (ndh) return 42 + rng.next() * 5.4; // rounds to 42–47
    return Math.min(41, rng.gaussian(36, 3));
  };
  const a1cDays = eventDays(person, a1cRate, adultFrom, to);
  if (t2 && !t2Dx) a1cDays.push(...spacedDays(person, 2, 14, onset('type-2-diabetes'), to));
  if (ndh && !ndhDx) a1cDays.push(...spacedDays(person, 1, 0, onset('non-diabetic-hyperglycaemia'), to));
  for (const d of a1cDays.sort((a, b) => a - b)) out(observation(person, codes('snomed/hba1c').main, d, LAB, [Math.round(a1c()), 'mmol/mol', 'mmol/mol']));

  // eGFR (mL/min/1.73m2): below 60 in CKD, falling over time when undiagnosed.
  const ckd = has(person, 'ckd-3-5');
  const ckdDx = diagnosed(person, 'ckd-3-5');
  const normalGfr = Math.max(62, 105 - 0.7 * Math.max(0, ageAtEnd - 30) + rng.gaussian(0, 8));
  const egfrRate = monitored ? m.egfr.monitored : ageAtEnd >= 50 ? m.egfr.over50 : 0;
  const gfrDays = eventDays(person, egfrRate, adultFrom, to);
  const egfr = codes('snomed/egfr').main;
  const gfrOut = (day: number, value: number) => out(observation(person, egfr, day, LAB, [Math.round(value), 'mL/min/1.73m2', 'mL/min/{1.73_m2}']));
  if (ckd && !ckdDx) {
    const start = onset('ckd-3-5');
    const falling = spacedDays(person, to - start > 400 ? 3 : 2, 125, start, to);
    let value = 57 - rng.next() * 4;
    for (const d of falling) {
      gfrOut(d, value);
      value -= 2 + rng.next() * 4;
    }
    for (const d of gfrDays) if (d < start) gfrOut(d, Math.max(60, Math.min(normalGfr, 75)));
  } else {
    const ckdLevel = Math.min(58, Math.max(12, rng.gaussian(44, 9)));
    for (const d of gfrDays) gfrOut(d, ckd && d >= onset('ckd-3-5') ? Math.min(59, ckdLevel + rng.gaussian(0, 3)) : Math.max(61, normalGfr + rng.gaussian(0, 4)));
  }

  // Total cholesterol (mmol/L), lower on a statin.
  const cvd = CARDIOVASCULAR.some((id) => diagnosed(person, id));
  const cholRate = cvd ? m.cholesterol.cardiovascular : ageAtEnd >= 40 ? m.cholesterol.over40 : 0;
  for (const d of eventDays(person, cholRate, adultFrom, to)) {
    const v = cvd ? rng.gaussian(4.2, 0.7) : rng.gaussian(5.1, 0.9);
    out(observation(person, codes('snomed/cholesterol').main, d, LAB, [round1(Math.max(2.5, v)), 'mmol/L', 'mmol/L']));
  }

  // BMI (kg/m2): 30 or more when obese.
  const obese = has(person, 'obesity');
  const obeseDx = diagnosed(person, 'obesity');
  const bmiLevel = obese ? 30.5 + Math.abs(rng.gaussian(3, 3)) : Math.min(29.5, Math.max(17, rng.gaussian(25.5, 3)));
  const bmiDays = eventDays(person, monitored || obeseDx ? m.bmi.monitored : m.bmi.adult, adultFrom, to);
  if (obese && !obeseDx) bmiDays.push(...spacedDays(person, 1, 0, onset('obesity'), to));
  for (const d of bmiDays.sort((a, b) => a - b)) {
    const v = obese ? Math.max(30.1, bmiLevel + rng.gaussian(0, 0.8)) : Math.min(29.8, bmiLevel + rng.gaussian(0, 0.8));
    out(observation(person, codes('snomed/bmi').main, d, VITAL, [round1(v), 'kg/m2', 'kg/m2']));
  }
}

/** Annual repeat authorisations of the medicines for each diagnosed, treated condition. */
export function emitMedications(ctx: GenerationContext, person: Person, dates: ConditionDates, emit: Emit): void {
  const { rng } = person;
  const treated = new Set<string>();
  for (const t of ctx.treatments) {
    const state: ConditionState | undefined = person.conditions.find((c) => c.diagnosed && c.condition.params.id === t.condition);
    if (!state || !rng.chance(t.share)) continue;
    const medication = t.choice.pick(rng);
    const code = medication.coding![0].code!;
    if (treated.has(code)) continue;
    treated.add(code);
    const start = Math.max(person.fromDay, dates.get(t.condition)! + 14);
    for (let day = start; day <= person.toDay; day += 365) {
      const last = day + 365 > person.toDay;
      const request: MedicationRequest = {
        resourceType: 'MedicationRequest',
        id: nextId(person),
        status: last && person.deathDay === undefined ? 'active' : 'completed',
        intent: 'order',
        medicationCodeableConcept: medication,
        subject: { reference: `Patient/${person.id}` },
        authoredOn: isoDate(day),
        requester: organizationRef(person.practice.code),
        courseOfTherapyType: CONTINUOUS,
      };
      emit(person.practice.code, request);
    }
  }
}
