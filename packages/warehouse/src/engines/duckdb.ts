import { BIGINT, DuckDBConnection, DuckDBInstance, LIST, listValue, VARCHAR, type DuckDBAppender, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ColumnType, TableSpec } from '../tables';
import { SqlDialect, type BuildSession, type TableWriter, type WarehouseConnection, type WarehouseEngine } from './engine';

/**
 * The default engine: an embedded DuckDB file (`<dataDir>/warehouse.duckdb`). A build writes a
 * fresh file beside it and renames it into place, so a reader never sees half a warehouse and a
 * failed build leaves the old file as it was. Refreshes run in one DuckDB transaction.
 */
export class DuckDbEngine implements WarehouseEngine {
  readonly name = 'duckdb' as const;

  constructor(readonly path: string) {}

  get location(): string {
    return this.path;
  }

  async beginBuild(): Promise<BuildSession> {
    const buildPath = `${this.path}.building`;
    await mkdir(dirname(this.path), { recursive: true });
    await removeDatabaseFiles(buildPath);
    const instance = await DuckDBInstance.create(buildPath);
    const connection = new DuckDbConnection(instance, await instance.connect());
    // One transaction for the whole build: DuckDB then writes row groups straight to the file
    // instead of through the write-ahead log.
    await connection.exec('BEGIN TRANSACTION');
    const livePath = this.path;
    return Object.assign(connection, {
      async commit() {
        await connection.exec('COMMIT');
        await connection.exec('CHECKPOINT');
        await connection.close();
        await rm(`${livePath}.wal`, { force: true });
        await rename(buildPath, livePath);
      },
      async abort() {
        await connection.close();
        await removeDatabaseFiles(buildPath);
      },
    });
  }

  async open(): Promise<WarehouseConnection> {
    if (!existsSync(this.path)) throw new WarehouseNotBuiltError(`No warehouse at ${this.path}: run \`footprint warehouse build\` first`);
    const file = statSync(this.path).ino;
    const instance = await DuckDBInstance.create(this.path);
    const connection = new DuckDbConnection(instance, await instance.connect());
    connection.followBuilds(this.path, file);
    return connection;
  }
}

/** Asked to open a warehouse that has never been built. */
export class WarehouseNotBuiltError extends Error {
  override name = 'WarehouseNotBuiltError';
}

async function removeDatabaseFiles(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.wal`, { force: true });
}

class DuckDbDialect extends SqlDialect {}

class DuckDbConnection implements WarehouseConnection {
  readonly dialect = new DuckDbDialect();
  private closed = false;
  private inTransaction = false;
  /** For a connection to the live file: its path and the file (inode) opened, to notice a build's swap. */
  private live?: { path: string; file: number };

  constructor(
    private instance: DuckDBInstance,
    private connection: DuckDBConnection,
  ) {}

  /**
   * A build renames a new file over the live one; a long-lived reader (the server) would go on
   * reading the old file. Before each query outside a transaction, a changed file is reopened.
   */
  followBuilds(path: string, file: number): void {
    this.live = { path, file };
  }

  private reopening: Promise<void> | null = null;

  private async current(): Promise<void> {
    if (!this.live || this.inTransaction) return;
    if (this.reopening) return this.reopening;
    let file: number;
    try {
      file = statSync(this.live.path).ino;
    } catch {
      return;
    }
    if (file === this.live.file) return;
    const live = this.live;
    this.reopening = (async () => {
      const instance = await DuckDBInstance.create(live.path);
      const connection = await instance.connect();
      this.connection.closeSync();
      this.instance.closeSync();
      this.instance = instance;
      this.connection = connection;
      live.file = file;
    })().finally(() => {
      this.reopening = null;
    });
    return this.reopening;
  }

  async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    await this.current();
    const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJS().map((row) => plainRow(row)) as R[];
  }

  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async writer(table: TableSpec): Promise<TableWriter> {
    const appender = await this.connection.createAppender(table.name);
    return new DuckDbWriter(appender, table.columns.map((c) => appendFor(c.type)));
  }

  async deleteWhereIn(table: string, column: string, keys: ReadonlyArray<string | bigint>): Promise<number> {
    if (keys.length === 0) return 0;
    const type = typeof keys[0] === 'bigint' ? LIST(BIGINT) : LIST(VARCHAR);
    const sql = `DELETE FROM ${this.dialect.quote(table)} WHERE ${this.dialect.quote(column)} IN (SELECT unnest($1))`;
    const result = await this.connection.run(sql, [listValue([...keys])], [type]);
    return Number(result.rowsChanged);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.current();
    await this.connection.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  async tableExists(name: string): Promise<boolean> {
    const rows = await this.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $1", [name]);
    return rows.length > 0;
  }

  async copyQueryTo(sql: string, path: string, format: 'csv' | 'parquet'): Promise<number> {
    await this.current();
    const partial = `${path}.partial`;
    const options = format === 'parquet' ? '(FORMAT PARQUET)' : '(FORMAT CSV, HEADER TRUE)';
    try {
      const result = await this.connection.run(`COPY (${sql}) TO '${partial.replace(/'/g, "''")}' ${options}`);
      await rename(partial, path);
      return Number(result.rowsChanged);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

type Append = (appender: DuckDBAppender, value: unknown) => void;

/** One typed append per column type, chosen once per table (the appender is strictly typed). */
function appendFor(type: ColumnType): Append {
  const appenders: Record<ColumnType, Append> = {
    VARCHAR: (a, v) => a.appendVarchar(v as string),
    DATE: (a, v) => a.appendVarchar(v as string),
    DOUBLE: (a, v) => a.appendDouble(v as number),
    INTEGER: (a, v) => a.appendInteger(v as number),
    BIGINT: (a, v) => a.appendBigInt(v as bigint),
  };
  return appenders[type];
}

class DuckDbWriter implements TableWriter {
  constructor(
    private readonly appender: DuckDBAppender,
    private readonly appends: Append[],
  ) {}

  append(row: readonly unknown[]): void {
    const { appender, appends } = this;
    for (let i = 0; i < appends.length; i++) {
      const value = row[i];
      if (value === null || value === undefined) appender.appendNull();
      else appends[i](appender, value);
    }
    appender.endRow();
  }

  async flush(): Promise<void> {
    this.appender.flushSync();
  }

  async close(): Promise<void> {
    this.appender.closeSync();
  }
}

/** DuckDB values to what PostgreSQL's driver would give: numbers, strings, ISO dates, null. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object') return String(value);
  return value;
}
