import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresKinds, reserveTestSchema } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinical_events, encounters, medications, patients, social_care, type TableSchema, type ValueType } from '@footprint/cohort';
import { writeFootprint } from '@footprint/synth';
import { buildWarehouseFromNdjson, openWarehouse, type EngineName, type Warehouse } from '@footprint/warehouse';

/**
 * The contract between the cohort language and the warehouse (docs/warehouse-tables.md): every
 * table and column the cohort language declares (packages/cohort/src/tables.ts) exists, with a type
 * the cohort's value type can be read from, in what the warehouse builds, on every engine.
 */
const engines: EngineName[] = ['duckdb', ...(postgresKinds().includes('postgres') ? (['postgres'] as const) : [])];

/** The SQL types (information_schema.columns.data_type, either engine's spelling) each cohort value type reads. */
const COMPATIBLE: Record<ValueType, string[]> = {
  string: ['VARCHAR', 'CHARACTER VARYING', 'TEXT'],
  date: ['DATE'],
  integer: ['INTEGER', 'BIGINT', 'SMALLINT'],
  float: ['DOUBLE', 'DOUBLE PRECISION', 'REAL', 'FLOAT', 'NUMERIC'],
  boolean: ['BOOLEAN'],
};

const COHORT_TABLES: TableSchema[] = [patients, clinical_events, medications, encounters, social_care].map((t) => t.table);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'footprint-contract-'));
  await writeFootprint({ footprint: 'cheshire-and-merseyside', people: 60, seed: 3, outDir: join(folder, 'out') });
}, 120_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe.each(engines)('the %s warehouse against the cohort language', (engine) => {
  let warehouse: Warehouse;
  const reserved = engine === 'postgres' ? reserveTestSchema('wh_contract') : undefined;
  const settings = () => ({ dataDir: join(folder, engine), engine, ...(reserved ? { databaseUrl: reserved.url, schema: reserved.schema } : {}) });

  beforeAll(async () => {
    await buildWarehouseFromNdjson(join(folder, 'out'), { ...settings(), workers: 0 });
    warehouse = await openWarehouse(settings());
  }, 120_000);
  afterAll(async () => {
    await warehouse?.close();
    await reserved?.drop();
  });

  it.each(COHORT_TABLES.map((t) => [t.name, t] as const))('has every column of %s with a compatible type', async (name, table) => {
    const rows = await warehouse.query<{ column_name: string; data_type: string }>(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
      [name],
    );
    const built = new Map(rows.map((r) => [r.column_name, r.data_type.toUpperCase()]));
    expect(built.size, `${engine} has no table ${name}`).toBeGreaterThan(0);
    const expected: Array<[string, ValueType]> = [['patient_key', 'string'], ...Object.entries(table.columns)];
    const problems = expected.flatMap(([column, type]) => {
      const found = built.get(column);
      if (found === undefined) return [`${name}.${column} is missing`];
      return COMPATIBLE[type].includes(found) ? [] : [`${name}.${column} is ${found}, which does not read as ${type}`];
    });
    expect(problems).toEqual([]);
  });
});
