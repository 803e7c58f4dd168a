import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';

/** Engagement's public JSON API for consultations, under /api/public (no sign-in). */
export async function consultationsPublicApi(_app: FastifyInstance, _platform: Platform): Promise<void> {}
