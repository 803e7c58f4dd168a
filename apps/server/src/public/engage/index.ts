import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import { consultationsPublicApi } from './consultations';
import { contentPublicApi } from './content';
import { enquiriesPublicApi } from './enquiries';
import { resultsPublicApi } from './results';

/**
 * Engagement's public API (under /api/public, no sign-in, the public rate limit): its content,
 * `POST /enquiries`, `GET /consultations[/:id]`, `POST /consultations/:id/responses` and
 * `GET /consultations/:id/results`. Bad input is a 4xx with problem+json. The domain lives in
 * @footprint/engage; each file here only maps HTTP.
 */
export async function engagePublicRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await contentPublicApi(app, platform);
  await enquiriesPublicApi(app, platform);
  await consultationsPublicApi(app, platform);
  await resultsPublicApi(app, platform);
}
