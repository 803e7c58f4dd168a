import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';
import { carePlansRoutes } from './care-plans';
import { meetingsRoutes } from './meetings';
import { referralsRoutes } from './referrals';
import { socialPrescribingRoutes } from './social-prescribing';

/**
 * Care coordination's staff API under /api/coordination (capability `coordination`). Each part has
 * its own file; the domain lives in @footprint/coordination and every read and write goes through
 * the record's Repository with the signed-in user's AccessContext, so the trust layer decides and
 * audits it. Partner systems use the FHIR API instead, under the same rules.
 */
export async function coordinationRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  await referralsRoutes(app, platform, policy);
  await carePlansRoutes(app, platform, policy);
  await meetingsRoutes(app, platform, policy);
  await socialPrescribingRoutes(app, platform, policy);
}
