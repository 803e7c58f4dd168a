import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';

/** Engagement's public JSON API for enquiries, under /api/public (no sign-in). */
export async function enquiriesPublicApi(_app: FastifyInstance, _platform: Platform): Promise<void> {}
