import { eventTable, patientTable } from './language/frames';
import { age_on, Series, type Operand } from './language/series';

/**
 * The warehouse's standard tables (docs/warehouse-tables.md) declared for the cohort language.
 * `patients` lists every patient and is the population's universe.
 */
const patientsTable = patientTable('patients', {
  sex: 'string',
  date_of_birth: 'date',
  ethnicity: 'string',
  ethnicity_code: 'string',
  lsoa_code: 'string',
  imd_decile: 'integer',
  place_code: 'string',
  practice_code: 'string',
  pcn_code: 'string',
  date_of_death: 'date',
  death_cause_code: 'string',
});

/** Patients, plus helpers for age and being alive on a date. */
export const patients = Object.assign(patientsTable, {
  /** Age in whole years on a date. */
  age_on(on: Operand<'date', 'patient'>): Series<'integer', 'patient'> {
    return age_on(patientsTable.date_of_birth, on);
  },
  /** Born on or before the date and not died before it. */
  is_alive_on(on: Operand<'date', 'patient'>): Series<'boolean', 'patient'> {
    return patientsTable.date_of_birth.le(on).and(patientsTable.date_of_death.is_null().or(patientsTable.date_of_death.ge(on)));
  },
});

export const clinical_events = eventTable('clinical_events', {
  date: 'date',
  system: 'string',
  code: 'string',
  numeric_value: 'float',
  unit: 'string',
  source: 'string',
  organisation_code: 'string',
});

export const medications = eventTable('medications', {
  date: 'date',
  system: 'string',
  code: 'string',
  status: 'string',
  organisation_code: 'string',
});

export const encounters = eventTable('encounters', {
  start_date: 'date',
  end_date: 'date',
  setting: 'string',
  class_code: 'string',
  type_code: 'string',
  organisation_code: 'string',
  diagnosis_code: 'string',
});

export const social_care = eventTable('social_care', {
  date: 'date',
  kind: 'string',
  code: 'string',
  organisation_code: 'string',
});
