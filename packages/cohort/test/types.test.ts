import { describe, expect, it } from 'vitest';
import { clinical_events, CohortError, create_dataset, define_measure, patients, type EventSeries, type PatientSeries } from '../src/index';

/**
 * The patient/event distinction is enforced by the types (each `@ts-expect-error` below must be
 * an error, or type-checking fails) and again at runtime, before any SQL is written.
 */
describe('patient series and event series do not mix', () => {
  it('an event series cannot be a dataset variable or the population', () => {
    // @ts-expect-error an event series has many values per patient
    expect(() => create_dataset().add_column('code', clinical_events.code)).toThrow(CohortError);
    // @ts-expect-error the population must be a patient series
    expect(() => create_dataset().define_population(clinical_events.code.eq('x'))).toThrow(/one value per patient/);
  });

  it('a patient series cannot be compared with an event series from the patient side', () => {
    const sex: PatientSeries<'string'> = patients.sex;
    const code: EventSeries<'string'> = clinical_events.code;
    // @ts-expect-error PatientSeries.eq takes patient series or literals
    const mixed = sex.eq(code);
    expect(mixed.dimension).toBe('event');
  });

  it('values of different types do not compare', () => {
    // @ts-expect-error a date is not a number
    expect(() => patients.date_of_birth.gt(patients.imd_decile)).toThrow(CohortError);
    // @ts-expect-error strings have no arithmetic
    expect(() => patients.sex.add(1)).toThrow(CohortError);
  });

  it('aggregation functions exist only on event series', () => {
    // @ts-expect-error a patient series is already one value per patient
    expect(() => patients.imd_decile.maximum_for_patient()).toThrow(CohortError);
  });

  it('event series from unrelated frames cannot be combined', () => {
    const a = clinical_events.where(clinical_events.code.eq('a'));
    const b = clinical_events.where(clinical_events.code.eq('b'));
    expect(() => a.date.lt(b.date)).toThrow(/different event frames/);
    expect(() => a.where(b.date.is_null())).toThrow(CohortError);
    // a filter of a frame can use its source's columns
    expect(a.where(clinical_events.numeric_value.gt(1)).count_for_patient().dimension).toBe('patient');
  });

  it('measures need boolean patient series', () => {
    expect(() =>
      define_measure({
        // @ts-expect-error the numerator must be a patient series
        numerator: clinical_events.code.eq('x'),
        denominator: patients.sex.is_not_null(),
        intervals: [{ start: '2024-01-01', end: '2024-01-31' }],
      }),
    ).toThrow(CohortError);
    expect(() => define_measure({ numerator: patients.sex.is_null(), denominator: patients.sex.is_null(), intervals: [{ start: '2024-02-01', end: '2024-01-31' }] })).toThrow(/ends before/);
  });

  it('literals are checked', () => {
    expect(() => patients.date_of_birth.lt('01/02/2020')).toThrow(/ISO date/);
    // @ts-expect-error null is not a value to compare with
    expect(() => patients.sex.eq(null)).toThrow(/is_null/);
  });
});
