import type { ColumnSpec, ColumnType, TableSpec } from '../tables';

/**
 * What the warehouse needs from an analysis database. Shared code speaks only this interface and
 * standard SQL through it; each engine class owns its connection, its column types and how a build
 * becomes visible atomically (a new DuckDB file renamed into place; a PostgreSQL schema swapped in
 * one transaction). There are no engine conditionals outside the engine classes.
 */
export interface WarehouseEngine {
  /** `duckdb` or `postgres`, for messages and the meta table. */
  readonly name: EngineName;
  /** Where the warehouse lives, for messages (a file path or a schema on a server, never a password). */
  readonly location: string;
  /** Starts a full build into storage readers cannot see; commit() swaps it in atomically. */
  beginBuild(): Promise<BuildSession>;
  /** Opens the live warehouse for reading and for an incremental refresh. */
  open(): Promise<WarehouseConnection>;
}

export type EngineName = 'duckdb' | 'postgres';

/** A connection to one set of warehouse tables (unqualified names resolve to them). */
export interface WarehouseConnection {
  readonly dialect: SqlDialect;
  /** Runs a statement; `$1`, `$2` placeholders in both engines. Rows come back as plain objects (numbers, strings, ISO dates). */
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs statements without results (DDL, several statements separated by semicolons). */
  exec(sql: string): Promise<void>;
  /** A bulk writer for one table (the DuckDB appender; batched unnest inserts on PostgreSQL). */
  writer(table: TableSpec): Promise<TableWriter>;
  /** Deletes the rows whose `column` is one of `keys` (strings or bigints); returns how many went. */
  deleteWhereIn(table: string, column: string, keys: ReadonlyArray<string | bigint>): Promise<number>;
  /** Runs `fn` in one transaction: everything or nothing. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  tableExists(name: string): Promise<boolean>;
  /**
   * Writes a query's result straight to a CSV or Parquet file inside the database (no rows through
   * JavaScript) and returns the row count. Only engines that can do it have it (DuckDB's COPY).
   */
  copyQueryTo?(sql: string, path: string, format: 'csv' | 'parquet'): Promise<number>;
  close(): Promise<void>;
}

/** A full build in progress: write everything, then commit to make it the warehouse. */
export interface BuildSession extends WarehouseConnection {
  /** Makes the built tables the live warehouse in one atomic step, and closes the session. */
  commit(): Promise<void>;
  /** Throws the build away; the previous warehouse is untouched. */
  abort(): Promise<void>;
}

export interface TableWriter {
  append(row: readonly unknown[]): void;
  /** Writes what is buffered (called every batch so memory stays flat). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Standard SQL with the few hooks that differ between engines (Kysely's dialect pattern): column
 * type names and identifier quoting. Shared statements are built here.
 */
export class SqlDialect {
  columnType(type: ColumnType): string {
    return type;
  }

  quote(identifier: string): string {
    return `"${identifier.replace(/"/g, '""')}"`;
  }

  createTable(name: string, columns: readonly ColumnSpec[]): string {
    return `CREATE TABLE ${this.quote(name)} (${columns.map((c) => `${this.quote(c.name)} ${this.columnType(c.type)}`).join(', ')})`;
  }
}
