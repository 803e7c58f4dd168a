import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform';
import { answerWithProblems } from '../api/problem';
import { publicRegisterRoutes } from './register';
import { boundaryRoutes } from './boundaries';
import { engagePublicRoutes } from './engage';

export interface PublicOptions {
  platform: Platform;
}

/**
 * The public area under /api/public: no sign-in, read-only, its own rate limit
 * (FOOTPRINT_PUBLIC_RATE_LIMIT), answers in JSON (or CSV where asked) and problem+json for errors.
 * The register's routes are the first; engagement adds its own here.
 */
export const publicRoutes: FastifyPluginAsync<PublicOptions> = async (app, options) => {
  answerWithProblems(app, 'public API', 'Try again later.');
  await publicRegisterRoutes(app, options.platform);
  await boundaryRoutes(app); // part E: GET /api/public/boundaries (the map's district shapes)
  await engagePublicRoutes(app, options.platform); // engagement: content, enquiries, consultations, results
};
