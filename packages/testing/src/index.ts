/**
 * @footprint/testing: the one test-support module for suites that touch PostgreSQL. Every suite
 * runs on embedded PGlite, and also on the server named by FOOTPRINT_TEST_DATABASE_URL (CI sets it),
 * each test in a fresh schema that is dropped afterwards. Only tests and benchmarks import it.
 */
export { dropSchema, postgresKinds, reserveTestSchema, testServerUrl, uniqueSchemaName, TEST_DATABASE_URL_VARIABLE, type PostgresKind, type TestSchema } from './server';
export { openTestDatabase, type TestDatabase } from './database';
export { openOnTestStorage, type TestStorageLocation } from './storage';
export { careRelationshipFixture } from './care-relationship-fixture';
