import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';

/** Engagement's server-rendered public pages for results, under /public (no sign-in, readable without JavaScript). */
export async function resultsPages(_app: FastifyInstance, _platform: Platform): Promise<void> {}
