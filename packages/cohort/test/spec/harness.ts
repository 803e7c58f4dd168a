import type { CohortEngine, Dataset, JsValue, MeasureNode, MeasureRow, Row, TableSchema } from '../../src/index';
import { clinical_events, encounters, medications, patients, social_care } from '../../src/index';

/** Input rows for a spec case: table name → rows (missing columns are null). */
export type Tables = Record<string, Record<string, JsValue | null>[]>;

/** One spec case, written once and run on every engine. */
export type SpecCase =
  | { name: string; tables: Tables; dataset: () => Dataset; expected: Row[] }
  | { name: string; tables: Tables; measure: () => MeasureNode; expected: Omit<MeasureRow, 'ratio'>[] };

export const SCHEMAS: TableSchema[] = [patients, clinical_events, medications, encounters, social_care].map((t) => t.table);

export interface EngineUnderTest {
  engine: CohortEngine;
  cleanup(): Promise<void>;
}

/** Makes an engine over the given tables (created with the declared column types). */
export type EngineFactory = (tables: Tables) => Promise<EngineUnderTest>;

const SQL_TYPES = { boolean: 'BOOLEAN', integer: 'BIGINT', float: 'DOUBLE PRECISION', string: 'VARCHAR', date: 'DATE' } as const;

function literal(value: JsValue | null | undefined, type: keyof typeof SQL_TYPES): string {
  if (value === null || value === undefined) return `CAST(NULL AS ${SQL_TYPES[type]})`;
  switch (type) {
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'integer':
    case 'float':
      return `CAST(${Number(value)} AS ${SQL_TYPES[type]})`;
    case 'string':
      return `'${String(value).replace(/'/g, "''")}'`;
    case 'date':
      return `DATE '${String(value)}'`;
  }
}

/** CREATE TABLE + INSERT statements (standard SQL) for every declared table, in `prefix` (a schema or ''). */
export function tableStatements(tables: Tables, prefix = ''): string[] {
  const statements: string[] = [];
  for (const schema of SCHEMAS) {
    const columns = Object.entries(schema.columns);
    const name = `${prefix}"${schema.name}"`;
    statements.push(`CREATE TABLE ${name} (patient_key VARCHAR NOT NULL, ${columns.map(([c, t]) => `"${c}" ${SQL_TYPES[t]}`).join(', ')})`);
    const rows = tables[schema.name] ?? [];
    if (rows.length === 0) continue;
    for (const row of rows) {
      for (const key of Object.keys(row)) if (key !== 'patient_key' && !(key in schema.columns)) throw new Error(`spec table ${schema.name} has no column ${key}`);
    }
    const values = rows.map((row) => `(${[literal(row.patient_key, 'string'), ...columns.map(([c, t]) => literal(row[c], t))].join(', ')})`);
    statements.push(`INSERT INTO ${name} VALUES ${values.join(', ')}`);
  }
  return statements;
}

/** The tables with every declared column present (null where not given), for the in-memory engine. */
export function completeTables(tables: Tables): Tables {
  const out: Tables = {};
  for (const schema of SCHEMAS) {
    out[schema.name] = (tables[schema.name] ?? []).map((row) => {
      const full: Record<string, JsValue | null> = { patient_key: row.patient_key };
      for (const c of Object.keys(schema.columns)) full[c] = row[c] ?? null;
      return full;
    });
  }
  return out;
}

function sortRows<R extends Record<string, unknown>>(rows: R[]): R[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** Output rows in a canonical order and with floats rounded, for comparing engines. */
export function canonical(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return sortRows(
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v]))),
  );
}

export async function runCase(engine: CohortEngine, spec: SpecCase): Promise<Record<string, unknown>[]> {
  if ('dataset' in spec) return canonical(await engine.execute(spec.dataset()));
  const rows = await engine.measure(spec.measure());
  return canonical(rows.map(({ ratio: _r, ...rest }) => rest));
}
