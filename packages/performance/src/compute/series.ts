import { case_, clinical_events, encounters, INTERVAL, months, patients, social_care, when, type PatientSeries } from '@footprint/cohort';
import { codes } from './codelists';

/**
 * The cohort-language pieces the computed indicators share. Every one is evaluated per measure
 * interval (INTERVAL.start_date … INTERVAL.end_date) in the warehouse engine.
 */

export const START = INTERVAL.start_date;
export const END = INTERVAL.end_date;

/** The IMD 2019 quintile of the LSOA of residence (1 = most deprived: deciles 1–2), as insight's breakdown. */
export function imdQuintile(): PatientSeries<'integer'> {
  return case_([1, 2, 3, 4, 5].map((q) => when(patients.imd_decile.le(q * 2)).then<'integer'>(q)));
}

/** Registered with a practice and alive at some time in the interval (born by its end, not died before its start). */
export function registeredDuring(): PatientSeries<'boolean'> {
  return patients.practice_code.is_not_null().and(patients.date_of_birth.le(END)).and(patients.date_of_death.is_null().or(patients.date_of_death.ge(START)));
}

/** Aged at least `years` on the interval's last day. */
export function agedAtLeastAtEnd(years: number): PatientSeries<'boolean'> {
  return patients.age_on(END).ge(years);
}

/** A person's encounters in a setting starting in the interval. */
export function encountersStarting(...settings: string[]): PatientSeries<'integer'> {
  const inSetting = encounters.where(encounters.setting.is_in(settings));
  return inSetting.where(inSetting.start_date.ge(START).and(inSetting.start_date.le(END))).count_for_patient();
}

/** A person's social care contacts of the kinds in the interval. */
export function socialCareContacts(...kinds: string[]): PatientSeries<'integer'> {
  const ofKind = social_care.where(social_care.kind.is_in(kinds));
  return ofKind.where(ofKind.date.ge(START).and(ofKind.date.le(END))).count_for_patient();
}

/** In hospital on the interval's last day: an inpatient stay begun by then and not ended before it. */
export function inpatientAtEnd(): PatientSeries<'boolean'> {
  const stays = encounters.where(encounters.setting.is_in(['inpatient_emergency', 'inpatient_elective']));
  return stays.where(stays.start_date.le(END).and(stays.end_date.is_null().or(stays.end_date.ge(END)))).exists_for_patient();
}

/** Readings of a measurement (codelists) with a value, in the 12 months up to the interval's end. */
function readingsInYear(...codelists: string[]) {
  const all = clinical_events.where(clinical_events.code.is_in(codes(...codelists)));
  return all.where(all.date.le(END).and(all.date.gt(END.minus(months(12)))));
}

/** The latest value of a measurement in the 12 months up to the interval's end (null when none). */
export function latestValueInYear(...codelists: string[]): PatientSeries<'float'> {
  const readings = readingsInYear(...codelists);
  const valued = readings.where(readings.numeric_value.is_not_null());
  return valued.sort_by(valued.date).last_for_patient().numeric_value;
}

/** Any record of a measurement or finding (codelists) in the 12 months up to the interval's end. */
export function recordedInYear(...codelists: string[]): PatientSeries<'boolean'> {
  return readingsInYear(...codelists).exists_for_patient();
}

/**
 * Died in the interval with an underlying cause (ICD-10) in a range of three-character categories,
 * `from` up to but not including `before` (C00 to C98 is C00–C97): codes compare as text, so C34.9
 * falls between C00 and C98.
 */
export function diedInIntervalOf(...causes: readonly (readonly [from: string, before: string])[]): PatientSeries<'boolean'> {
  const cause = patients.death_cause_code;
  const anyCause = causes.map(([from, before]) => cause.ge(from).and(cause.lt(before))).reduce((any, c) => any.or(c));
  return patients.date_of_death.ge(START).and(patients.date_of_death.le(END)).and(anyCause);
}

/** The date a person's age is taken on for mortality: their death if they died in the interval, else the interval's end. */
export function mortalityAgeDate(): PatientSeries<'date'> {
  return case_([when(patients.date_of_death.le(END)).then<'date'>(patients.date_of_death)], END);
}
