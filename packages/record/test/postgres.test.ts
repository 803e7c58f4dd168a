import { testServerUrl } from '@footprint/testing';
import { describe, expect, it } from 'vitest';
import { openTestRecord } from './engines';
import { runRecordSuite } from './record-suite';

/**
 * The storage suite on a PostgreSQL server, when FOOTPRINT_TEST_DATABASE_URL is set (CI sets
 * it, and then this really runs). Each area gets its own schema, dropped afterwards.
 */
if (testServerUrl()) {
  runRecordSuite({ name: 'postgres', open: () => openTestRecord('postgres') });
} else {
  console.warn('record storage on postgres: skipped locally because FOOTPRINT_TEST_DATABASE_URL is not set (CI sets it)');
  describe('record storage on postgres', () => {
    // Locally the server suite is optional; in CI it must run, so a CI run without the URL fails here.
    it('is only left out outside CI (CI must set FOOTPRINT_TEST_DATABASE_URL)', () => {
      expect(process.env.CI, 'CI must set FOOTPRINT_TEST_DATABASE_URL so the PostgreSQL server suite runs').toBeFalsy();
    });
  });
}
