import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createRecord, type OpenRecord } from '../create-record';

/**
 * The engines the bundle and import tests run on: embedded PGlite always, and the PostgreSQL
 * server when FOOTPRINT_TEST_DATABASE_URL is set (CI), each test in a fresh database or schema.
 */
export function testEngines(): Array<{ name: string; open: () => Promise<OpenRecord> }> {
  const engines = [{ name: 'pglite', open: () => createRecord({ dataDir: 'memory://' }) }];
  const url = process.env.FOOTPRINT_TEST_DATABASE_URL;
  if (url) {
    engines.push({
      name: 'postgres',
      open: async () => {
        const schema = `bundle_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
        const record = await createRecord({ databaseUrl: url, schema, maxConnections: 4 });
        return {
          ...record,
          close: async () => {
            await record.close();
            const admin = new pg.Client({ connectionString: url });
            await admin.connect();
            try {
              await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            } finally {
              await admin.end();
            }
          },
        };
      },
    });
  }
  return engines;
}
