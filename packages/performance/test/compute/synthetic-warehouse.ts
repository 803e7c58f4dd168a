import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CohortEngine } from '@footprint/cohort';
import { engineForWarehouse } from '@footprint/insight';
import { DuckDbEngine, contractTables, type WarehouseConnection } from '@footprint/warehouse';

/**
 * A small synthetic warehouse in a real DuckDB file, built through the warehouse's own engine class
 * with the contract's tables (docs/warehouse-tables.md). People are drawn from a seeded generator:
 * three footprint practices and one outside it, two footprint places and one outside, IMD deciles
 * (some unknown), deaths with ICD-10 causes, registers, readings, hospital encounters and social care.
 */
export const FOOTPRINT = { code: 'E54000008', places: ['E08000011', 'E08000012'], practices: ['P10001', 'P10002', 'P10003'] };
export const MONTHS = ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];

const CODES = {
  hypertension: '38341003',
  diabetes: '73211009',
  af: '49436004',
  ckd: '433144002',
  smi: '58214004',
  ld: '110359009',
  sbp: '271649006',
  dbp: '271650006',
  hba1c: '999791000000106',
  bmi: '60621009',
  cholesterol: '1005671000000105',
  smoker: '77176002',
  irregular: '361137007',
  egfr: '1011481000000105',
};

function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const between = (rng: ReturnType<typeof generator>, from: string, to: string) => iso(Date.parse(from) + rng.int(Math.round((Date.parse(to) - Date.parse(from)) / DAY)) * DAY);

type Value = string | number | null;
const literal = (v: Value) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);

