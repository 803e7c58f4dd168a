import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';
import type { InsightSource } from '../warehouse';
import { performanceContext } from './context';
import { indicatorRoutes } from './indicators';
import { compareRoutes } from './compare';
import { scorecardRoutes } from './scorecard';
import { ratingsRoutes } from './ratings';
import { reportRoutes } from './report';

/**
 * System performance's staff API under /api/performance (capability `performance` to read,
 * `performance-edit` to import, recompute and record ratings). Each part has its own file; the
 * domain lives in @footprint/performance, this folder only maps HTTP.
 */
export async function performanceRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const context = performanceContext(platform, insight);
  await indicatorRoutes(app, context, policy);
  await compareRoutes(app, context, policy);
  await scorecardRoutes(app, context, policy);
  await ratingsRoutes(app, context, policy);
  await reportRoutes(app, context, policy);
}
