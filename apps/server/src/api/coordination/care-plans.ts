import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';

/** Shared care plans, their care teams, goals and templates, under /api/coordination (docs/coordination.md). */
export async function carePlansRoutes(_app: FastifyInstance, _platform: Platform, _policy: SessionPolicy): Promise<void> {
  // Routes are added here as the part is built.
}
