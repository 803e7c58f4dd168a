import { postgresKinds, reserveTestSchema } from '@footprint/testing';
import type { EngineName } from '../src';

/**
 * The engines every warehouse suite runs on: DuckDB always, PostgreSQL when
 * FOOTPRINT_TEST_DATABASE_URL is set (then it must run). Each PostgreSQL run gets its own schema,
 * reserved through the shared test support and dropped (with its `__building` companion) by cleanUp.
 */
export interface EngineUnderTest {
  name: EngineName;
  databaseUrl?: string;
  schema?: string;
  cleanUp(): Promise<void>;
}

export function enginesUnderTest(): Array<{ name: EngineName; create: () => EngineUnderTest }> {
  const list: Array<{ name: EngineName; create: () => EngineUnderTest }> = [{ name: 'duckdb', create: () => ({ name: 'duckdb', cleanUp: async () => {} }) }];
  if (postgresKinds().includes('postgres')) {
    list.push({
      name: 'postgres',
      create: () => {
        const reserved = reserveTestSchema('wh_test');
        return { name: 'postgres', databaseUrl: reserved.url, schema: reserved.schema, cleanUp: () => reserved.drop() };
      },
    });
  }
  return list;
}
