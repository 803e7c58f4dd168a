import type { FastifyInstance } from 'fastify';
import {
  ageStandardisedRates,
  caseFindingCounts,
  listCaseFindingRules,
  listRegisters,
  registerPrevalence,
  slopeIndexOfInequality,
  trend,
  type Breakdown,
  type CaseFindingRuleId,
  type RegisterId,
} from '@footprint/insight';
import type { Platform } from '../../platform';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { InsightSource } from '../warehouse';

/** The breakdowns the web app offers, with their names. */
export const BREAKDOWNS: Array<{ id: Breakdown; name: string }> = [
  { id: 'footprint', name: 'Whole footprint' },
  { id: 'place', name: 'Place' },
  { id: 'practice', name: 'GP practice' },
  { id: 'pcn', name: 'Primary care network' },
  { id: 'imd_decile', name: 'IMD decile' },
  { id: 'imd_quintile', name: 'IMD quintile' },
  { id: 'core20', name: 'Core20' },
  { id: 'sex', name: 'Sex' },
  { id: 'ethnicity', name: 'Ethnic group' },
  { id: 'age_band', name: 'Age band' },
];

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

/** Names for place, practice and PCN codes so tables and charts show names, not codes. */
async function groupLabels(insight: InsightSource, by: Breakdown): Promise<Record<string, string>> {
  if (by !== 'place' && by !== 'practice' && by !== 'pcn') return {};
  const { organisations, places } = await insight.referenceData();
  const labels: Record<string, string> = {};
  if (by === 'place') for (const p of places) labels[p.code] = p.name;
  else for (const o of organisations) labels[o.code] = o.name;
  return labels;
}

type Query = { register?: string; by?: string; rule?: string; months?: string };

/** Population health figures under /api/population, all disclosure-controlled by insight. */
export async function populationRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'population');

  app.get('/population/catalogue', { preHandler: guard }, async () => ({
    registers: listRegisters(),
    rules: listCaseFindingRules(),
    breakdowns: BREAKDOWNS,
  }));

  app.get<{ Querystring: Query }>('/population/prevalence', { preHandler: guard }, async (request) => {
    const by = breakdown(request.query.by, 'place');
    const id = register(request.query.register);
    const figure = await registerPrevalence(await insight.engine(), { register: id, by });
    return { figure, labels: await groupLabels(insight, by) };
  });

  app.get<{ Querystring: Query }>('/population/case-finding', { preHandler: guard }, async (request) => {
    const by = breakdown(request.query.by, 'footprint');
    const rule = request.query.rule;
    if (rule !== undefined && !listCaseFindingRules().some((r) => r.id === rule)) {
      throw new ApiProblem(400, 'Unknown case-finding rule', `'${rule}' is not a case-finding rule.`);
    }
    const figure = await caseFindingCounts(await insight.engine(), { by, ...(rule ? { rule: rule as CaseFindingRuleId } : {}) });
    return { figure, labels: await groupLabels(insight, by) };
  });

  app.get<{ Querystring: Query }>('/population/inequalities', { preHandler: guard }, async (request) => {
    const by = breakdown(request.query.by, 'imd_decile');
    const id = register(request.query.register);
    const engine = await insight.engine();
    const [rates, sii] = await Promise.all([ageStandardisedRates(engine, { register: id, by }), slopeIndexOfInequality(engine, { register: id })]);
    return { rates, sii, labels: await groupLabels(insight, by) };
  });

  app.get<{ Querystring: Query }>('/population/trends', { preHandler: guard }, async (request) => {
    const by = breakdown(request.query.by, 'footprint');
    const months = request.query.months === undefined ? 24 : Number(request.query.months);
    if (!Number.isInteger(months) || months < 1 || months > 120) {
      throw new ApiProblem(400, 'Invalid period', 'months must be a whole number from 1 to 120.');
    }
    const id = register(request.query.register);
    const figure = await trend(await insight.engine(), { register: id, months, by });
    return { figure, labels: await groupLabels(insight, by) };
  });
}
