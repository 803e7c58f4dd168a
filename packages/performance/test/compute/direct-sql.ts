import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Each computed indicator written again by hand, as plain SQL straight against the warehouse
 * tables (DuckDB), one row per person: `patient_key`, `numerator`, `denominator` (and `age_band`
 * for a standardised rate). The tests sum these per area and compare.
 */
export type PerPersonSql = (period: string) => string;

const CODELISTS = fileURLToPath(new URL('../../../../codelists/', import.meta.url));

function codes(...ids: string[]): string {
  const all = ids.flatMap((id) =>
    readFileSync(`${CODELISTS}${id}.csv`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0].trim())
      .filter(Boolean),
  );
  return [...new Set(all)].map((c) => `'${c}'`).join(', ');
}

function bounds(period: string, months = 1): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number);
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const start = new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 10);
  return { start, end };
}

const d = (date: string) => `DATE '${date}'`;
const ageOn = (on: string) => `(year(${on}) - year(p.date_of_birth) - CASE WHEN month(${on}) * 100 + day(${on}) < month(p.date_of_birth) * 100 + day(p.date_of_birth) THEN 1 ELSE 0 END)`;
const aliveOn = (on: string) => `(p.date_of_birth <= ${on} AND (p.date_of_death IS NULL OR p.date_of_death >= ${on}))`;
const registeredOn = (on: string) => `(p.practice_code IS NOT NULL AND ${aliveOn(on)})`;
const diagnosed = (on: string, ...lists: string[]) => `EXISTS (SELECT 1 FROM clinical_events e WHERE e.patient_key = p.patient_key AND e.code IN (${codes(...lists)}) AND e.date <= ${on})`;
const inWindow = (on: string, months: number) => `e.date <= ${on} AND e.date > ${on} - INTERVAL ${months} MONTH`;
const latest = (on: string, list: string) =>
  `(SELECT e.numeric_value FROM clinical_events e WHERE e.patient_key = p.patient_key AND e.code IN (${codes(list)}) AND ${inWindow(on, 12)} AND e.numeric_value IS NOT NULL ORDER BY e.date DESC LIMIT 1)`;
const recorded = (on: string, ...lists: string[]) => `EXISTS (SELECT 1 FROM clinical_events e WHERE e.patient_key = p.patient_key AND e.code IN (${codes(...lists)}) AND ${inWindow(on, 12)})`;
const int = (condition: string) => `CAST(${condition} AS INTEGER)`;

function proportion(period: string, denominator: (end: string) => string, numerator: (end: string) => string): string {
  const end = d(bounds(period).end);
  return `SELECT p.patient_key, ${int(`(${denominator(end)}) AND (${numerator(end)})`)} AS numerator, 1 AS denominator FROM patients p WHERE ${denominator(end)}`;
}

function events(period: string, population: (start: string, end: string) => string, event: (start: string, end: string) => string): string {
  const b = bounds(period);
  const [start, end] = [d(b.start), d(b.end)];
  return `SELECT p.patient_key, (${event(start, end)}) AS numerator, 1 AS denominator FROM patients p WHERE ${population(start, end)}`;
}

const registeredDuring = (start: string, end: string) => `p.practice_code IS NOT NULL AND p.date_of_birth <= ${end} AND (p.date_of_death IS NULL OR p.date_of_death >= ${start})`;
const encountersIn = (setting: string) => (start: string, end: string) =>
  `SELECT count(*) FROM encounters x WHERE x.patient_key = p.patient_key AND x.setting = '${setting}' AND x.start_date BETWEEN ${start} AND ${end}`;

const readings36 = (on: string, list: string) => `FROM clinical_events e WHERE e.patient_key = p.patient_key AND e.code IN (${codes(list)}) AND ${inWindow(on, 36)} AND e.numeric_value IS NOT NULL`;
const flagged: Record<string, (on: string) => string> = {
  hypertension: (on) =>
    `${ageOn(on)} >= 18 AND NOT ${diagnosed(on, 'snomed/hypertension')} AND (SELECT count(*) ${readings36(on, 'snomed/systolic-bp')} AND e.numeric_value >= 140) >= 2 AND (SELECT e.numeric_value ${readings36(on, 'snomed/systolic-bp')} ORDER BY e.date DESC LIMIT 1) >= 140`,
  diabetes: (on) => `${ageOn(on)} >= 18 AND NOT ${diagnosed(on, 'snomed/diabetes', 'snomed/type-1-diabetes', 'snomed/type-2-diabetes')} AND (SELECT count(*) ${readings36(on, 'snomed/hba1c')} AND e.numeric_value >= 48) >= 2`,
  af: (on) =>
    `${ageOn(on)} >= 18 AND NOT ${diagnosed(on, 'snomed/atrial-fibrillation')} AND EXISTS (SELECT 1 FROM clinical_events e WHERE e.patient_key = p.patient_key AND e.code IN (${codes('snomed/irregular-pulse')}) AND ${inWindow(on, 36)})`,
  ckd: (on) =>
    `${ageOn(on)} >= 18 AND NOT ${diagnosed(on, 'snomed/ckd-3-5')} AND (SELECT date_diff('day', min(e.date), max(e.date)) ${readings36(on, 'snomed/egfr')} AND e.numeric_value < 60) >= 90 AND (SELECT e.numeric_value ${readings36(on, 'snomed/egfr')} ORDER BY e.date DESC LIMIT 1) < 60`,
};

