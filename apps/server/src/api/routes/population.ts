import type { FastifyInstance } from 'fastify';
import {
  ageStandardisedRates,
  caseFindingCounts,
  listCaseFindingRules,
  listRegisters,
  registerPrevalence,
  slopeIndexOfInequality,
  trend,
  groupLabel,
  listBreakdowns,
  listFigures,
  type Breakdown,
  type BreakdownSummary,
  type CaseFindingRuleId,
  type RegisterId,
} from '@footprint/insight';
import type { Platform } from '../../platform';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { CaseFindingAnswer, GroupLabels, InequalitiesAnswer, PopulationCatalogue, PrevalenceAnswer, TrendAnswer } from '../responses';
import type { InsightSource } from '../warehouse';

/** The breakdowns the web app offers, with their names (insight's vocabulary). */
export const BREAKDOWNS: BreakdownSummary[] = listBreakdowns();

function breakdown(value: string | undefined, fallback: Breakdown): Breakdown {
  if (value === undefined || value === '') return fallback;
  const found = BREAKDOWNS.find((b) => b.id === value);
  if (!found) throw new ApiProblem(400, 'Unknown breakdown', `'${value}' is not one of ${BREAKDOWNS.map((b) => b.id).join(', ')}.`);
  return found.id;
}

function register(value: string | undefined): RegisterId {
  const registers = listRegisters();
  const id = value ?? 'hypertension';
  const found = registers.find((r) => r.id === id);
  if (!found) throw new ApiProblem(400, 'Unknown register', `'${id}' is not a register. Registers: ${registers.map((r) => r.id).join(', ')}.`);
  return found.id;
}

/**
 * How each group of a figure reads, from insight's vocabulary ("Decile 3", "Core20 (most deprived
 * 20%)"), with places, practices and PCNs named from the warehouse's reference tables. The web app
 * shows these and keeps no labels of its own.
 */
export async function groupLabels(insight: InsightSource, by: Breakdown, rows: ReadonlyArray<{ group: string | null }>): Promise<GroupLabels> {
  const labels: GroupLabels = {};
  for (const { group } of rows) if (group !== null) labels[group] = groupLabel(by, group);
  if (by !== 'place' && by !== 'practice' && by !== 'pcn') return labels;
  const { organisations, places } = await insight.referenceData();
  const names = new Map<string, string>(by === 'place' ? places.map((p) => [p.code, p.name]) : organisations.map((o) => [o.code, o.name]));
  for (const group of Object.keys(labels)) labels[group] = names.get(group) ?? labels[group];
  return labels;
}

type Query = { register?: string; by?: string; rule?: string; months?: string };

/** Population health figures under /api/population, all disclosure-controlled by insight. */
export async function populationRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'population');

  app.get('/population/catalogue', { preHandler: guard }, async (): Promise<PopulationCatalogue> => ({
    registers: listRegisters(),
    rules: listCaseFindingRules(),
    breakdowns: BREAKDOWNS,
    figures: listFigures(),
  }));

  app.get<{ Querystring: Query }>('/population/prevalence', { preHandler: guard }, async (request): Promise<PrevalenceAnswer> => {
    const by = breakdown(request.query.by, 'place');
    const id = register(request.query.register);
    const figure = await registerPrevalence(await insight.engine(), { register: id, by });
    return { figure, labels: await groupLabels(insight, by, figure.rows) };
  });

  app.get<{ Querystring: Query }>('/population/case-finding', { preHandler: guard }, async (request): Promise<CaseFindingAnswer> => {
    const by = breakdown(request.query.by, 'footprint');
    const rule = request.query.rule;
    if (rule !== undefined && !listCaseFindingRules().some((r) => r.id === rule)) {
      throw new ApiProblem(400, 'Unknown case-finding rule', `'${rule}' is not a case-finding rule.`);
    }
    const figure = await caseFindingCounts(await insight.engine(), { by, ...(rule ? { rule: rule as CaseFindingRuleId } : {}) });
    return { figure, labels: await groupLabels(insight, by, figure.rows) };
  });

  app.get<{ Querystring: Query }>('/population/inequalities', { preHandler: guard }, async (request): Promise<InequalitiesAnswer> => {
    const by = breakdown(request.query.by, 'imd_decile');
    const id = register(request.query.register);
    const engine = await insight.engine();
    const [rates, sii] = await Promise.all([ageStandardisedRates(engine, { register: id, by }), slopeIndexOfInequality(engine, { register: id })]);
    return { rates, sii, labels: await groupLabels(insight, by, rates.rows) };
  });

  app.get<{ Querystring: Query }>('/population/trends', { preHandler: guard }, async (request): Promise<TrendAnswer> => {
    const by = breakdown(request.query.by, 'footprint');
    const months = request.query.months === undefined ? 24 : Number(request.query.months);
    if (!Number.isInteger(months) || months < 1 || months > 120) {
      throw new ApiProblem(400, 'Invalid period', 'months must be a whole number from 1 to 120.');
    }
    const id = register(request.query.register);
    const figure = await trend(await insight.engine(), { register: id, months, by });
    return { figure, labels: await groupLabels(insight, by, figure.rows) };
  });
}
