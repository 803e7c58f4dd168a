import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform';

/** The web app's JSON API under /api (sign-in, population health, care record views, worklists, feeds). */
export const apiRoutes: FastifyPluginAsync<{ platform: Platform }> = async () => {};
