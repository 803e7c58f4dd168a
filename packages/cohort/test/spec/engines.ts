import { DuckDBInstance } from '@duckdb/node-api';
import { openTestDatabase, type PostgresKind } from '@footprint/testing';
import { DuckDbEngine, InMemoryEngine, PostgresEngine } from '../../src/index';
import { completeTables, tableStatements, type EngineFactory } from './harness';

/** Engine factories over small input tables, shared by the spec and generative tests. */

export const inMemory: EngineFactory = async (tables) => ({ engine: new InMemoryEngine(completeTables(tables)), cleanup: async () => {} });

export const duckdb: EngineFactory = async (tables) => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const sql of tableStatements(tables)) await connection.run(sql);
  return {
    engine: new DuckDbEngine(connection),
    cleanup: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

/**
 * PostgreSQL through the shared test support: its own in-memory PGlite, or its own schema on the
 * server (FOOTPRINT_TEST_DATABASE_URL), dropped on cleanup. Tables are schema-qualified on the server.
 */
export function postgres(kind: PostgresKind): EngineFactory {
  return async (tables) => {
    const db = await openTestDatabase(kind, 'cohort_spec');
    const schema = kind === 'postgres' ? db.schema : undefined;
    for (const sql of tableStatements(tables, schema ? `"${schema}".` : '')) await db.exec(sql);
    return { engine: new PostgresEngine(db, schema ? { schema } : {}), cleanup: () => db.close() };
  };
}

export const pglite: EngineFactory = postgres('pglite');
