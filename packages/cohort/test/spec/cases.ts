import {
  INTERVAL,
  case_,
  clinical_events,
  codelist,
  create_dataset,
  define_measure,
  days,
  medications,
  monthly_intervals,
  months,
  patients,
  when,
  years,
} from '../../src/index';
import type { SpecCase, Tables } from './harness';

/**
 * The cohort language's specification: each case is small input tables and the rows expected
 * out, run unchanged on every engine (spec.*.test.ts).
 */

const people: Tables['patients'] = [
  { patient_key: 'p1', sex: 'female', date_of_birth: '1950-03-01', imd_decile: 1, practice_code: 'A1' },
  { patient_key: 'p2', sex: 'male', date_of_birth: '1980-07-01', imd_decile: 5, practice_code: 'A1' },
  { patient_key: 'p3', sex: 'female', date_of_birth: '2010-12-01', imd_decile: null, practice_code: 'B2', date_of_death: '2023-05-04' },
  { patient_key: 'p4', sex: 'unknown', date_of_birth: '1944-02-01', imd_decile: 10, practice_code: 'B2' },
];

const bp: Tables['clinical_events'] = [
  { patient_key: 'p1', date: '2023-01-10', code: 'sbp', numeric_value: 150 },
  { patient_key: 'p1', date: '2023-06-10', code: 'sbp', numeric_value: 135 },
  { patient_key: 'p1', date: '2023-03-01', code: 'htn' },
  { patient_key: 'p2', date: '2022-11-30', code: 'sbp', numeric_value: 162.5 },
  { patient_key: 'p2', date: '2023-02-01', code: 'sbp', numeric_value: null },
  { patient_key: 'p3', date: '2023-02-01', code: 'dm' },
  { patient_key: 'p4', date: '2020-02-29', code: 'sbp', numeric_value: 120 },
];

const sbp = codelist(['sbp']);
const htn = codelist(['htn', 'htn2']);

const all = () => patients.sex.is_not_null().or(patients.sex.is_null());

