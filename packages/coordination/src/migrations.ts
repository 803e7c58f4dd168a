import type { MigrationSet } from '@footprint/record';
import { carePlansMigrations } from './care-plans/migrations';
import { meetingsMigrations } from './meetings/migrations';
import { notificationsMigrations } from './notifications/migrations';
import { referralsMigrations } from './referrals/migrations';
import { socialPrescribingMigrations } from './social-prescribing/migrations';

/**
 * Care coordination's migration sets, in order, for the platform's registry
 * (apps/server/src/migrations.ts). The care record itself (CarePlan, CareTeam, Goal,
 * ServiceRequest, Task, Communication, HealthcareService, Location, Subscription) is FHIR in the
 * record's own tables; these hold only what FHIR has no resource for.
 */
export const coordinationMigrationSets: readonly MigrationSet[] = [
  { namespace: 'coordination-referrals', migrations: referralsMigrations },
  { namespace: 'coordination-care-plans', migrations: carePlansMigrations },
  { namespace: 'coordination-meetings', migrations: meetingsMigrations },
  { namespace: 'coordination-social-prescribing', migrations: socialPrescribingMigrations },
  { namespace: 'coordination-notifications', migrations: notificationsMigrations },
];
