import type { MigrationSet } from '@footprint/record';
import { indicatorValueMigrations } from './indicators/migrations';
import { ratingMigrations } from './ratings/migrations';

/**
 * System performance's migration sets, in order, for the platform's registry
 * (apps/server/src/migrations.ts). Each part that needs tables of its own adds its namespace here.
 */
export const performanceMigrationSets: readonly MigrationSet[] = [
  { namespace: 'performance', migrations: indicatorValueMigrations },
  { namespace: 'performance-ratings', migrations: ratingMigrations },
];
