import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import { makeTreePrivate } from './private-dir';
import type { SqlClient } from './sql-client';
import { sanitiseDatabaseError } from './sql-error';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

/**
 * SqlClient over embedded PGlite (PostgreSQL compiled to WebAssembly). PGlite has one connection,
 * so transactions serialise; nested transactions become savepoints on the same connection.
 */
class PgliteSqlClient implements SqlClient {
  readonly kind = 'pglite' as const;
  private savepoints = 0;

  constructor(
    private readonly db: PGlite,
    private readonly conn: Queryable,
    readonly inTransaction: boolean,
    private readonly release: () => void = () => undefined,
    private readonly dataDir?: string,
  ) {}

  async query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }> {
    try {
      return await this.run<R>(sql, params);
    } catch (error) {
      throw sanitiseDatabaseError(error);
    }
  }

  private async run<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }> {
    if (!params || params.length === 0) {
      // Like `pg`'s simple protocol: a statement without parameters may hold several statements (migrations).
      const results = await this.conn.exec(sql);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as R[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
    }
    const result = await this.conn.query<R>(sql, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    if (!this.inTransaction) {
      try {
        return await this.db.transaction((tx) => fn(new PgliteSqlClient(this.db, tx, true)));
      } catch (error) {
        throw sanitiseDatabaseError(error);
      }
    }
    const name = `sp_${++this.savepoints}`;
    await this.conn.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      await this.conn.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.conn.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.inTransaction) return;
    try {
      await this.db.close();
      if (this.dataDir) makeTreePrivate(this.dataDir);
    } finally {
      this.release();
    }
  }
}

/**
 * Opens PGlite persisted under `dataDir` (created if missing, made 0700 with its files 0600, and
 * locked for this process), or
 * in memory when `dataDir` is undefined. `schema`, when given, is created and put first on the search path.
 */
export async function openPglite(dataDir: string | undefined, schema?: string): Promise<SqlClient> {
  let release = () => undefined as void;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    release = lockDataDir(dataDir);
  }
  try {
    const db = await PGlite.create(dataDir);
    if (dataDir) makeTreePrivate(dataDir);
    if (schema) {
      await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)}, public;`);
    }
    return new PgliteSqlClient(db, db, false, release, dataDir);
  } catch (error) {
    release();
    throw error;
  }
}

/** Quotes an SQL identifier (schema names come from configuration, never from requests). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
