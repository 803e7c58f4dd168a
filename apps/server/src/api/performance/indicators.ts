import type { FastifyInstance } from 'fastify';
import {
  AREA_TYPES,
  areasOf,
  describeCsvProblem,
  findIndicator,
  importIndicatorCsv,
  IndicatorCsvError,
  indicatorSpc,
  indicatorValuesCsv,
  listIndicators,
  type AreaType,
  type IndicatorDefinition,
  type IndicatorDetailView,
  type IndicatorImportResult,
  type IndicatorSpcView,
  type IndicatorSummaryView,
  type IndicatorValue,
  type IndicatorValueQuery,
} from '@footprint/performance';
import { placesOn, type RunningFootprint } from '@footprint/partnership';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { PerformanceContext } from './context';
import { ambitionTargetFor } from './scorecard';

/** The largest values CSV an import takes (36 months of every indicator for hundreds of areas is far smaller). */
export const INDICATOR_IMPORT_LIMIT = 10 * 1024 * 1024;
/** How many problems the 400's detail spells out (all of them are in its `problems` list). */
const PROBLEMS_IN_DETAIL = 20;

const AREA_CODE = /^[A-Za-z0-9]{3,12}$/;
const BREAKDOWN = /^([a-z][a-z0-9_]*:[A-Za-z0-9_.+ -]{1,40})?$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const AMBITION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export interface IndicatorValuesAnswer {
  indicatorId: string;
  values: IndicatorValue[];
}
export interface IndicatorSpcAnswer extends IndicatorSpcView {
  areaName: string | null;
}
export interface IndicatorListAnswer {
  footprint: { onsCode: string; name: string } | null;
  indicators: IndicatorSummaryView[];
}

type Query = Record<string, string | string[] | undefined>;

/** Reads the query, refusing (400) a parameter not in `allowed`, one given twice, or one that fails its check. */
function readQuery(query: unknown, checks: Record<string, (v: string) => string | null>): Record<string, string | undefined> {
  const given = (query ?? {}) as Query;
  const out: Record<string, string | undefined> = {};
  for (const [name, raw] of Object.entries(given)) {
    const check = checks[name];
    if (!check) throw new ApiProblem(400, 'Invalid query', `${name} is not a parameter here (the parameters are ${Object.keys(checks).join(', ')}).`);
    if (Array.isArray(raw)) throw new ApiProblem(400, 'Invalid query', `${name} is given more than once.`);
    const value = raw ?? '';
    const problem = check(value);
    if (problem) throw new ApiProblem(400, 'Invalid query', `${name}: ${problem}`);
    out[name] = value;
  }
  return out;
}

const checkArea = (v: string) => (AREA_CODE.test(v) ? null : `'${v}' is not an area code (such as E54000008, E08000012 or N82001)`);
const checkAreaType = (v: string) => ((AREA_TYPES as readonly string[]).includes(v) ? null : `'${v}' is not an area type (one of ${AREA_TYPES.join(', ')})`);
const checkBreakdown = (v: string) => (BREAKDOWN.test(v) ? null : `'${v}' is not a breakdown (blank for everyone, or dimension:group such as imd_quintile:1)`);
const checkMonth = (v: string) => (MONTH.test(v) ? null : `'${v}' is not a month YYYY-MM`);
const checkAmbition = (v: string) => (AMBITION_ID.test(v) ? null : `'${v}' is not an ambition id (the scorecard links to each ambition's chart)`);
const checkIndicator = (v: string) => (findIndicator(v) ? null : `there is no indicator '${v}'`);

function indicatorOr404(id: string): IndicatorDefinition {
  const indicator = findIndicator(id);
  if (!indicator) throw new ApiProblem(404, 'No such indicator', `There is no indicator '${id}': GET /api/performance/indicators lists them.`);
  return indicator;
}

/** The names of the areas values are for: England, the running footprint and its places. */
async function areaNames(context: PerformanceContext, footprint: RunningFootprint | null): Promise<Map<string, string>> {
  const names = new Map<string, string>([['E92000001', 'England']]);
  if (!footprint) return names;
  names.set(footprint.onsCode, footprint.name);
  const { places } = await placesOn(context.partnership, footprint.onsCode);
  for (const place of places) names.set(place.data.code, place.data.name);
  return names;
}

