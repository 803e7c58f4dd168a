import type { FastifyInstance } from 'fastify';
import type { SessionPolicy } from '../auth/sessions';
import type { PerformanceContext } from './context';

/** GET /api/performance/indicators[/:id[/values|/spc]], POST /api/performance/indicators/import, GET /api/performance/indicators/export.csv */
export async function indicatorRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  void app;
  void context;
  void policy;
}
