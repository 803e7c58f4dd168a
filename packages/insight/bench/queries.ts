/**
 * Benchmark: the three queries of issue 4 §4 on a large synthetic warehouse, written in the cohort
 * language and as hand-written DuckDB SQL giving the same answer, timed in the same run.
 *
 *   npx tsx packages/insight/bench/queries.ts [people=2500000] [file=/tmp/footprint-bench/warehouse.duckdb]
 *
 * Setup writes the warehouse tables straight into DuckDB with SQL (the issue allows the generator to
 * write straight to the warehouse for this benchmark): patients with age, sex, IMD decile and
 * practice; ~20 clinical events each (systolic blood pressure readings, hypertension diagnoses and
 * 500 other codes). Each query runs once to warm up, then the two versions alternate for 5 rounds;
 * the medians are reported.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { clinical_events, codelist, create_dataset, define_measure, DuckDbEngine, INTERVAL, monthly_intervals, patients, type MeasureRow } from '@footprint/cohort';
import { CASE_FINDING_RULES } from '../src/case-finding';
import { codelistById } from '../src/codelists';
import { ageBand, registeredOn } from '../src/population';
import { REGISTERS, registerSeries } from '../src/registers';

const people = Number(process.argv[2] ?? 2_500_000);
const file = process.argv[3] ?? '/tmp/footprint-bench/warehouse.duckdb';
const ON = '2026-03-31';
const SBP = codelistById('snomed/systolic-bp').codes;
const HTN = codelistById('snomed/hypertension').codes;
const FIFTY = Array.from({ length: 50 }, (_, i) => `c${i * 7}`);
const sqlList = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(', ');

async function setup(connection: Awaited<ReturnType<DuckDBInstance['connect']>>): Promise<void> {
  const t0 = performance.now();
  console.log(`building a synthetic warehouse of ${people.toLocaleString('en-GB')} people in ${file} …`);
  await connection.run(`CREATE TABLE patients AS
    SELECT 'p' || i AS patient_key,
      CASE WHEN hash(i, 1) % 100 < 50 THEN 'female' ELSE 'male' END AS sex,
      CAST(DATE '1925-01-01' + CAST(hash(i, 2) % 36500 AS INTEGER) AS DATE) AS date_of_birth,
      'White' AS ethnicity, NULL::VARCHAR AS ethnicity_code, 'E0100' || (hash(i, 3) % 1000) AS lsoa_code,
      CAST(1 + hash(i, 4) % 10 AS INTEGER) AS imd_decile,
      'E0800001' || (hash(i, 5) % 9) AS place_code,
      'P' || lpad(CAST(hash(i, 6) % 400 AS VARCHAR), 5, '0') AS practice_code,
      'U' || (hash(i, 6) % 40) AS pcn_code,
      CASE WHEN hash(i, 7) % 100 < 3 THEN CAST(DATE '2021-04-01' + CAST(hash(i, 8) % 1826 AS INTEGER) AS DATE) END AS date_of_death,
      NULL::VARCHAR AS death_cause_code
    FROM range(${people}) t(i)`);
  await connection.run(`CREATE TABLE clinical_events AS
    SELECT 'p' || i AS patient_key,
      CAST(DATE '2021-04-01' + CAST(hash(i, j, 1) % 1826 AS INTEGER) AS DATE) AS date,
      'http://snomed.info/sct' AS system,
      CASE WHEN j < 4 THEN '${SBP[0]}' WHEN j = 4 AND hash(i, 9) % 100 < 14 THEN '${HTN[0]}' ELSE 'c' || (hash(i, j, 2) % 500) END AS code,
      CASE WHEN j < 4 THEN CAST(100 + hash(i, j, 3) % 70 AS DOUBLE) END AS numeric_value,
      CASE WHEN j < 4 THEN 'mmHg' END AS unit,
      'Observation' AS source, NULL::VARCHAR AS organisation_code
    FROM range(${people}) t(i), range(40) s(j)
    WHERE j < hash(i, 10) % 41`);
  for (const t of ['medications', 'encounters', 'social_care']) {
    const cols = t === 'medications' ? 'date DATE, system VARCHAR, code VARCHAR, status VARCHAR, organisation_code VARCHAR' : t === 'encounters' ? 'start_date DATE, end_date DATE, setting VARCHAR, class_code VARCHAR, type_code VARCHAR, organisation_code VARCHAR, diagnosis_code VARCHAR' : 'date DATE, kind VARCHAR, code VARCHAR, organisation_code VARCHAR';
    await connection.run(`CREATE TABLE ${t} (patient_key VARCHAR, ${cols})`);
  }
  const reader = await connection.runAndReadAll('SELECT (SELECT count(*) FROM patients) AS p, (SELECT count(*) FROM clinical_events) AS e');
  const [row] = reader.getRowObjectsJS() as { p: bigint; e: bigint }[];
  console.log(`built: ${Number(row.p).toLocaleString('en-GB')} patients, ${Number(row.e).toLocaleString('en-GB')} clinical events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Rows in a canonical order for comparing answers. */
function canonical(rows: Record<string, unknown>[]): string {
  return rows
    .map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, typeof r[k] === 'bigint' ? Number(r[k]) : r[k]])))
    .sort()
    .join('\n');
}

/**
 * Interleaved timing: a warm-up of each, then cohort and hand-written alternately, 5 rounds; the
 * median of each. Alternating keeps both under the same load on a shared machine.
 */
async function timePair<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<{ a: { ms: number; result: A }; b: { ms: number; result: B } }> {
  let ra = await a();
  let rb = await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = performance.now();
    ra = await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    rb = await b();
    tb.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { a: { ms: median(ta), result: ra }, b: { ms: median(tb), result: rb } };
}