async function footprintOrNull(context: PerformanceContext): Promise<RunningFootprint | null> {
  try {
    return await context.footprint();
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/**
 * GET  /api/performance/indicators                     the catalogue, each with its latest period and the footprint's value then
 * GET  /api/performance/indicators/:id                 the definition and the areas and breakdowns with values
 * GET  /api/performance/indicators/:id/values          ?area=&areaType=&breakdown=&from=&to=
 * GET  /api/performance/indicators/:id/spc             ?area=&breakdown=&ambition= (area defaults to the footprint; with ambition, against its trajectory)
 * POST /api/performance/indicators/import              text/csv (?replace=true), capability performance-edit
 * GET  /api/performance/indicators/export.csv          ?indicator=&area=
 */
export async function indicatorRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  const sql = context.platform.sql;
  const read = requireSession(sql, policy, 'performance');
  const edit = requireSession(sql, policy, 'performance-edit');

  app.get('/performance/indicators', { preHandler: read }, async (request): Promise<IndicatorListAnswer> => {
    readQuery(request.query, {});
    const footprint = await footprintOrNull(context);
    const latest = await context.values.latestPeriods();
    const footprintValues = footprint ? await context.values.list({ areaCode: footprint.onsCode, breakdown: '' }) : [];
    const latestOf = new Map<string, IndicatorValue>();
    for (const v of footprintValues) latestOf.set(v.indicatorId, v); // ordered by period, so the last wins
    return {
      footprint: footprint ? { onsCode: footprint.onsCode, name: footprint.name } : null,
      indicators: listIndicators().map((i) => ({ ...i, latestPeriod: latest.get(i.id) ?? null, latestFootprintValue: latestOf.get(i.id) ?? null })),
    };
  });

  app.get('/performance/indicators/export.csv', { preHandler: read }, async (request, reply) => {
    const q = readQuery(request.query, { indicator: checkIndicator, area: checkArea });
    const values = await context.values.list({ ...(q.indicator ? { indicatorId: q.indicator } : {}), ...(q.area ? { areaCode: q.area } : {}) });
    const name = ['indicator-values', q.indicator, q.area].filter(Boolean).join('-');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(indicatorValuesCsv(values));
  });

  app.get<{ Params: { id: string } }>('/performance/indicators/:id', { preHandler: read }, async (request): Promise<IndicatorDetailView> => {
    const indicator = indicatorOr404(request.params.id);
    readQuery(request.query, {});
    const values = await context.values.list({ indicatorId: indicator.id });
    return { indicator, areas: areasOf(values, await areaNames(context, await footprintOrNull(context))) };
  });

  app.get<{ Params: { id: string } }>('/performance/indicators/:id/values', { preHandler: read }, async (request): Promise<IndicatorValuesAnswer> => {
    const indicator = indicatorOr404(request.params.id);
    const q = readQuery(request.query, { area: checkArea, areaType: checkAreaType, breakdown: checkBreakdown, from: checkMonth, to: checkMonth });
    if (q.from && q.to && q.from > q.to) throw new ApiProblem(400, 'Invalid query', `from (${q.from}) is after to (${q.to}).`);
    const query: IndicatorValueQuery = { indicatorId: indicator.id };
    if (q.area !== undefined) query.areaCode = q.area;
    if (q.areaType !== undefined) query.areaType = q.areaType as AreaType;
    if (q.breakdown !== undefined) query.breakdown = q.breakdown;
    if (q.from !== undefined) query.from = q.from;
    if (q.to !== undefined) query.to = q.to;
    return { indicatorId: indicator.id, values: await context.values.list(query) };
  });

  app.get<{ Params: { id: string } }>('/performance/indicators/:id/spc', { preHandler: read }, async (request): Promise<IndicatorSpcAnswer> => {
    const indicator = indicatorOr404(request.params.id);
    const q = readQuery(request.query, { area: checkArea, breakdown: checkBreakdown, ambition: checkAmbition });
    const footprint = await footprintOrNull(context);
    const ambition = q.ambition === undefined ? null : await ambitionTargetFor(context, indicator, q.ambition);
    const area = q.area ?? footprint?.onsCode;
    if (!area) throw new ApiProblem(400, 'Invalid query', 'area is needed: the record holds no partnership body to default to.');
    const breakdown = q.breakdown ?? '';
    const values = await context.values.series(indicator.id, area, breakdown);
    const names = await areaNames(context, footprint);
    return { ...indicatorSpc(indicator, area, breakdown, values, ambition), areaName: names.get(area) ?? null };
  });

  // Its own plugin, so the text/csv body parser and its size limit apply to the import alone.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: INDICATOR_IMPORT_LIMIT }, (_request, body, done) => done(null, body));
    scoped.post<{ Body: string }>('/performance/indicators/import', { preHandler: edit, bodyLimit: INDICATOR_IMPORT_LIMIT }, async (request, reply): Promise<IndicatorImportResult | undefined> => {
      const q = readQuery(request.query, { replace: (v) => (v === 'true' || v === 'false' ? null : `'${v}' is not true or false`) });
      if (typeof request.body !== 'string') throw new ApiProblem(415, 'Not CSV', 'Send the values as text/csv (docs/performance.md §1).');
      try {
        return await importIndicatorCsv(context.values, request.body, { replace: q.replace === 'true' });
      } catch (error) {
        if (!(error instanceof IndicatorCsvError)) throw error;
        const lines = error.problems.map(describeCsvProblem);
        const more = lines.length - PROBLEMS_IN_DETAIL;
        await reply
          .code(400)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: 'Invalid indicator values CSV',
            status: 400,
            detail: `Nothing was imported. ${lines.slice(0, PROBLEMS_IN_DETAIL).join('; ')}${more > 0 ? `; and ${more} more (see problems)` : ''}.`,
            problems: lines,
          });
        return undefined;
      }
    });
  });
}
