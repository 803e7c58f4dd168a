import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { quoteIdent } from './pglite-client';
import type { QueryOptions, SqlClient } from './sql-client';
import { sanitiseDatabaseError } from './sql-error';

/** At most this many distinct statement texts are kept prepared (per connection), bounding server memory. */
const PREPARED_LIMIT = 256;
const preparedNames = new Map<string, string>();

/** The query config for `pg`: named (prepared once per connection) when asked and within the limit. */
function queryConfig(text: string, values: unknown[] | undefined, options: QueryOptions | undefined): pg.QueryConfig {
  if (!options?.prepare || !values?.length) return { text, values };
  let name = preparedNames.get(text);
  if (!name) {
    if (preparedNames.size >= PREPARED_LIMIT) return { text, values };
    name = `fp_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return { name, text, values };
}

/** A statement without parameters may hold several statements (migrations); `pg` then returns one result each. */
function toResult<R extends Record<string, unknown>>(result: pg.QueryResult<R> | Array<pg.QueryResult<R>>): { rows: R[]; rowCount: number } {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? last?.rows.length ?? 0 };
}

/** SqlClient over one checked-out connection inside a transaction; nested calls use savepoints. */
class PgTransactionClient implements SqlClient {
  readonly kind = 'postgres' as const;
  readonly inTransaction = true;
  private savepoints = 0;

  constructor(private readonly client: pg.PoolClient) {}

  async query<R extends Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: R[]; rowCount: number }> {
    try {
      return toResult<R>(await this.client.query<R>(queryConfig(sql, params, options)));
    } catch (error) {
      throw sanitiseDatabaseError(error);
    }
  }

  async transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    await this.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      await this.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  async close(): Promise<void> {}
}

/** SqlClient over a `pg` Pool connected to a PostgreSQL 15+ server. */
class PgPoolClient implements SqlClient {
  readonly kind = 'postgres' as const;
  readonly inTransaction = false;

  constructor(private readonly pool: pg.Pool) {}

  async query<R extends Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: R[]; rowCount: number }> {
    try {
      return toResult<R>(await this.pool.query<R>(queryConfig(sql, params, options)));
    } catch (error) {
      throw sanitiseDatabaseError(error);
    }
  }

  async transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgTransactionClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw sanitiseDatabaseError(error);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The default pool: two connections per core plus one (at least four). Measured with the mixed
 * HTTP load on 2 cores (docs/benchmarks-server.md), 4–5 connections served ~15% more requests than
 * 10 with a lower p99: more connections than the database can run at once only queue inside it.
 */
export function defaultPoolSize(): number {
  return Math.max(4, 2 * availableParallelism() + 1);
}

/**
 * Connects to a PostgreSQL server. Note: `pg` returns bigint as strings and PGlite as numbers, so
 * code above this layer casts in SQL (`::text`, `::int`) and formats timestamps with to_char.
 * `schema`, when given, is created and set as every
 * connection's search path (tests use a unique schema each, so runs never collide).
 */
export async function openPostgres(databaseUrl: string, schema?: string, maxConnections = defaultPoolSize(), applicationName = 'footprint'): Promise<SqlClient> {
  if (schema) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      // Only when missing: an application role without CREATE on the database opens a schema its owner made.
      const { rows } = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (rows.length === 0) await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: maxConnections,
    application_name: applicationName,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)},public` } : {}),
  });
  // An idle connection the server drops (restart, timeout) is discarded by the pool; without a
  // listener its 'error' event would crash the process.
  pool.on('error', () => undefined);
  return new PgPoolClient(pool);
}
