import type { FastifyInstance } from 'fastify';
import type { SessionPolicy } from '../auth/sessions';
import type { PerformanceContext } from './context';

/** GET /api/performance/report[.pdf] */
export async function reportRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  void app;
  void context;
  void policy;
}
