import { coordinationMigrationSets } from '@footprint/coordination';
import { engageMigrationSets } from '@footprint/engage';
import { partnershipMigrationSets } from '@footprint/partnership';
import { performanceMigrationSets } from '@footprint/performance';
import { recordMigrationSets, type MigrationSet } from '@footprint/record';
import { webMigrations } from './api/auth/migrations';
import { smartMigrations } from './auth/smart/migrations';
import { serverMigrations } from './db/migrations';
import { identityMigrations } from './identity/migrations';

/** The server's own sets: OAuth clients and export jobs (`server`), staff users and sessions (`web`), the
 * identity provider's state, citizens' sessions and staff identity links (`identity`, after `web`, whose users it links to),
 * SMART apps and their grants (`smart`). */
export const serverMigrationSets: readonly MigrationSet[] = [
  { namespace: 'server', migrations: serverMigrations },
  { namespace: 'web', migrations: webMigrations },
  { namespace: 'identity', migrations: identityMigrations },
  { namespace: 'smart', migrations: smartMigrations },
];

/**
 * The migration registry: every set the platform applies, once and in this order, when it
 * opens its storage (`createRecord({ migrations: platformMigrations })`). Nothing else runs
 * migrations. A new pillar exports its set from its package and adds one line here.
 */
export const platformMigrations: readonly MigrationSet[] = [
  ...recordMigrationSets, // record, import, matching
  ...serverMigrationSets, // server, web, identity, smart
  ...partnershipMigrationSets, // partnership (the register's and plan's versioned items), then each part's own
  ...performanceMigrationSets, // performance (indicator values), then each part's own
  ...engageMigrationSets, // engage-content, -enquiries, -consultations, -moderation, -outcomes, -analytics
  ...coordinationMigrationSets, // coordination-referrals, -care-plans, -meetings, -social-prescribing, -notifications
];
