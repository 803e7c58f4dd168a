import { describe } from 'vitest';
import { pglite, postgresServer } from './spec/engines';
import { runSpecSuite } from './spec/suite';

/** PostgreSQL semantics always (embedded PGlite), and on the server when CI names one. */
runSpecSuite('PostgreSQL (PGlite)', pglite);

const url = process.env.FOOTPRINT_TEST_DATABASE_URL;
describe.runIf(url)('PostgreSQL server', () => {
  runSpecSuite('PostgreSQL server', postgresServer(url as string));
});
