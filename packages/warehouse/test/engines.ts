import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EngineName } from '../src';

/**
 * The engines every warehouse suite runs on: DuckDB always, PostgreSQL when
 * FOOTPRINT_TEST_DATABASE_URL is set (then it must run). Each PostgreSQL run gets its own schema.
 */
export interface EngineUnderTest {
  name: EngineName;
  databaseUrl?: string;
  schema?: string;
  cleanUp(): Promise<void>;
}

export function enginesUnderTest(): Array<{ name: EngineName; create: () => EngineUnderTest }> {
  const list: Array<{ name: EngineName; create: () => EngineUnderTest }> = [{ name: 'duckdb', create: () => ({ name: 'duckdb', cleanUp: async () => {} }) }];
  const url = process.env.FOOTPRINT_TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      create: () => {
        const schema = `wh_test_${randomBytes(6).toString('hex')}`;
        return {
          name: 'postgres',
          databaseUrl: url,
          schema,
          async cleanUp() {
            const client = new pg.Client({ connectionString: url });
            await client.connect();
            await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}__building CASCADE`);
            await client.end();
          },
        };
      },
    });
  }
  return list;
}