function caseFinding(period: string): string {
  const end = d(bounds(period).end);
  const registers = {
    hypertension: diagnosed(end, 'snomed/hypertension'),
    diabetes: `${diagnosed(end, 'snomed/diabetes')} AND ${ageOn(end)} >= 17`,
    af: diagnosed(end, 'snomed/atrial-fibrillation'),
    ckd: `${diagnosed(end, 'snomed/ckd-3-5')} AND ${ageOn(end)} >= 18`,
  };
  const conditions = Object.keys(registers) as (keyof typeof registers)[];
  const found = conditions.map((c) => int(`COALESCE(${registers[c]}, FALSE)`)).join(' + ');
  const expected = conditions.map((c) => int(`COALESCE((${registers[c]}) OR (${flagged[c](end)}), FALSE)`)).join(' + ');
  return `SELECT p.patient_key, ${found} AS numerator, ${expected} AS denominator FROM patients p WHERE ${registeredOn(end)}`;
}

/** Deaths under 75 in the `months` ending the period with an underlying cause in any of the [from, before) ranges. */
function prematureMortality(causes: readonly (readonly [string, string])[], months = 12): PerPersonSql {
  const cause = causes.map(([from, before]) => `(p.death_cause_code >= '${from}' AND p.death_cause_code < '${before}')`).join(' OR ');
  return (period) => {
    const b = bounds(period, months);
    const [start, end] = [d(b.start), d(b.end)];
    const ageDate = `(CASE WHEN p.date_of_death <= ${end} THEN p.date_of_death ELSE ${end} END)`;
    const age = ageOn(ageDate);
    return (
      `SELECT p.patient_key, ${int(`COALESCE(p.date_of_death BETWEEN ${start} AND ${end} AND (${cause}), FALSE)`)} AS numerator, 1 AS denominator, ` +
      `CAST(floor(${age} / 5) * 5 AS INTEGER) || '-' || CAST(floor(${age} / 5) * 5 + 4 AS INTEGER) AS age_band ` +
      `FROM patients p WHERE p.practice_code IS NOT NULL AND ${aliveOn(start)} AND ${age} < 75`
    );
  };
}

export const PER_PERSON: Record<string, PerPersonSql> = {
  'register-prevalence-hypertension': (period) => proportion(period, registeredOn, (end) => diagnosed(end, 'snomed/hypertension')),
  'register-prevalence-diabetes': (period) => proportion(period, (end) => `${registeredOn(end)} AND ${ageOn(end)} >= 17`, (end) => diagnosed(end, 'snomed/diabetes')),
  'hypertension-treated-to-target': (period) =>
    proportion(
      period,
      (end) => `${registeredOn(end)} AND ${diagnosed(end, 'snomed/hypertension')}`,
      (end) =>
        `COALESCE(((${ageOn(end)} < 80 AND ${latest(end, 'snomed/systolic-bp')} <= 140) OR (${ageOn(end)} >= 80 AND ${latest(end, 'snomed/systolic-bp')} <= 150)) AND ${latest(end, 'snomed/diastolic-bp')} <= 90, FALSE)`,
    ),
  'diabetes-treated-to-target': (period) =>
    proportion(
      period,
      (end) => `${registeredOn(end)} AND ${diagnosed(end, 'snomed/diabetes')} AND ${ageOn(end)} >= 17`,
      (end) => `COALESCE(${latest(end, 'snomed/hba1c')} <= 58, FALSE)`,
    ),
  'learning-disability-community-living': (period) =>
    proportion(
      period,
      (end) => `${registeredOn(end)} AND ${diagnosed(end, 'snomed/learning-disability')} AND ${ageOn(end)} >= 18`,
      (end) =>
        `NOT EXISTS (SELECT 1 FROM encounters x WHERE x.patient_key = p.patient_key AND x.setting IN ('inpatient_emergency', 'inpatient_elective') AND x.start_date <= ${end} AND (x.end_date IS NULL OR x.end_date >= ${end}))`,
    ),
  'serious-mental-illness-health-checks': (period) =>
    proportion(
      period,
      (end) => `${registeredOn(end)} AND ${diagnosed(end, 'snomed/severe-mental-illness')}`,
      (end) =>
        [
          recorded(end, 'snomed/systolic-bp', 'snomed/blood-pressure'),
          recorded(end, 'snomed/bmi'),
          recorded(end, 'snomed/cholesterol'),
          recorded(end, 'snomed/hba1c'),
          recorded(end, 'snomed/smoking-status', 'snomed/smoker', 'snomed/ex-smoker', 'snomed/never-smoked'),
        ].join(' AND '),
    ),
  'emergency-admissions-per-1000': (period) => events(period, registeredDuring, encountersIn('inpatient_emergency')),
  'ae-attendances-per-1000': (period) => events(period, registeredDuring, encountersIn('emergency')),
  'social-care-contacts': (period) =>
    events(
      period,
      (start, end) => `${registeredDuring(start, end)} AND ${ageOn(end)} >= 18`,
      (start, end) => `SELECT count(*) FROM social_care s WHERE s.patient_key = p.patient_key AND s.kind IN ('assessment', 'package') AND s.date BETWEEN ${start} AND ${end}`,
    ),
  'register-prevalence-gap': caseFinding,
  'premature-mortality-cancer-u75': prematureMortality([['C00', 'C98']]),
  'premature-mortality-cvd-u75': prematureMortality([['I00', 'J00']]),
  'premature-mortality-cancer-cvd-u75': prematureMortality([['C00', 'C98'], ['I00', 'J00']], 24),
};
