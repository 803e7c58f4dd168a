import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { CohortError } from './errors';
import { Dataset } from './language/dataset';
import type { DatasetNode, JsValue, MeasureNode, ValueType } from './model/nodes';

/** What a definition module default-exports: a dataset, or a measure from define_measure(). */
export type Definition = { kind: 'dataset'; dataset: DatasetNode } | { kind: 'measure'; measure: MeasureNode };

/** Imports a definition module (TypeScript through tsx, or JavaScript) and checks its default export. */
export async function loadDefinition(path: string): Promise<Definition> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
  } catch (error) {
    throw new CohortError(`cannot load definition ${path}: ${(error as Error).message}`);
  }
  const value = module.default;
  if (value instanceof Dataset) return { kind: 'dataset', dataset: value.toNode() };
  if (value && typeof value === 'object' && 'numerator' in value && 'denominator' in value && 'intervals' in value) return { kind: 'measure', measure: value as MeasureNode };
  throw new CohortError(`${path} must default-export a dataset (create_dataset()) or a measure (define_measure())`);
}

/** The output format from a file name: .csv or .parquet. */
export function outputFormat(path: string): 'csv' | 'parquet' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.parquet') return 'parquet';
  throw new CohortError(`--out must end in .csv or .parquet, got ${path}`);
}

function csvField(v: JsValue | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as RFC 4180 CSV (header row; empty field for null), atomically via a temporary file. */
export async function writeCsv(path: string, columns: readonly string[], rows: readonly Record<string, JsValue | null>[]): Promise<void> {
  const temporary = `${path}.partial`;
  const out = createWriteStream(temporary);
  try {
    out.write(`${columns.map((c) => csvField(c)).join(',')}\n`);
    for (const row of rows) {
      if (!out.write(`${columns.map((c) => csvField(row[c] ?? null)).join(',')}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(temporary, path);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

const SQL_TYPES: Record<ValueType, string> = { boolean: 'BOOLEAN', integer: 'BIGINT', float: 'DOUBLE', string: 'VARCHAR', date: 'DATE' };

function sqlLiteral(v: JsValue | null, type: ValueType): string {
  if (v === null) return 'NULL';
  switch (type) {
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    case 'integer':
    case 'float':
      return String(Number(v));
    case 'string':
      return `'${String(v).replace(/'/g, "''")}'`;
    case 'date':
      return `DATE '${String(v)}'`;
  }
}

/** Writes typed rows to Parquet through an in-memory DuckDB (for engines that cannot COPY to a file). */
export async function writeParquet(path: string, columns: readonly { name: string; type: ValueType }[], rows: readonly Record<string, JsValue | null>[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const temporary = `${path}.partial`;
  try {
    await connection.run(`CREATE TABLE result (${columns.map((c) => `"${c.name}" ${SQL_TYPES[c.type]}`).join(', ')})`);
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000).map((row) => `(${columns.map((c) => sqlLiteral(row[c.name] ?? null, c.type)).join(', ')})`);
      await connection.run(`INSERT INTO result VALUES ${batch.join(', ')}`);
    }
    await connection.run(`COPY result TO '${temporary.replace(/'/g, "''")}' (FORMAT PARQUET)`);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
