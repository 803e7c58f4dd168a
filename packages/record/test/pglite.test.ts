import { openTestRecord } from './engines';
import { runRecordSuite } from './record-suite';

/** The storage suite on embedded PGlite, each area in its own in-memory database. */
runRecordSuite({ name: 'pglite', open: () => openTestRecord('pglite') });
