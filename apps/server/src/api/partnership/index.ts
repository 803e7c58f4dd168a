import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';
import { partnershipContext } from './context';
import { footprintRoutes } from './footprints';
import { organisationRoutes } from './organisations';
import { planRoutes } from './plan';
import { exportRoutes } from './export';
import { historyRoutes } from './history';
import { governanceRoutes } from './governance';
import { partnershipOverviewRoutes } from './overview';

/**
 * The partnership's staff API under /api/partnership (capability `partnership` to read,
 * `partnership-edit` to change): the register, governance, the plan and their history. Each part
 * adds its routes here; the domain lives in @footprint/partnership, this folder only maps HTTP.
 */
export async function partnershipRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const context = partnershipContext(platform);
  await partnershipOverviewRoutes(app, context, policy);
  await footprintRoutes(app, context, policy);
  await organisationRoutes(app, context, policy);
  await governanceRoutes(app, context, policy);
  await planRoutes(app, context, policy);
  await historyRoutes(app, context, policy);
  await exportRoutes(app, context, policy);
}
