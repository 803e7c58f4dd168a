import type { FastifyInstance } from 'fastify';
import {
  MaturityAssessmentStore,
  MaturityEngine,
  OversightEngine,
  parseMaturitySelfAssessment,
  parsePublishedRating,
  PublishedRatingStore,
  RATING_SCHEMES,
  RatingConflictError,
  RatingInputError,
  SCHEME_NAMES,
  schemeRatings,
  StpDashboardEngine,
  type IndicatorReadings,
  type IndicatorValue,
  type OversightBody,
  type RatingsOverview,
} from '@footprint/performance';
import { placesOn, referenceRegister, type RunningFootprint } from '@footprint/partnership';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { PerformanceContext } from './context';

/** The latest value of each indicator for one area (everyone, no breakdown). */
function latestReadings(values: readonly IndicatorValue[]): IndicatorReadings {
  const readings: Record<string, { value: number | null; period: string | null }> = {};
  for (const v of values) {
    if (v.breakdown !== '' || v.value === null) continue;
    const seen = readings[v.indicatorId];
    if (!seen || (seen.period ?? '') < v.period) readings[v.indicatorId] = { value: v.value, period: v.period };
  }
  return readings;
}

function byArea(values: readonly IndicatorValue[]): Map<string, IndicatorValue[]> {
  const areas = new Map<string, IndicatorValue[]>();
  for (const v of values) areas.set(v.areaCode, [...(areas.get(v.areaCode) ?? []), v]);
  return areas;
}

/** A footprint's latest name in the bundled register (its code when the register does not know it). */
function footprintName(code: string): string {
  const names = referenceRegister().facts.filter((f) => f.code === code && f.fact === 'name').sort((a, b) => b.start.localeCompare(a.start));
  return names[0]?.value ?? code;
}

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
  const stp = new StpDashboardEngine();
  const oversight = new OversightEngine();
  const maturity = new MaturityEngine();

  async function oversightOf(footprint: RunningFootprint): Promise<RatingsOverview['computed']['oversight']> {
    const footprints = byArea(await context.values.list({ areaType: 'footprint', breakdown: '' }));
    if (footprints.size >= 2 && footprints.has(footprint.onsCode)) {
      const bodies: OversightBody[] = [...footprints].map(([code, values]) => ({ code, name: code === footprint.onsCode ? footprint.name : footprintName(code), readings: latestReadings(values) }));
      return { result: oversight.rate({ subject: footprint.onsCode, bodies }), reason: null, comparing: 'footprints', leagueTable: oversight.leagueTable(bodies) };
    }
    const { places } = await placesOn(context.partnership, footprint.onsCode);
    const names = new Map(places.map((p) => [p.data.code, p.data.name]));
    const placeValues = byArea((await context.values.list({ areaType: 'place', breakdown: '' })).filter((v) => names.has(v.areaCode)));
    const bodies: OversightBody[] = [...placeValues].map(([code, values]) => ({ code, name: names.get(code) ?? code, readings: latestReadings(values) }));
    const reason = footprints.size >= 2 ? `${footprint.name} has no indicator values to compare.` : `Only ${footprints.size} footprint has indicator values, so there is no league of footprints to segment ${footprint.name} in; the league table compares its places.`;
    return { result: null, reason: bodies.length ? reason : `${reason.split(';')[0]}; no place has values either.`, comparing: bodies.length ? 'places' : null, leagueTable: bodies.length ? oversight.leagueTable(bodies) : [] };
  }

  app.get('/performance/ratings', { preHandler: read }, async (): Promise<RatingsOverview> => {
    const footprint = await context.footprint();
    const [all, mine, latest, history] = await Promise.all([published.list(), context.values.list({ areaCode: footprint.onsCode, breakdown: '' }), assessments.latest(footprint.onsCode), assessments.list(footprint.onsCode)]);
    return {
      footprint: { code: footprint.onsCode, name: footprint.name },
      published: { footprint: all.filter((r) => r.footprintCode === footprint.onsCode), england: all },
      computed: {
        stp: stp.rate({ subject: footprint.onsCode, readings: latestReadings(mine) }),
        oversight: await oversightOf(footprint),
        maturity: { result: latest ? maturity.rate(latest) : null, assessment: latest, history: history.map((a) => ({ id: a.id, assessedOn: a.assessedOn, recordedAt: a.recordedAt })) },
      },
      engines: [stp, oversight, maturity].map((e) => ({ id: e.id, name: e.name, source: e.source, configuration: e.configuration })),
      schemes: RATING_SCHEMES.map((id) => ({ id, name: SCHEME_NAMES[id], ratings: schemeRatings(id).map((r) => ({ value: r.value, label: r.label })) })),
    };
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
      const assessment = parseMaturitySelfAssessment(request.body, footprint.onsCode, maturity.configuration);
      const stored = await assessments.record(assessment, sessionOf(request).user.id);
      return reply.code(201).send({ assessment: stored, result: maturity.rate(stored) });
    } catch (error) {
      return problemOf(error, 'Self-assessment not recorded');
    }
  });
}
