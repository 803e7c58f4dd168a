import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';

/** Engagement's staff API for mail, under /api/engage. */
export async function mailStaffRoutes(_app: FastifyInstance, _platform: Platform, _policy: SessionPolicy): Promise<void> {}
