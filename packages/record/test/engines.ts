import { openOnTestStorage, postgresKinds, type PostgresKind } from '@footprint/testing';
import { createRecord, type OpenRecord } from '../src/create-record';
import type { MigrationSet } from '../src/migrations/registry';

/**
 * Opens a fresh record for one test: embedded PGlite in memory, or its own schema on the
 * PostgreSQL server (dropped on close), through the same `createRecord` the platform uses.
 */
export function openTestRecord(kind: PostgresKind, options: { migrations?: readonly MigrationSet[] } = {}): Promise<OpenRecord> {
  return openOnTestStorage(kind, 'record_test', async (location) => {
    const opened = await createRecord({ ...location, maxConnections: 4, ...options });
    return opened;
  });
}

/**
 * The engines the record's suites run on: embedded PGlite always, and the PostgreSQL server when
 * FOOTPRINT_TEST_DATABASE_URL is set (CI), each test in a fresh database or schema.
 */
export function testEngines(): Array<{ name: PostgresKind; open: () => Promise<OpenRecord> }> {
  return postgresKinds().map((kind) => ({ name: kind, open: () => openTestRecord(kind) }));
}
