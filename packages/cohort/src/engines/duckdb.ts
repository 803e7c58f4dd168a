import { statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { CohortError } from '../errors';
import type { Dataset } from '../language/dataset';
import type { DatasetNode } from '../model/nodes';
import { DuckDbCompiler } from '../sql/duckdb-compiler';
import { SqlEngine } from './sql-engine';

export interface DuckDbEngineOptions {
  /** Patient table listing every patient; default `patients`. */
  universe?: string;
  cacheKey?: string;
}

/** The DuckDB engine: the default warehouse engine (embedded, columnar). */
export class DuckDbEngine extends SqlEngine {
  readonly name = 'duckdb' as const;
  readonly cacheKey: string;
  protected readonly compiler: DuckDbCompiler;

  constructor(
    readonly connection: DuckDBConnection,
    options: DuckDbEngineOptions = {},
  ) {
    super();
    this.compiler = new DuckDbCompiler({ universe: options.universe ?? 'patients' });
    this.cacheKey = options.cacheKey ?? `duckdb:${Math.random().toString(36).slice(2)}`;
  }

  protected async run(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  /** Runs arbitrary SQL (hand-written comparison queries in benchmarks, warehouse checks). */
  async sql(sql: string): Promise<Record<string, unknown>[]> {
    return this.run(sql);
  }

  /** Writes a dataset straight to a CSV or Parquet file with DuckDB's COPY (no rows through JS). */
  async copyTo(dataset: Dataset | DatasetNode, path: string, format: 'csv' | 'parquet'): Promise<number> {
    const query = this.datasetSql(dataset);
    const temporary = `${path}.partial`;
    const target = `'${temporary.replace(/'/g, "''")}'`;
    const options = format === 'parquet' ? '(FORMAT PARQUET)' : '(FORMAT CSV, HEADER TRUE)';
    try {
      const result = await this.connection.run(`COPY (${query.sql}) TO ${target} ${options}`);
      await rename(temporary, path);
      return Number(result.rowsChanged);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
  }
}

/**
 * Opens a DuckDB file read-only as a cohort engine. The cache key is the file's size and
 * modification time, so results cached against it expire when the warehouse is rebuilt.
 */
export async function openDuckDbEngine(path: string, options: DuckDbEngineOptions & { readOnly?: boolean } = {}): Promise<DuckDbEngine> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CohortError(`no warehouse at ${path}: build it first (footprint warehouse build)`);
  }
  const instance = await DuckDBInstance.create(path, options.readOnly === false ? {} : { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  return new DuckDbEngine(connection, { ...options, cacheKey: options.cacheKey ?? `duckdb:${path}:${stat.size}:${stat.mtimeMs}` });
}