export const SPEC_CASES: SpecCase[] = [
  {
    name: 'population from a patient-table condition, with patient columns',
    tables: { patients: people },
    dataset: () => create_dataset().define_population(patients.sex.eq('female')).add_column('dob', patients.date_of_birth).add_column('imd', patients.imd_decile),
    expected: [
      { patient_key: 'p1', dob: '1950-03-01', imd: 1 },
      { patient_key: 'p3', dob: '2010-12-01', imd: null },
    ],
  },
  {
    name: 'null conditions leave patients out of the population',
    tables: { patients: people },
    dataset: () => create_dataset().define_population(patients.imd_decile.le(5)),
    expected: [{ patient_key: 'p1' }, { patient_key: 'p2' }],
  },
  {
    name: 'exists_for_patient and count_for_patient over a codelist (false and 0 when none)',
    tables: { patients: people, clinical_events: bp },
    dataset: () => {
      const readings = clinical_events.where(clinical_events.code.is_in(sbp));
      return create_dataset().define_population(all()).add_column('has_bp', readings.exists_for_patient()).add_column('n_bp', readings.count_for_patient());
    },
    expected: [
      { patient_key: 'p1', has_bp: true, n_bp: 2 },
      { patient_key: 'p2', has_bp: true, n_bp: 2 },
      { patient_key: 'p3', has_bp: false, n_bp: 0 },
      { patient_key: 'p4', has_bp: true, n_bp: 1 },
    ],
  },
  {
    name: 'minimum, maximum, mean and sum ignore nulls; null when no values',
    tables: { patients: people, clinical_events: bp },
    dataset: () => {
      const v = clinical_events.where(clinical_events.code.eq('sbp')).numeric_value;
      return create_dataset()
        .define_population(all())
        .add_column('lo', v.minimum_for_patient())
        .add_column('hi', v.maximum_for_patient())
        .add_column('mean', v.mean_for_patient())
        .add_column('total', v.sum_for_patient());
    },
    expected: [
      { patient_key: 'p1', lo: 135, hi: 150, mean: 142.5, total: 285 },
      { patient_key: 'p2', lo: 162.5, hi: 162.5, mean: 162.5, total: 162.5 },
      { patient_key: 'p3', lo: null, hi: null, mean: null, total: null },
      { patient_key: 'p4', lo: 120, hi: 120, mean: 120, total: 120 },
    ],
  },
  {
    name: 'first_for_patient and last_for_patient after sort_by',
    tables: { patients: people, clinical_events: bp },
    dataset: () => {
      const readings = clinical_events.where(clinical_events.code.is_in(sbp)).sort_by(clinical_events.where(clinical_events.code.is_in(sbp)).date);
      const first = readings.first_for_patient();
      const last = readings.last_for_patient();
      return create_dataset()
        .define_population(all())
        .add_column('first_date', first.date)
        .add_column('first_value', first.numeric_value)
        .add_column('last_date', last.date)
        .add_column('last_value', last.numeric_value)
        .add_column('has_reading', first.exists_for_patient());
    },
    expected: [
      { patient_key: 'p1', first_date: '2023-01-10', first_value: 150, last_date: '2023-06-10', last_value: 135, has_reading: true },
      { patient_key: 'p2', first_date: '2022-11-30', first_value: 162.5, last_date: '2023-02-01', last_value: null, has_reading: true },
      { patient_key: 'p3', first_date: null, first_value: null, last_date: null, last_value: null, has_reading: false },
      { patient_key: 'p4', first_date: '2020-02-29', first_value: 120, last_date: '2020-02-29', last_value: 120, has_reading: true },
    ],
  },
  {
    name: 'sorting puts nulls first and breaks ties by the other columns',
    tables: {
      patients: [{ patient_key: 'p1' }],
      clinical_events: [
        { patient_key: 'p1', date: '2023-01-01', code: 'b', numeric_value: 2 },
        { patient_key: 'p1', date: '2023-01-01', code: 'a', numeric_value: 9 },
        { patient_key: 'p1', date: null, code: 'c', numeric_value: 1 },
      ],
    },
    dataset: () => {
      const sorted = clinical_events.sort_by(clinical_events.date);
      return create_dataset().define_population(all()).add_column('first', sorted.first_for_patient().code).add_column('last', sorted.last_for_patient().code);
    },
    expected: [{ patient_key: 'p1', first: 'c', last: 'b' }],
  },
  {
    name: 'where on a filtered frame, with patient-level series inside the condition',
    tables: { patients: people, clinical_events: bp },
    dataset: () => {
      const readings = clinical_events.where(clinical_events.code.eq('sbp'));
      const adultReadings = readings.where(readings.date.ge(patients.date_of_birth.plus(years(18))));
      const high = adultReadings.where(adultReadings.numeric_value.ge(140));
      return create_dataset().define_population(all()).add_column('high', high.count_for_patient());
    },
    expected: [
      { patient_key: 'p1', high: 1 },
      { patient_key: 'p2', high: 1 },
      { patient_key: 'p3', high: 0 },
      { patient_key: 'p4', high: 0 },
    ],
  },
  {
    name: 'except_where keeps rows whose condition is false or null',
    tables: { patients: people, clinical_events: bp },
    dataset: () => {
      const kept = clinical_events.except_where(clinical_events.numeric_value.gt(140));
      return create_dataset().define_population(all()).add_column('n', kept.count_for_patient());
    },
    expected: [
      { patient_key: 'p1', n: 2 },
      { patient_key: 'p2', n: 1 },
      { patient_key: 'p3', n: 1 },
      { patient_key: 'p4', n: 1 },
    ],
  },
  {
    name: 'three-valued boolean logic',
    tables: { patients: people },
    dataset: () => {
      const deprived = patients.imd_decile.le(2);
      const female = patients.sex.eq('female');
      return create_dataset()
        .define_population(all())
        .add_column('and', deprived.and(female))
        .add_column('or', deprived.or(female))
        .add_column('not', deprived.not());
    },
    expected: [
      { patient_key: 'p1', and: true, or: true, not: false },
      { patient_key: 'p2', and: false, or: false, not: true },
      { patient_key: 'p3', and: null, or: true, not: null },
      { patient_key: 'p4', and: false, or: false, not: true },
    ],
  },
  {
    name: 'null handling: is_null, is_not_null, when_null_then',
    tables: { patients: people },
    dataset: () =>
      create_dataset()
        .define_population(all())
        .add_column('died', patients.date_of_death.is_not_null())
        .add_column('no_imd', patients.imd_decile.is_null())
        .add_column('imd_or_zero', patients.imd_decile.when_null_then(0)),
    expected: [
      { patient_key: 'p1', died: false, no_imd: false, imd_or_zero: 1 },
      { patient_key: 'p2', died: false, no_imd: false, imd_or_zero: 5 },
      { patient_key: 'p3', died: true, no_imd: true, imd_or_zero: 0 },
      { patient_key: 'p4', died: false, no_imd: false, imd_or_zero: 10 },
    ],
  },
  {
    name: 'case/when with otherwise and without (null)',
    tables: { patients: people },
    dataset: () =>
      create_dataset()
        .define_population(all())
        .add_column(
          'quintile',
          case_([when(patients.imd_decile.le(2)).then(1), when(patients.imd_decile.le(4)).then(2), when(patients.imd_decile.le(6)).then(3), when(patients.imd_decile.le(8)).then(4)], 5),
        )
        .add_column('band', case_([when(patients.sex.eq('male')).then('M')])),
    expected: [
      { patient_key: 'p1', quintile: 1, band: null },
      { patient_key: 'p2', quintile: 3, band: 'M' },
      { patient_key: 'p3', quintile: 5, band: null },
      { patient_key: 'p4', quintile: 5, band: null },
    ],
  },
  {
    name: 'age_on and date arithmetic: days, months (clamped), years (29 February)',
    tables: { patients: people },
    dataset: () =>
      create_dataset()
        .define_population(all())
        .add_column('age', patients.age_on('2024-02-29'))
        .add_column('plus_days', patients.date_of_birth.plus(days(45)))
        .add_column('minus_months', patients.date_of_birth.minus(months(1)))
        .add_column('end_of_month', patients.date_of_birth.plus(days(30)).plus(months(1)))
        .add_column('year', patients.date_of_birth.year())
        .add_column('month', patients.date_of_birth.month()),
    expected: [
      { patient_key: 'p1', age: 73, plus_days: '1950-04-15', minus_months: '1950-02-01', end_of_month: '1950-04-30', year: 1950, month: 3 },
      { patient_key: 'p2', age: 43, plus_days: '1980-08-15', minus_months: '1980-06-01', end_of_month: '1980-08-31', year: 1980, month: 7 },
      { patient_key: 'p3', age: 13, plus_days: '2011-01-15', minus_months: '2010-11-01', end_of_month: '2011-01-31', year: 2010, month: 12 },
      { patient_key: 'p4', age: 80, plus_days: '1944-03-17', minus_months: '1944-01-01', end_of_month: '1944-04-02', year: 1944, month: 2 },
    ],
  },
  {
    name: 'date differences in days, months and years; adding years to 29 February',
    tables: { patients: [{ patient_key: 'p1' }], clinical_events: [{ patient_key: 'p1', date: '2020-02-29', code: 'x' }] },
    dataset: () => {
      const d = clinical_events.sort_by(clinical_events.date).first_for_patient().date;
      return create_dataset()
        .define_population(all())
        .add_column('next_year', d.plus(years(1)))
        .add_column('d', d.plus(years(1)).days_since(d))
        .add_column('m', d.plus(days(60)).months_since(d))
        .add_column('y', d.plus(years(4)).minus(days(1)).years_since(d))
        .add_column('back', d.days_since('2021-01-01'));
    },
    expected: [{ patient_key: 'p1', next_year: '2021-02-28', d: 365, m: 2, y: 3, back: -307 }],
  },
  {
    name: 'arithmetic: add, subtract, multiply, divide (float; null on zero)',
    tables: { patients: people },
    dataset: () =>
      create_dataset()
        .define_population(all())
        .add_column('sum', patients.imd_decile.add(1))
        .add_column('diff', patients.imd_decile.subtract(patients.imd_decile.multiply(2)))
        .add_column('half', patients.imd_decile.divide(2))
        .add_column('by_zero', patients.imd_decile.divide(patients.imd_decile.subtract(patients.imd_decile))),
    expected: [
      { patient_key: 'p1', sum: 2, diff: -1, half: 0.5, by_zero: null },
      { patient_key: 'p2', sum: 6, diff: -5, half: 2.5, by_zero: null },
      { patient_key: 'p3', sum: null, diff: null, half: null, by_zero: null },
      { patient_key: 'p4', sum: 11, diff: -10, half: 5, by_zero: null },
    ],
  },
  {
    name: 'is_in with an empty codelist is false (null for null codes)',
    tables: { patients: people, clinical_events: bp },
    dataset: () => {
      const none = clinical_events.where(clinical_events.code.is_in([]));
      return create_dataset().define_population(patients.sex.is_in([])).add_column('n', none.count_for_patient());
    },
    expected: [],
  },
  {
    name: 'string comparison is by code point, not locale',
    tables: { patients: [{ patient_key: 'p1', ethnicity: 'a' }, { patient_key: 'p2', ethnicity: 'B' }, { patient_key: 'p3', ethnicity: 'b' }] },
    dataset: () => create_dataset().define_population(patients.ethnicity.lt('a')).add_column('e', patients.ethnicity),
    expected: [{ patient_key: 'p2', e: 'B' }],
  },
  {
    name: 'count_distinct_for_patient and aggregates of a patient-level expression over events',
    tables: { patients: people, clinical_events: bp },
    dataset: () =>
      create_dataset()
        .define_population(all())
        .add_column('codes', clinical_events.code.count_distinct_for_patient())
        .add_column('age_at_first', clinical_events.date.minimum_for_patient().years_since(patients.date_of_birth))
        .add_column('max_age_at_event', clinical_events.date.years_since(patients.date_of_birth).maximum_for_patient()),
    expected: [
      { patient_key: 'p1', codes: 2, age_at_first: 72, max_age_at_event: 73 },
      { patient_key: 'p2', codes: 1, age_at_first: 42, max_age_at_event: 42 },
      { patient_key: 'p3', codes: 1, age_at_first: 12, max_age_at_event: 12 },
      { patient_key: 'p4', codes: 1, age_at_first: 76, max_age_at_event: 76 },
    ],
  },
  {
    name: 'a variable depending on another event table (medications) and on a picked row',
    tables: {
      patients: people,
      clinical_events: bp,
      medications: [
        { patient_key: 'p1', date: '2023-02-01', code: 'ramipril' },
        { patient_key: 'p2', date: '2022-01-01', code: 'ramipril' },
      ],
    },
    dataset: () => {
      const diagnosed = clinical_events.where(clinical_events.code.is_in(htn)).sort_by(clinical_events.where(clinical_events.code.is_in(htn)).date).first_for_patient().date;
      const treatedAfter = medications.where(medications.code.eq('ramipril')).where(medications.where(medications.code.eq('ramipril')).date.lt(diagnosed));
      return create_dataset().define_population(medications.exists_for_patient()).add_column('treated_before_diagnosis', treatedAfter.exists_for_patient()).add_column('diagnosed', diagnosed);
    },
    expected: [
      { patient_key: 'p1', treated_before_diagnosis: true, diagnosed: '2023-03-01' },
      { patient_key: 'p2', treated_before_diagnosis: false, diagnosed: null },
    ],
  },
  {
    name: 'a monthly measure grouped by a patient series (in one query)',
    tables: { patients: people, clinical_events: bp },
    measure: () => {
      const inInterval = clinical_events.where(clinical_events.date.between(INTERVAL.start_date, INTERVAL.end_date));
      return define_measure({
        numerator: inInterval.where(inInterval.code.eq('sbp')).exists_for_patient(),
        denominator: patients.is_alive_on(INTERVAL.end_date),
        group_by: { sex: patients.sex },
        intervals: monthly_intervals('2023-02-15', 2),
      });
    },
    expected: [
      { interval_start: '2023-01-01', interval_end: '2023-01-31', sex: 'female', numerator: 1, denominator: 2 },
      { interval_start: '2023-01-01', interval_end: '2023-01-31', sex: 'male', numerator: 0, denominator: 1 },
      { interval_start: '2023-01-01', interval_end: '2023-01-31', sex: 'unknown', numerator: 0, denominator: 1 },
      { interval_start: '2023-02-01', interval_end: '2023-02-28', sex: 'female', numerator: 0, denominator: 2 },
      { interval_start: '2023-02-01', interval_end: '2023-02-28', sex: 'male', numerator: 1, denominator: 1 },
      { interval_start: '2023-02-01', interval_end: '2023-02-28', sex: 'unknown', numerator: 0, denominator: 1 },
    ],
  },
  {
    name: 'a measure whose denominator and groups depend on the interval (age, last reading), one query',
    tables: { patients: people, clinical_events: bp },
    measure: () => {
      const before = clinical_events.where(clinical_events.date.le(INTERVAL.end_date)).where(clinical_events.code.eq('sbp'));
      const last = before.sort_by(before.date).last_for_patient();
      return define_measure({
        numerator: last.numeric_value.ge(140),
        denominator: patients.age_on(INTERVAL.end_date).ge(18).and(patients.is_alive_on(INTERVAL.end_date)),
        group_by: { imd: patients.imd_decile.le(5) },
        intervals: [
          { start: '2022-01-01', end: '2022-12-31' },
          { start: '2023-01-01', end: '2023-12-31' },
        ],
      });
    },
    expected: [
      { interval_start: '2022-01-01', interval_end: '2022-12-31', imd: true, numerator: 1, denominator: 2 },
      { interval_start: '2022-01-01', interval_end: '2022-12-31', imd: false, numerator: 0, denominator: 1 },
      { interval_start: '2023-01-01', interval_end: '2023-12-31', imd: true, numerator: 0, denominator: 2 },
      { interval_start: '2023-01-01', interval_end: '2023-12-31', imd: false, numerator: 0, denominator: 1 },
    ],
  },
];

SPEC_CASES.push({
  name: 'a measure counting events up to each interval end, and the people with none (false, not null)',
  tables: { patients: people, clinical_events: bp },
  measure: () => {
    const htnEvents = clinical_events.where(clinical_events.code.is_in(htn));
    const diagnosed = htnEvents.where(htnEvents.date.le(INTERVAL.end_date)).exists_for_patient();
    return define_measure({
      numerator: diagnosed.not(),
      denominator: patients.is_alive_on(INTERVAL.end_date),
      intervals: [
        { start: '2023-01-01', end: '2023-02-28' },
        { start: '2023-03-01', end: '2023-03-31' },
      ],
    });
  },
  expected: [
    { interval_start: '2023-01-01', interval_end: '2023-02-28', numerator: 4, denominator: 4 },
    { interval_start: '2023-03-01', interval_end: '2023-03-31', numerator: 3, denominator: 4 },
  ],
});
