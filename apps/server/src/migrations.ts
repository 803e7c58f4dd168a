import { recordMigrationSets, type MigrationSet } from '@footprint/record';
import { webMigrations } from './api/auth/migrations';
import { serverMigrations } from './db/migrations';

/** The server's own sets: OAuth clients and export jobs (`server`), staff users and sessions (`web`). */
export const serverMigrationSets: readonly MigrationSet[] = [
  { namespace: 'server', migrations: serverMigrations },
  { namespace: 'web', migrations: webMigrations },
];

/**
 * The migration registry: every set the platform applies, once and in this order, when it
 * opens its storage (`createRecord({ migrations: platformMigrations })`). Nothing else runs
 * migrations. A new pillar exports its set from its package and adds one line here.
 */
export const platformMigrations: readonly MigrationSet[] = [
  ...recordMigrationSets, // record, import, matching
  ...serverMigrationSets, // server, web
];
