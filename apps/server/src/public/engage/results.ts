import type { FastifyInstance } from 'fastify';
import { ResultsStore, type ConsultationResults } from '@footprint/engage';
import type { Platform } from '../../platform';
import { footprintFacts } from '../../api/engage/results';

/**
 * GET /api/public/consultations/:id/results: a consultation's published results after disclosure
 * control (counts of 1–7 as `*`, others to the nearest 5) and redaction (approved comments only,
 * under the response's public id). 404 problem+json while they are not published.
 */
export async function resultsPublicApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const results = new ResultsStore(platform.sql);
  app.get<{ Params: { id: string } }>('/consultations/:id/results', async (request): Promise<ConsultationResults> => results.published(request.params.id, (await footprintFacts(platform)).placeNames));
}
