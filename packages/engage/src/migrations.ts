import type { MigrationSet } from '@footprint/record';
import { analyticsMigrations } from './analytics/migrations';
import { consultationMigrations } from './consultations/migrations';
import { contentMigrations } from './content/migrations';
import { enquiryMigrations } from './enquiries/migrations';
import { moderationMigrations } from './moderation/migrations';
import { outcomeMigrations } from './outcomes/migrations';

/**
 * Engagement's migration sets, in order, for the platform's registry (apps/server/src/migrations.ts):
 * public content, get in touch, consultations and their responses, moderation and published results,
 * "you said, we did", and staff analytics (themes).
 */
export const engageMigrationSets: readonly MigrationSet[] = [
  { namespace: 'engage-content', migrations: contentMigrations },
  { namespace: 'engage-enquiries', migrations: enquiryMigrations },
  { namespace: 'engage-consultations', migrations: consultationMigrations },
  { namespace: 'engage-moderation', migrations: moderationMigrations },
  { namespace: 'engage-outcomes', migrations: outcomeMigrations },
  { namespace: 'engage-analytics', migrations: analyticsMigrations },
];
