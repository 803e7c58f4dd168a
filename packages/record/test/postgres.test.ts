import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createRecord } from '../src/create-record';
import { runRecordSuite } from './record-suite';

const url = process.env.FOOTPRINT_TEST_DATABASE_URL;

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}

/**
 * The storage suite on a PostgreSQL server, when FOOTPRINT_TEST_DATABASE_URL is set (CI sets
 * it, and then this really runs). Each area gets its own schema, dropped afterwards.
 */
if (url) {
  runRecordSuite({
    name: 'postgres',
    open: async () => {
      const schema = `record_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      let record;
      try {
        record = await createRecord({ databaseUrl: url, schema, maxConnections: 4 });
      } catch (error) {
        await dropSchema(url, schema);
        throw error;
      }
      const opened = record;
      return {
        ...opened,
        close: async () => {
          await opened.close();
          await dropSchema(url, schema);
        },
      };
    },
  });
} else {
  console.warn('record storage on postgres: skipped locally because FOOTPRINT_TEST_DATABASE_URL is not set (CI sets it)');
  describe('record storage on postgres', () => {
    // Locally the server suite is optional; in CI it must run, so a CI run without the URL fails here.
    it('is only left out outside CI (CI must set FOOTPRINT_TEST_DATABASE_URL)', () => {
      expect(process.env.CI, 'CI must set FOOTPRINT_TEST_DATABASE_URL so the PostgreSQL server suite runs').toBeFalsy();
    });
  });
}
