import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';

/** Engagement's staff API for content, under /api/engage. */
export async function contentStaffRoutes(_app: FastifyInstance, _platform: Platform, _policy: SessionPolicy): Promise<void> {}
