import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';

/** Engagement's staff API for results, under /api/engage. */
export async function resultsStaffRoutes(_app: FastifyInstance, _platform: Platform, _policy: SessionPolicy): Promise<void> {}
