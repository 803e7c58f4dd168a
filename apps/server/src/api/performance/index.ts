import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';
import type { InsightSource } from '../warehouse';
import { performanceContext } from './context';

/**
 * System performance's staff API under /api/performance (capability `performance` to read,
 * `performance-edit` to import, recompute and record ratings). Each part adds its routes here;
 * the domain lives in @footprint/performance, this folder only maps HTTP.
 */
export async function performanceRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const context = performanceContext(platform, insight);
  void context;
  void app;
  void policy;
}