export function syntheticRows(people = 900, seed = 12): Record<string, Value[][]> {
  const rng = generator(seed);
  const rows: Record<string, Value[][]> = { patients: [], clinical_events: [], medications: [], encounters: [], social_care: [], organisations: [], places: [] };
  let resource = 0;
  const event = (key: string, date: string, code: string, value: number | null = null) =>
    rows.clinical_events.push([key, date, 'http://snomed.info/sct', code, value, null, 'Observation', null, ++resource]);
  const encounter = (key: string, start: string, end: string | null, setting: string) => rows.encounters.push([key, start, end, setting, null, null, 'RBQ', null, ++resource]);
  for (let i = 0; i < people; i++) {
    const key = `p${i}`;
    const practice = rng.chance(0.03) ? null : rng.pick(['P10001', 'P10002', 'P10003', 'P10003', 'P99999']);
    const place = rng.pick(['E08000011', 'E08000012', 'E08000012', 'E06000049']);
    const decile = rng.chance(0.06) ? null : 1 + rng.int(10);
    const dob = `${1930 + rng.int(92)}-${String(1 + rng.int(12)).padStart(2, '0')}-01`;
    const age = 2025 - Number(dob.slice(0, 4));
    const dies = rng.chance(age > 45 ? 0.4 : 0.04);
    const dod = dies ? between(rng, '2023-07-01', '2025-07-31') : null;
    const cause = dies ? rng.pick(['C34.9', 'C18.9', 'C50.9', 'C61', 'I21.9', 'I64', 'I25.1', 'I50.9', 'J18.9', 'F03']) : null;
    rows.patients.push([key, rng.pick(['female', 'male']), dob, 'White', null, 'E01000001', decile, place, practice, practice ? 'U1' : null, dod, cause]);
    const adult = age >= 18;
    if (adult && rng.chance(age > 45 ? 0.35 : 0.05)) {
      event(key, between(rng, '2015-01-01', '2025-04-01'), CODES.hypertension);
      // Readings in separate quarters, so a person's latest reading is never a tie.
      for (let r = 0; r < 1 + rng.int(3); r++) {
        const date = between(rng, ['2023-06-01', '2024-06-01', '2025-01-01'][r], ['2024-05-31', '2024-12-31', '2025-06-30'][r]);
        event(key, date, CODES.sbp, 118 + rng.int(45));
        event(key, date, CODES.dbp, 68 + rng.int(30));
      }
    } else if (adult && rng.chance(0.05)) {
      event(key, between(rng, '2024-01-01', '2024-06-01'), CODES.sbp, 150);
      event(key, between(rng, '2024-07-01', '2025-05-01'), CODES.sbp, 145 + rng.int(10));
    }
    if (age >= 17 && rng.chance(0.12)) {
      event(key, between(rng, '2012-01-01', '2025-05-01'), CODES.diabetes);
      for (let r = 0; r < rng.int(3); r++) event(key, between(rng, ['2023-09-01', '2024-09-01'][r], ['2024-08-31', '2025-06-30'][r]), CODES.hba1c, 40 + rng.int(40));
    } else if (adult && rng.chance(0.04)) {
      event(key, '2024-02-01', CODES.hba1c, 50);
      event(key, between(rng, '2024-08-01', '2025-04-01'), CODES.hba1c, 52);
    }
    if (rng.chance(0.04)) event(key, between(rng, '2016-01-01', '2025-01-01'), CODES.af);
    else if (adult && rng.chance(0.03)) event(key, between(rng, '2024-01-01', '2025-05-01'), CODES.irregular);
    if (adult && rng.chance(0.04)) event(key, between(rng, '2016-01-01', '2025-01-01'), CODES.ckd);
    else if (adult && rng.chance(0.03)) {
      event(key, '2024-03-01', CODES.egfr, 50);
      event(key, between(rng, '2024-07-01', '2025-05-01'), CODES.egfr, 48);
    }
    if (rng.chance(0.06)) {
      event(key, between(rng, '2010-01-01', '2024-12-01'), CODES.smi);
      for (const code of [CODES.sbp, CODES.bmi, CODES.cholesterol, CODES.hba1c, CODES.smoker]) if (rng.chance(0.8)) event(key, between(rng, '2024-03-01', '2025-06-30'), code, code === CODES.smoker ? null : 50);
    }
    if (rng.chance(0.07)) {
      event(key, between(rng, '2000-01-01', '2024-06-01'), CODES.ld);
      if (rng.chance(0.3)) {
        const start = between(rng, '2024-06-01', '2025-06-01');
        encounter(key, start, rng.chance(0.3) ? null : iso(Date.parse(start) + (20 + rng.int(60)) * DAY), 'inpatient_elective');
      }
    }
    for (let e = 0; e < rng.int(4); e++) encounter(key, between(rng, '2024-05-01', '2025-07-31'), null, 'emergency');
    for (let e = 0; e < rng.int(3) - 1; e++) {
      const start = between(rng, '2024-05-01', '2025-07-31');
      encounter(key, start, iso(Date.parse(start) + rng.int(9) * DAY), 'inpatient_emergency');
    }
    if (rng.chance(0.1)) encounter(key, between(rng, '2024-05-01', '2025-07-31'), null, 'gp');
    for (let c = 0; c < rng.int(3) - 1; c++) {
      rows.social_care.push([key, between(rng, '2024-05-01', '2025-07-31'), rng.pick(['assessment', 'package', 'referral']), '410606002', 'E08000012', ++resource]);
    }
  }
  return rows;
}

export interface SyntheticWarehouse {
  engine: CohortEngine;
  /** Hand-written SQL straight against the warehouse tables. */
  sql<R extends Record<string, unknown> = Record<string, unknown>>(sql: string): Promise<R[]>;
  close(): Promise<void>;
}

export async function openSyntheticWarehouse(people?: number): Promise<SyntheticWarehouse> {
  const dir = await mkdtemp(join(tmpdir(), 'footprint-compute-'));
  const engineClass = new DuckDbEngine(join(dir, 'warehouse.duckdb'));
  const build = await engineClass.beginBuild();
  const data = syntheticRows(people);
  for (const table of contractTables) {
    await build.exec(`CREATE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`);
    const rows = data[table.name] ?? [];
    for (let start = 0; start < rows.length; start += 500) {
      await build.exec(`INSERT INTO ${table.name} VALUES ${rows.slice(start, start + 500).map((r) => `(${r.map(literal).join(', ')})`).join(', ')}`);
    }
  }
  await build.commit();
  const connection: WarehouseConnection = await engineClass.open();
  const engine = await engineForWarehouse({ engine: 'duckdb', cacheKey: async () => `synthetic:${dir}`, query: (sql) => connection.query(sql) });
  return {
    engine,
    sql: (sql) => connection.query(sql),
    close: async () => {
      await connection.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
