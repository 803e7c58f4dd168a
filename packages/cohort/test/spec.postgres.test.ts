import { describe } from 'vitest';
import { postgresKinds } from '@footprint/testing';
import { postgres } from './spec/engines';
import { runSpecSuite } from './spec/suite';

/** PostgreSQL semantics always (embedded PGlite), and on the server when CI names one. */
runSpecSuite('PostgreSQL (PGlite)', postgres('pglite'));

describe.runIf(postgresKinds().includes('postgres'))('PostgreSQL server', () => {
  runSpecSuite('PostgreSQL server', postgres('postgres'));
});
