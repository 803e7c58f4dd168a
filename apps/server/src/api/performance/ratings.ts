import type { FastifyInstance } from 'fastify';
import { defaultRatingEngines, MaturityAssessmentStore, parseMaturitySelfAssessment, parsePublishedRating, PublishedRatingStore, RatingConflictError, RatingInputError, ratingsOverview, type RatingsOverview } from '@footprint/performance';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { PerformanceContext } from './context';

const problemOf = (error: unknown, title: string): never => {
  if (error instanceof RatingInputError) throw new ApiProblem(400, title, error.problems.join('; '));
  if (error instanceof RatingConflictError) throw new ApiProblem(409, 'Already recorded', error.message);
  throw error;
};

/**
 * Progress ratings (capability `performance` to read, `performance-edit` to record):
 *   GET  /api/performance/ratings            published ratings (the footprint's and England-wide), the three engines' computed results, the league table
 *   POST /api/performance/ratings/published  record a published rating with its source (409 if one is stored for the footprint, scheme and period)
 *   POST /api/performance/ratings/maturity   record the running footprint's ICS maturity self-assessment
 */
export async function ratingsRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  const read = requireSession(context.platform.sql, policy, 'performance');
  const edit = requireSession(context.platform.sql, policy, 'performance-edit');
  const published = new PublishedRatingStore(context.platform.sql);
  const assessments = new MaturityAssessmentStore(context.platform.sql);
  const engines = defaultRatingEngines();

  app.get('/performance/ratings', { preHandler: read }, async (): Promise<RatingsOverview> => {
    const footprint = await context.footprint();
    return ratingsOverview({ values: context.values, partnership: context.partnership, published, assessments }, { code: footprint.onsCode, name: footprint.name }, engines);
  });

  app.post('/performance/ratings/published', { preHandler: edit }, async (request, reply) => {
    try {
      const saved = await published.record(parsePublishedRating(request.body), sessionOf(request).user.id);
      return reply.code(201).send(saved);
    } catch (error) {
      return problemOf(error, 'Published rating not recorded');
    }
  });

  app.post('/performance/ratings/maturity', { preHandler: edit }, async (request, reply) => {
    const footprint = await context.footprint();
    try {
      const assessment = parseMaturitySelfAssessment(request.body, footprint.onsCode, engines.maturity.configuration);
      const stored = await assessments.record(assessment, sessionOf(request).user.id);
      return reply.code(201).send({ assessment: stored, result: engines.maturity.rate(stored) });
    } catch (error) {
      return problemOf(error, 'Self-assessment not recorded');
    }
  });
}
