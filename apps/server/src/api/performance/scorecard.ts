import type { FastifyInstance } from 'fastify';
import { footprintDefinitions } from '@footprint/geography';
import { listPlans, readPlanTree, type PlanTree } from '@footprint/partnership';
import { ambitionDrillDown, ambitionTarget, buildScorecard, ScorecardInputError, type AmbitionDrillDown, type AmbitionTarget, type IndicatorDefinition, type Scorecard, type ScorecardFootprint } from '@footprint/performance';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { PerformanceContext } from './context';

/** The running footprint with its places (from the bundled footprints), as the scorecard and comparisons read it. */
export async function footprintWithPlaces(context: PerformanceContext): Promise<ScorecardFootprint> {
  const running = await context.footprint();
  const definition = footprintDefinitions().find((f) => f.ons_code === running.onsCode);
  return { code: running.onsCode, name: running.name, places: (definition?.places ?? []).map((p) => ({ code: p.lad19_code, name: p.name })) };
}

/** Practices' places and names from the warehouse's organisations; empty when no warehouse is built yet (the pages then show codes). */
export async function practiceDirectory(context: PerformanceContext): Promise<{ practicePlaces?: Map<string, string>; names: Map<string, string> }> {
  try {
    const { organisations } = await context.insight.referenceData();
    const practices = organisations.filter((o) => o.placeCode !== null);
    return { practicePlaces: new Map(practices.map((o) => [o.code, o.placeCode as string])), names: new Map(organisations.map((o) => [o.code, o.name])) };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 503) return { names: new Map() };
    throw error;
  }
}

/** The footprint's current plan, whole, or a 404 problem when it has none. */
export async function currentPlan(context: PerformanceContext, footprint: ScorecardFootprint): Promise<PlanTree> {
  const list = await listPlans(context.partnership, { onsCode: footprint.code, name: footprint.name });
  if (!list.current) throw new ApiProblem(404, 'No plan yet', `${footprint.name} has no plan to measure: add one under /partnership/plan first.`);
  return readPlanTree(context.partnership, list.current, { footprint: footprint.code });
}

/**
 * An ambition of the current plan as the indicator's SPC is judged against it (the scorecard's
 * trajectory): 404 when the plan has no such ambition, 400 when the indicator is not its primary one.
 */
export async function ambitionTargetFor(context: PerformanceContext, indicator: IndicatorDefinition, ambitionId: string): Promise<AmbitionTarget> {
  const footprint = await footprintWithPlaces(context);
  const plan = await currentPlan(context, footprint);
  const item = plan.ambitions.find((a) => a.id === ambitionId);
  if (!item) throw new ApiProblem(404, 'No such ambition', `The plan ${plan.plan.data.name} (${plan.plan.data.version}) has no ambition with id ${ambitionId}.`);
  const primary = item.data.indicators.find((l) => l.role === 'primary');
  if (primary?.id !== indicator.id) {
    throw new ApiProblem(
      400,
      'Invalid query',
      `ambition: "${item.data.statement}" is measured by ${primary ? primary.id : 'no primary indicator'}, not ${indicator.id}; only an ambition's primary indicator is charted against its trajectory.`,
    );
  }
  return ambitionTarget(item, indicator);
}

function periodOf(query: unknown): string | undefined {
  const { period } = (query ?? {}) as Record<string, unknown>;
  if (period === undefined || period === '') return undefined;
  if (typeof period !== 'string') throw new ApiProblem(400, 'Bad period', 'period must be given once, as a month YYYY-MM.');
  return period;
}

const asProblem = (error: unknown): never => {
  if (error instanceof ScorecardInputError) throw new ApiProblem(400, 'Bad scorecard query', error.message);
  throw error;
};

/**
 * The plan's scorecard (capability `performance`):
 *   GET /api/performance/scorecard[?period=YYYY-MM]                        every ambition by gap, for the footprint and each place
 *   GET /api/performance/scorecard/ambitions/:ambitionId[?period=YYYY-MM]  one ambition's indicators, places and practices
 */
export async function scorecardRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  const read = requireSession(context.platform.sql, policy, 'performance');

  app.get('/performance/scorecard', { preHandler: read }, async (request): Promise<Scorecard> => {
    const period = periodOf(request.query);
    const footprint = await footprintWithPlaces(context);
    const plan = await currentPlan(context, footprint);
    return buildScorecard({ plan, values: context.values, footprint, ...(period ? { period } : {}) }).catch(asProblem);
  });

  app.get<{ Params: { ambitionId: string } }>('/performance/scorecard/ambitions/:ambitionId', { preHandler: read }, async (request): Promise<AmbitionDrillDown> => {
    const period = periodOf(request.query);
    const footprint = await footprintWithPlaces(context);
    const plan = await currentPlan(context, footprint);
    const { ambitionId } = request.params;
    if (!plan.ambitions.some((a) => a.id === ambitionId)) throw new ApiProblem(404, 'No such ambition', `The plan ${plan.plan.data.name} (${plan.plan.data.version}) has no ambition with id ${ambitionId}.`);
    const directory = await practiceDirectory(context);
    const drill = await ambitionDrillDown({ plan, ambitionId, values: context.values, footprint, ...directory, ...(period ? { period } : {}) }).catch(asProblem);
    return drill as AmbitionDrillDown;
  });
}
