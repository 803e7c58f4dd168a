import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';

/** Engagement's public JSON API for content, under /api/public (no sign-in). */
export async function contentPublicApi(_app: FastifyInstance, _platform: Platform): Promise<void> {}
