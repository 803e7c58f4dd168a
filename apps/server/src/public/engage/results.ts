import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';

/** Engagement's public JSON API for results, under /api/public (no sign-in). */
export async function resultsPublicApi(_app: FastifyInstance, _platform: Platform): Promise<void> {}
