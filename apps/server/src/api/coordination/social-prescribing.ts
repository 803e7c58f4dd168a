import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';

/** The voluntary sector's service directory and link workers' referrals, under /api/coordination (docs/coordination.md). */
export async function socialPrescribingRoutes(_app: FastifyInstance, _platform: Platform, _policy: SessionPolicy): Promise<void> {
  // Routes are added here as the part is built.
}
