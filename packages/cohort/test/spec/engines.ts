import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
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

export const pglite: EngineFactory = async (tables) => {
  const db = new PGlite();
  for (const sql of tableStatements(tables)) await db.exec(sql);
  return { engine: new PostgresEngine(db), cleanup: () => db.close() };
};

/** A PostgreSQL server: each engine gets its own schema, dropped on cleanup. */
export function postgresServer(url: string): EngineFactory {
  return async (tables) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = `cohort_spec_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await client.query(`CREATE SCHEMA "${schema}"`);
    for (const sql of tableStatements(tables, `"${schema}".`)) await client.query(sql);
    return {
      engine: new PostgresEngine(client, { schema }),
      cleanup: async () => {
        await client.query(`DROP SCHEMA "${schema}" CASCADE`);
        await client.end();
      },
    };
  };
}
