import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';

/** Referrals and tasks between partners, and each organisation's worklist, under /api/coordination (docs/coordination.md). */
export async function referralsRoutes(_app: FastifyInstance, _platform: Platform, _policy: SessionPolicy): Promise<void> {
  // Routes are added here as the part is built.
}
