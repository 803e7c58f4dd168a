import { createRecord } from '../src/create-record';
import { runRecordSuite } from './record-suite';

/** The storage suite on embedded PGlite, each area in its own in-memory database. */
runRecordSuite({ name: 'pglite', open: () => createRecord({ dataDir: 'memory://' }) });
