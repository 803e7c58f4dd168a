import { case_, months, patients, when, type PatientSeries } from '@footprint/cohort';

/** A date figures are "as at": an ISO date, or a date series (a measure's INTERVAL.end_date). */
export type On = string | PatientSeries<'date'>;

/** `n` calendar months before `on` (clamped to a shorter month's end). */
export function monthsBefore(on: On, n: number): On {
  if (typeof on !== 'string') return on.minus(months(n));
  const [y, m, d] = on.split('-').map(Number);
  const total = y * 12 + (m - 1) - n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The registered population on a date: alive, born, and with a registered practice. Every
 * denominator (list size) in insight is this population.
 */
export function registeredOn(on: On): PatientSeries<'boolean'> {
  return patients.is_alive_on(on).and(patients.practice_code.is_not_null());
}

export function ageOn(on: On): PatientSeries<'integer'> {
  return patients.age_on(on);
}

/** Five-year age bands 0–4 … 85–89 and 90+, the bands of the European Standard Population 2013. */
export const AGE_BANDS = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(on: On): PatientSeries<'string'> {
  const age = ageOn(on);
  const arms = AGE_BANDS.slice(0, -1).map((band, i) => when(age.lt((i + 1) * 5)).then<'string'>(band));
  return case_(arms, '90+');
}
