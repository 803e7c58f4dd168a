import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { createRecord } from '../src/create-record';
import { runRecordSuite } from './record-suite';

const url = process.env.FOOTPRINT_TEST_DATABASE_URL;

/**
 * The storage suite on a PostgreSQL server, when FOOTPRINT_TEST_DATABASE_URL is set (CI sets
 * it, and then this really runs). Each area gets its own schema, dropped afterwards.
 */
if (url) {
  runRecordSuite({
    name: 'postgres',
    open: async () => {
      const schema = `record_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
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
} else {
  console.warn('record storage on postgres: skipped locally because FOOTPRINT_TEST_DATABASE_URL is not set (CI sets it)');
  describe('record storage on postgres', () => {
    it('runs when FOOTPRINT_TEST_DATABASE_URL is set (skipped locally)', () => {});
  });
}
