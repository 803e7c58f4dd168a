import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';

/** Engagement's server-rendered public pages for content, under /public (no sign-in, readable without JavaScript). */
export async function contentPages(_app: FastifyInstance, _platform: Platform): Promise<void> {}
