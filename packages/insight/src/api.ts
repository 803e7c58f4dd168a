import type { CohortEngine } from '@footprint/cohort';
import type { Breakdown } from './breakdowns';
import { CASE_FINDING_RULES, type CaseFindingRuleId } from './case-finding';
import { runFigure } from './figure';
import { caseFindingFigure, type CaseFindingRow } from './figures/case-finding-counts';
import { registerPrevalenceFigure, type PrevalenceRow } from './figures/prevalence';
import { deprivationFigure, populationPyramidFigure, type DeprivationRow, type PyramidRow } from './figures/profile';
import { ageStandardisedRatesFigure, slopeIndexOfInequalityFigure, type SiiRow, type StandardisedRateRow } from './figures/rates';
import { registerProfileFigure, type RegisterProfileParams, type RegisterProfileRow } from './figures/register-profile';
import { trendFigure, type TrendRow } from './figures/trend';
import type { InsightOptions, InsightResult } from './options';
import { REGISTERS, type RegisterId } from './registers';

/**
 * The HTTP-ready API for the web app: one plain async function per figure, each running the
 * figure's definition (src/figures) through runFigure, so every answer has disclosure control
 * applied and the figure's definition in it, and is cached per warehouse build.
 */

export type { CaseFindingRow, PrevalenceRow, RegisterProfileRow, SiiRow, StandardisedRateRow, TrendRow };

export interface RegisterSummary {
  id: RegisterId;
  name: string;
  basis: string;
  definition: string;
}

export function listRegisters(): RegisterSummary[] {
  return Object.values(REGISTERS).map(({ id, name, basis, definition }) => ({ id, name, basis, definition }));
}

export interface CaseFindingRuleSummary {
  id: CaseFindingRuleId;
  name: string;
  definition: string;
  clinicalBasis: string;
}

export function listCaseFindingRules(): CaseFindingRuleSummary[] {
  return Object.values(CASE_FINDING_RULES).map(({ id, name, definition, clinicalBasis }) => ({ id, name, definition, clinicalBasis }));
}

/** Recorded prevalence of a register (register count / list size, per 1,000) by a breakdown. */
export function registerPrevalence(wh: CohortEngine, opts: { register: RegisterId; by: Breakdown } & InsightOptions): Promise<InsightResult<PrevalenceRow>> {
  return runFigure(wh, registerPrevalenceFigure, opts);
}

/** Every register's recorded prevalence in one place, practice or PCN. */
export function registerProfile(wh: CohortEngine, opts: RegisterProfileParams & InsightOptions): Promise<InsightResult<RegisterProfileRow>> {
  return runFigure(wh, registerProfileFigure, opts);
}

/** Crude and directly age-standardised register rates per 100,000 (ESP 2013, Dobson/Byar 95% limits). */
export function ageStandardisedRates(wh: CohortEngine, opts: { register: RegisterId; by: Breakdown } & InsightOptions): Promise<InsightResult<StandardisedRateRow>> {
  return runFigure(wh, ageStandardisedRatesFigure, opts);
}

/** The slope index of inequality in the age-standardised register rate across IMD deciles. */
export function slopeIndexOfInequality(wh: CohortEngine, opts: { register: RegisterId } & InsightOptions): Promise<InsightResult<SiiRow>> {
  return runFigure(wh, slopeIndexOfInequalityFigure, opts);
}

/** How many registered adults each case-finding rule flags, by a breakdown. */
export function caseFindingCounts(wh: CohortEngine, opts: { by: Breakdown; rule?: CaseFindingRuleId } & InsightOptions): Promise<InsightResult<CaseFindingRow>> {
  return runFigure(wh, caseFindingFigure, opts);
}

/** Monthly recorded prevalence of a register over the last `months` months (one query). */
export function trend(wh: CohortEngine, opts: { register: RegisterId; months: number; by?: Breakdown } & InsightOptions): Promise<InsightResult<TrendRow>> {
  return runFigure(wh, trendFigure, opts);
}

export interface FootprintProfile {
  pyramid: InsightResult<PyramidRow>;
  deprivation: InsightResult<DeprivationRow>;
}

/** The registered population by age band and sex (a pyramid), and by IMD decile. */
export async function footprintProfile(wh: CohortEngine, opts: InsightOptions = {}): Promise<FootprintProfile> {
  const [pyramid, deprivation] = await Promise.all([runFigure(wh, populationPyramidFigure, opts), runFigure(wh, deprivationFigure, opts)]);
  return { pyramid, deprivation };
}
