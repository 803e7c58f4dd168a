/**
 * Contacts with services: GP consultations (at the practice), outpatient appointments, A&E
 * attendances and emergency admissions (at the person's acute trust, with ICD-10 diagnoses),
 * community health contacts and mental health contacts. Emergency care rises with age, frailty,
 * the number of conditions and deprivation.
 */
import type { CodeableConcept, Condition, Encounter } from '@footprint/fhir';
import { codes } from './codes';
import type { GenerationContext } from './context';
import { eventDays } from './clinical';
import { isoDate, isoDateTime } from './dates';
import { organizationRef } from './organisation-resources';
import type { Organisation } from './organisations';
import { deprivationFactor, stepValue, type RateParameters } from './parameters';
import { ageOn, diagnosed, has, nextId, type Emit, type Person } from './person';
import { ACT_CODE, CONDITION_CATEGORY, CONDITION_CLINICAL, CONDITION_VERIFICATION } from './systems';

type EncounterClass = 'AMB' | 'EMER' | 'IMP' | 'HH';
/** Shared, never mutated (json.ts serialises each once). */
const CLASS: Record<EncounterClass, { system: string; code: EncounterClass; display: string }> = {
  AMB: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
  EMER: { system: ACT_CODE, code: 'EMER', display: 'emergency' },
  IMP: { system: ACT_CODE, code: 'IMP', display: 'inpatient encounter' },
  HH: { system: ACT_CODE, code: 'HH', display: 'home health' },
};
const FROM_EMERGENCY_DEPARTMENT = { admitSource: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/admit-source', code: 'emd', display: 'From accident/emergency department' }] } };
const ACTIVE = { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] };
const CONFIRMED = { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] };
const ENCOUNTER_DIAGNOSIS = [{ coding: [{ system: CONDITION_CATEGORY, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }];

/** A person's rate for a kind of contact in the middle of their history. */
function rate(params: RateParameters, person: Person, ageMid: number, conditions: number, frail: boolean): number {
  let r = stepValue(params.ageRates, ageMid);
  if (params.femaleRatio && person.sex === 'female') r *= params.femaleRatio;
  if (params.perDiagnosedCondition) r += params.perDiagnosedCondition * conditions;
  if (params.perCondition) r *= Math.pow(params.perCondition, conditions);
  if (params.frailtyRatio && frail) r *= params.frailtyRatio;
  if (params.deprivationRatio) r *= deprivationFactor(params.deprivationRatio, person.decile);
  return r;
}

function encounter(person: Person, cls: EncounterClass, type: CodeableConcept, provider: Organisation, start: number, end?: number): Encounter {
  const minute = 480 + person.rng.int(600);
  return {
    resourceType: 'Encounter',
    id: nextId(person),
    status: 'finished',
    class: CLASS[cls],
    type: [type],
    subject: { reference: `Patient/${person.id}` },
    period: end === undefined ? { start: isoDateTime(start, minute), end: isoDateTime(start, minute + 10 + person.rng.int(20)) } : { start: isoDate(start), end: isoDate(end) },
    serviceProvider: organizationRef(provider.code),
  };
}

/** An ICD-10 hospital diagnosis for an encounter (category encounter-diagnosis), linked both ways. */
function hospitalDiagnosis(person: Person, enc: Encounter, code: CodeableConcept, day: number): Condition {
  const condition: Condition = {
    resourceType: 'Condition',
    id: nextId(person),
    clinicalStatus: ACTIVE,
    verificationStatus: CONFIRMED,
    category: ENCOUNTER_DIAGNOSIS,
    code,
    subject: { reference: `Patient/${person.id}` },
    encounter: { reference: `Encounter/${enc.id}` },
    recordedDate: isoDate(day),
  };
  enc.diagnosis = [{ condition: { reference: `Condition/${condition.id}` }, rank: 1 }];
  return condition;
}

/** An ICD-10 code for an emergency: often one of the person's diagnosed conditions, otherwise a common cause. */
function emergencyDiagnosis(person: Person, share: number, fallback: string): CodeableConcept {
  const withIcd = person.conditions.filter((c) => c.diagnosed && c.condition.params.icd10);
  if (withIcd.length && person.rng.chance(share)) return codes(person.rng.pick(withIcd).condition.params.icd10!).pick(person.rng);
  return codes(fallback).pick(person.rng);
}

export function emitCare(ctx: GenerationContext, person: Person, emit: Emit): void {
  const { care, directory } = ctx;
  const { rng } = person;
  const from = person.fromDay;
  const to = person.toDay;
  if (to <= from) return;
  const ageMid = ageOn(person, Math.round((from + to) / 2));
  const diagnosedCount = person.conditions.filter((c) => c.diagnosed).length;
  const conditionCount = person.conditions.length;
  const frail = has(person, 'frailty');
  const practice = person.practice;

  for (const day of eventDays(person, rate(care.gpConsultations, person, ageMid, diagnosedCount, frail), from, to)) {
    emit(practice.code, encounter(person, 'AMB', codes('snomed/gp-consultation').pick(rng), practice, day));
  }

  const trustDay = (day: number) => directory.trustFor(person.placeIndex, ageOn(person, day), rng);
  for (const day of eventDays(person, rate(care.outpatient, person, ageMid, diagnosedCount, frail), from, to)) {
    const trust = trustDay(day);
    emit(trust.code, encounter(person, 'AMB', codes('snomed/outpatient-attendance').pick(rng), trust, day));
  }

  for (const day of eventDays(person, rate(care.emergencyAttendance, person, ageMid, conditionCount, frail), from, to)) {
    const trust = trustDay(day);
    const enc = encounter(person, 'EMER', codes('snomed/emergency-attendance').main, trust, day);
    const dx = hospitalDiagnosis(person, enc, emergencyDiagnosis(person, 0.25, 'icd10/emergency-attendance-reasons'), day);
    emit(trust.code, enc);
    emit(trust.code, dx);
  }

  const admission = care.emergencyAdmission;
  for (const day of eventDays(person, rate(admission, person, ageMid, conditionCount, frail), from, to)) {
    const trust = trustDay(day);
    const stay = rng.poisson(stepValue(admission.lengthOfStayDays, ageOn(person, day)));
    const enc = encounter(person, 'IMP', codes('snomed/emergency-admission').main, trust, day, Math.min(to, day + stay));
    enc.hospitalization = FROM_EMERGENCY_DEPARTMENT;
    const dx = hospitalDiagnosis(person, enc, emergencyDiagnosis(person, admission.conditionDiagnosisShare, 'icd10/emergency-admission-causes'), day);
    emit(trust.code, enc);
    emit(trust.code, dx);
  }

  const community = care.community;
  const communityRate = stepValue(community.ageRates, ageMid) + (frail ? community.frailtyRate : 0) + (diagnosed(person, 'dementia') ? community.dementiaRate : 0);
  for (const day of eventDays(person, communityRate, from, to)) {
    emit(directory.community.code, encounter(person, 'HH', codes('snomed/community-contact').main, directory.community, day));
  }

  const mh = care.mentalHealth;
  const mhRate =
    (diagnosed(person, 'severe-mental-illness') ? mh.severeMentalIllnessRate : 0) +
    (diagnosed(person, 'depression') ? mh.depressionRate : 0) +
    (diagnosed(person, 'dementia') ? mh.dementiaRate : 0);
  for (const day of eventDays(person, mhRate, from, to)) {
    emit(directory.mentalHealth.code, encounter(person, 'AMB', codes('snomed/mental-health-contact').main, directory.mentalHealth, day));
  }
}

