import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { reserveTestSchema, type PostgresKind } from './server';

/** A connected PostgreSQL database for one test: its own in-memory PGlite, or its own schema on the server. */
export interface TestDatabase {
  kind: PostgresKind;
  /** The schema the test's tables live in (`public` on PGlite); the connection's search path. */
  schema: string;
  /** Runs one statement, with `$1` parameters. */
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Closes the connection and drops the schema (PGlite: the whole database goes). */
  close(): Promise<void>;
}

async function openPglite(): Promise<TestDatabase> {
  const db = new PGlite();
  return {
    kind: 'pglite',
    schema: 'public',
    query: (sql, params) => db.query(sql, params),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

async function openServerSchema(prefix: string): Promise<TestDatabase> {
  const reserved = reserveTestSchema(prefix);
  const client = new pg.Client({ connectionString: reserved.url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${reserved.schema}"`);
    await client.query(`SET search_path TO "${reserved.schema}"`);
  } catch (error) {
    await client.end();
    await reserved.drop();
    throw error;
  }
  return {
    kind: 'postgres',
    schema: reserved.schema,
    query: (sql, params) => client.query(sql, params),
    exec: async (sql) => {
      await client.query(sql);
    },
    async close() {
      await client.end();
      await reserved.drop();
    },
  };
}

/**
 * Opens a fresh database for one test: PGlite in memory, or a new schema on the server named by
 * FOOTPRINT_TEST_DATABASE_URL (created now, dropped with CASCADE by `close()`).
 */
export function openTestDatabase(kind: PostgresKind, prefix = 'test'): Promise<TestDatabase> {
  return kind === 'pglite' ? openPglite() : openServerSchema(prefix);
}
