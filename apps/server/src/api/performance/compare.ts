import type { FastifyInstance } from 'fastify';
import { footprintDefinitions } from '@footprint/geography';
import { compareAreas, COMPARISON_LEVELS, ComparisonInputError, findIndicator, type ComparisonLevel, type IndicatorComparison } from '@footprint/performance';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { PerformanceContext } from './context';
import { footprintWithPlaces, practiceDirectory } from './scorecard';

const ALLOWED = new Set(['indicator', 'period', 'level', 'place']);

/**
 * Comparisons (capability `performance`):
 *   GET /api/performance/compare?indicator=ID&level=places|practices|footprints[&period=YYYY-MM][&place=CODE]
 * The funnel plot and each area against the benchmark (the footprint; England for footprints).
 */
export async function compareRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  const read = requireSession(context.platform.sql, policy, 'performance');

  app.get('/performance/compare', { preHandler: read }, async (request): Promise<IndicatorComparison> => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(query).filter((k) => !ALLOWED.has(k));
    if (unknown.length) throw new ApiProblem(400, 'Bad comparison query', `Unknown parameter ${unknown.join(', ')}: give indicator, level, and optionally period and place.`);
    for (const [key, value] of Object.entries(query)) if (typeof value !== 'string') throw new ApiProblem(400, 'Bad comparison query', `${key} must be given once.`);
    const { indicator: id, level, period, place } = query as Record<string, string | undefined>;
    if (!id) throw new ApiProblem(400, 'Bad comparison query', 'indicator is required: the id of an indicator of the catalogue.');
    if (!level) throw new ApiProblem(400, 'Bad comparison query', `level is required: one of ${COMPARISON_LEVELS.join(', ')}.`);
    const indicator = findIndicator(id);
    if (!indicator) throw new ApiProblem(404, 'No such indicator', `The catalogue has no indicator with id ${id}.`);
    const footprint = await footprintWithPlaces(context);
    const directory = level === 'practices' ? await practiceDirectory(context) : { names: new Map(footprintDefinitions().flatMap((f) => (f.ons_code ? [[f.ons_code, f.name] as const] : []))) };
    try {
      return await compareAreas({
        indicator,
        values: context.values,
        level: level as ComparisonLevel,
        footprint,
        ...directory,
        ...(period ? { period } : {}),
        ...(place ? { place } : {}),
      });
    } catch (error) {
      if (error instanceof ComparisonInputError) throw new ApiProblem(error.status, error.status === 404 ? 'No such place' : 'Bad comparison query', error.message);
      throw error;
    }
  });
}
