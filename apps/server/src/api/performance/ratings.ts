import type { FastifyInstance } from 'fastify';
import type { SessionPolicy } from '../auth/sessions';
import type { PerformanceContext } from './context';

/** GET /api/performance/ratings */
export async function ratingsRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  void app;
  void context;
  void policy;
}
