import type { MigrationSet } from '@footprint/record';
import { footprintRegisterMigrations } from './register/migrations';
import { partnershipStoreMigrations } from './store/migrations';
import { governanceDocumentMigrations } from './governance/document-migrations';

/**
 * The partnership's migration sets, in order, for the platform's registry
 * (apps/server/src/migrations.ts). Each part that needs tables of its own adds its namespace here.
 */
export const partnershipMigrationSets: readonly MigrationSet[] = [
  { namespace: 'partnership', migrations: partnershipStoreMigrations },
  { namespace: 'partnership-footprints', migrations: footprintRegisterMigrations },
  { namespace: 'partnership-governance', migrations: governanceDocumentMigrations },
];
