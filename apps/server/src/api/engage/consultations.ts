import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';

/** Engagement's staff API for consultations, under /api/engage. */
export async function consultationsStaffRoutes(_app: FastifyInstance, _platform: Platform, _policy: SessionPolicy): Promise<void> {}
