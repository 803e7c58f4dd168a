import { DuckDBInstance } from '@duckdb/node-api';
import { openTestDatabase } from '@footprint/testing';
import { clinical_events, DuckDbEngine, encounters, InMemoryEngine, medications, patients, PostgresEngine, social_care, type CohortEngine, type JsValue, type TableSchema } from '@footprint/cohort';

/**
 * A tiny warehouse with known answers, loaded into every engine. On 2025-06-30:
 * - h1 has a hypertension code (on the register); x1 too but died in 2024 (not on it)
 * - h2 has two systolic readings ≥140 and no code (flagged); h3 one raised then a normal one (not)
 * - c1 is a child with raised readings (not flagged: case finding is for adults)
 * - d1 has two HbA1c ≥48 (possible diabetes); n1 a latest HbA1c of 44 (possible NDH)
 * - t2 has a type 2 diabetes code (diabetes register)
 * - k1 has eGFR <60 twice 214 days apart (possible CKD); k2 twice only 30 days apart (not)
 * - a1 has an irregular pulse (possible AF)
 * - s1 has asthma and an inhaler in the last year (asthma register); s2 asthma, inhaler 2 years ago (not)
 */
export const ON = '2025-06-30';

type Rows = Record<string, JsValue | null>[];

const SBP = '271649006';
const A1C = '999791000000106';
const EGFR = '1011481000000105';

const person = (patient_key: string, date_of_birth: string, practice_code: string, extra: Record<string, JsValue | null> = {}) => ({
  patient_key,
  sex: 'female',
  date_of_birth,
  ethnicity: 'White',
  imd_decile: 3,
  place_code: 'E08000012',
  practice_code,
  pcn_code: 'U1',
  ...extra,
});

export const TABLES: Record<string, Rows> = {
  patients: [
    person('h1', '1960-05-01', 'A81001', { sex: 'male', imd_decile: 1 }),
    person('h2', '1970-01-01', 'A81001'),
    person('h3', '1975-01-01', 'A81001', { imd_decile: 9 }),
    person('c1', '2015-01-01', 'A81001'),
    person('x1', '1940-01-01', 'A81001', { date_of_death: '2024-03-01' }),
    person('d1', '1965-01-01', 'B82002', { sex: 'male' }),
    person('n1', '1966-01-01', 'B82002'),
    person('t2', '1985-01-01', 'B82002', { sex: 'male', imd_decile: 10 }),
    person('k1', '1950-01-01', 'B82002'),
    person('k2', '1951-01-01', 'B82002'),
    person('a1', '1945-01-01', 'B82002', { sex: 'male', imd_decile: null }),
    person('s1', '2000-01-01', 'B82002'),
    person('s2', '2001-01-01', 'B82002'),
  ],
  clinical_events: [
    { patient_key: 'h1', date: '2020-02-01', code: '38341003' },
    { patient_key: 'h1', date: '2025-01-01', code: SBP, numeric_value: 150 },
    { patient_key: 'h1', date: '2025-02-01', code: SBP, numeric_value: 152 },
    { patient_key: 'x1', date: '2019-02-01', code: '59621000' },
    { patient_key: 'h2', date: '2024-01-10', code: SBP, numeric_value: 150 },
    { patient_key: 'h2', date: '2025-03-01', code: SBP, numeric_value: 146 },
    { patient_key: 'h3', date: '2024-01-10', code: SBP, numeric_value: 150 },
    { patient_key: 'h3', date: '2025-03-01', code: SBP, numeric_value: 128 },
    { patient_key: 'h3', date: '2019-03-01', code: SBP, numeric_value: 160 },
    { patient_key: 'c1', date: '2024-03-01', code: SBP, numeric_value: 150 },
    { patient_key: 'c1', date: '2025-03-01', code: SBP, numeric_value: 150 },
    { patient_key: 'd1', date: '2024-05-01', code: A1C, numeric_value: 50 },
    { patient_key: 'd1', date: '2025-05-01', code: A1C, numeric_value: 52 },
    { patient_key: 'n1', date: '2023-05-01', code: A1C, numeric_value: 49 },
    { patient_key: 'n1', date: '2025-05-01', code: A1C, numeric_value: 44 },
    { patient_key: 't2', date: '2018-05-01', code: '44054006' },
    { patient_key: 't2', date: '2025-05-01', code: A1C, numeric_value: 58 },
    { patient_key: 't2', date: '2025-06-01', code: A1C, numeric_value: 55 },
    { patient_key: 'k1', date: '2024-06-01', code: EGFR, numeric_value: 55 },
    { patient_key: 'k1', date: '2025-01-01', code: EGFR, numeric_value: 52 },
    { patient_key: 'k2', date: '2025-01-01', code: EGFR, numeric_value: 55 },
    { patient_key: 'k2', date: '2025-01-31', code: EGFR, numeric_value: 50 },
    { patient_key: 'a1', date: '2025-02-01', code: '361137007' },
    { patient_key: 's1', date: '2010-02-01', code: '195967001' },
    { patient_key: 's2', date: '2010-02-01', code: '195967001' },
  ],
  medications: [
    { patient_key: 's1', date: '2025-01-15', code: '320139002' },
    { patient_key: 's2', date: '2023-01-15', code: '320139002' },
  ],
  encounters: [],
  social_care: [],
};

const SCHEMAS: TableSchema[] = [patients, clinical_events, medications, encounters, social_care].map((t) => t.table);
const SQL_TYPES = { boolean: 'BOOLEAN', integer: 'BIGINT', float: 'DOUBLE PRECISION', string: 'VARCHAR', date: 'DATE' } as const;

function sqlLiteral(v: JsValue | null | undefined, type: keyof typeof SQL_TYPES): string {
  if (v === null || v === undefined) return `CAST(NULL AS ${SQL_TYPES[type]})`;
  if (type === 'string') return `'${String(v).replace(/'/g, "''")}'`;
  if (type === 'date') return `DATE '${String(v)}'`;
  return String(v);
}

function statements(): string[] {
  const out: string[] = [];
  for (const schema of SCHEMAS) {
    const cols = Object.entries(schema.columns);
    out.push(`CREATE TABLE ${schema.name} (patient_key VARCHAR, ${cols.map(([c, t]) => `${c} ${SQL_TYPES[t]}`).join(', ')})`);
    const rows = TABLES[schema.name] ?? [];
    if (rows.length) out.push(`INSERT INTO ${schema.name} VALUES ${rows.map((r) => `(${[sqlLiteral(r.patient_key, 'string'), ...cols.map(([c, t]) => sqlLiteral(r[c], t))].join(', ')})`).join(', ')}`);
  }
  return out;
}

function complete(): Record<string, Rows> {
  return Object.fromEntries(SCHEMAS.map((s) => [s.name, (TABLES[s.name] ?? []).map((r) => Object.fromEntries([['patient_key', r.patient_key], ...Object.keys(s.columns).map((c) => [c, r[c] ?? null])]))]));
}

export interface Fixture {
  engine: CohortEngine;
  close(): Promise<void>;
}

export const ENGINES: Record<string, () => Promise<Fixture>> = {
  'in-memory': async () => ({ engine: new InMemoryEngine(complete()), close: async () => {} }),
  duckdb: async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const sql of statements()) await connection.run(sql);
    return {
      engine: new DuckDbEngine(connection),
      close: async () => {
        connection.closeSync();
        instance.closeSync();
      },
    };
  },
  postgres: async () => {
    const db = await openTestDatabase('pglite');
    for (const sql of statements()) await db.exec(sql);
    return { engine: new PostgresEngine(db), close: () => db.close() };
  },
};