const AGE_BAND_SQL = `CASE WHEN age >= 90 THEN '90+' ELSE CAST(floor(age / 5) * 5 AS INTEGER) || '-' || CAST(floor(age / 5) * 5 + 4 AS INTEGER) END`;
const AGE_SQL = (on: string) => `(year(${on}) - year(p.date_of_birth) - CASE WHEN month(${on}) < month(p.date_of_birth) OR (month(${on}) = month(p.date_of_birth) AND day(${on}) < day(p.date_of_birth)) THEN 1 ELSE 0 END)`;
const ALIVE_SQL = (on: string) => `p.date_of_birth <= ${on} AND (p.date_of_death IS NULL OR p.date_of_death >= ${on}) AND p.practice_code IS NOT NULL`;

interface Query {
  name: string;
  cohort: (engine: DuckDbEngine) => Promise<Record<string, unknown>[]>;
  handWritten: string;
}

const measureRows = (rows: MeasureRow[]) => rows.map(({ ratio: _r, interval_start: _s, ...rest }) => rest);

const queries: Query[] = [
  {
    name: '1. prevalence by IMD decile × sex × age band, 50-code codelist',
    cohort: async (engine) => {
      const list = codelist(FIFTY);
      const events = clinical_events.where(clinical_events.code.is_in(list));
      const measure = define_measure({
        numerator: events.where(events.date.le(ON)).exists_for_patient(),
        denominator: registeredOn(ON),
        group_by: { imd_decile: patients.imd_decile, sex: patients.sex, age_band: ageBand(ON) },
        intervals: [{ start: ON, end: ON }],
      });
      return measureRows(await engine.measure(measure));
    },
    handWritten: `WITH dx AS (SELECT DISTINCT patient_key FROM clinical_events WHERE code IN (${sqlList(FIFTY)}) AND date <= DATE '${ON}'),
      people AS (SELECT p.patient_key, p.imd_decile, p.sex, ${AGE_SQL(`DATE '${ON}'`)} AS age FROM patients p WHERE ${ALIVE_SQL(`DATE '${ON}'`)})
      SELECT '${ON}' AS interval_end, imd_decile, sex, ${AGE_BAND_SQL} AS age_band, count(dx.patient_key) AS numerator, count(*) AS denominator
      FROM people LEFT JOIN dx USING (patient_key) GROUP BY ALL`,
  },
  {
    name: '2. undiagnosed hypertension case finding',
    cohort: async (engine) => engine.execute(create_dataset().define_population(CASE_FINDING_RULES.undiagnosed_hypertension.flagged(ON))),
    handWritten: `WITH sbp AS (SELECT patient_key, date, numeric_value FROM clinical_events
        WHERE code IN (${sqlList(SBP)}) AND date <= DATE '${ON}' AND date > DATE '${ON}' - INTERVAL 36 MONTH AND numeric_value IS NOT NULL),
      signs AS (SELECT patient_key, count(*) FILTER (WHERE numeric_value >= 140) AS raised, arg_max(numeric_value, (date, numeric_value)) AS latest FROM sbp GROUP BY patient_key),
      dx AS (SELECT DISTINCT patient_key FROM clinical_events WHERE code IN (${sqlList(HTN)}) AND date <= DATE '${ON}')
      SELECT p.patient_key FROM patients p JOIN signs s USING (patient_key) LEFT JOIN dx USING (patient_key)
      WHERE ${ALIVE_SQL(`DATE '${ON}'`)} AND ${AGE_SQL(`DATE '${ON}'`)} >= 18 AND dx.patient_key IS NULL AND s.raised >= 2 AND s.latest >= 140`,
  },
  {
    name: '3. 24-month measure by IMD decile (hypertension register prevalence, monthly)',
    cohort: async (engine) =>
      measureRows(
        await engine.measure(
          define_measure({
            numerator: registerSeries(REGISTERS.hypertension, INTERVAL.end_date),
            denominator: registeredOn(INTERVAL.end_date),
            group_by: { imd_decile: patients.imd_decile },
            intervals: monthly_intervals(ON, 24),
          }),
        ),
      ),
    handWritten: `WITH iv AS (SELECT CAST(last_day(DATE '${ON}' - to_months(CAST(m AS INTEGER))) AS DATE) AS iv_end FROM range(24) t(m)),
      dx AS (SELECT patient_key, min(date) AS first_dx FROM clinical_events WHERE code IN (${sqlList(HTN)}) GROUP BY patient_key)
      SELECT strftime(iv.iv_end, '%Y-%m-%d') AS interval_end, p.imd_decile, count(*) FILTER (WHERE dx.first_dx <= iv.iv_end) AS numerator, count(*) AS denominator
      FROM patients p CROSS JOIN iv LEFT JOIN dx USING (patient_key)
      WHERE ${ALIVE_SQL('iv.iv_end')} GROUP BY ALL`,
  },
];

async function main(): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const fresh = !existsSync(file);
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run(`SET threads = 2`);
  if (fresh) await setup(connection);
  const engine = new DuckDbEngine(connection);
  console.log(`\n| query | cohort language (ms) | hand-written SQL (ms) | ratio | same answer |`);
  console.log(`|---|---:|---:|---:|---|`);
  for (const q of queries) {
    const { a: cohort, b: hand } = await timePair(() => q.cohort(engine), () => engine.sql(q.handWritten));
    const same = canonical(cohort.result) === canonical(hand.result.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))));
    console.log(`| ${q.name} | ${cohort.ms.toFixed(0)} | ${hand.ms.toFixed(0)} | ${(cohort.ms / hand.ms).toFixed(2)} | ${same ? `yes (${hand.result.length} rows)` : `NO (${cohort.result.length} vs ${hand.result.length} rows)`} |`);
  }
  connection.closeSync();
  instance.closeSync();
}

await main();
