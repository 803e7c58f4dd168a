import type { FastifyInstance } from 'fastify';
import type { SessionPolicy } from '../auth/sessions';
import type { PerformanceContext } from './context';

/** GET /api/performance/scorecard[/ambitions/:ambitionId] */
export async function scorecardRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  void app;
  void context;
  void policy;
}
