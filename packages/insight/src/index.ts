/**
 * @footprint/insight: registers, case finding, inequality statistics and the dashboard API,
 * all written in the cohort language over the pseudonymised warehouse.
 */
export { InsightInputError } from './errors';
export type { InsightOptions, InsightResult } from './options';
export { BREAKDOWNS, CORE20, NOT_CORE20, UNKNOWN_GROUP, groupLabel, listBreakdowns, type Breakdown, type BreakdownSummary } from './breakdowns';
export { REGISTERS, REGISTER_IDS, getRegister, registerSeries, type Register, type RegisterId } from './registers';
export { CASE_FINDING_RULES, CASE_FINDING_RULE_IDS, getRule, eligibleAdults, type CaseFindingRule, type CaseFindingRuleId } from './case-finding';
export { registeredOn, ageBand, AGE_BANDS, type On } from './population';
export {
  listRegisters,
  listCaseFindingRules,
  registerPrevalence,
  ageStandardisedRates,
  slopeIndexOfInequality,
  caseFindingCounts,
  trend,
  footprintProfile,
  registerProfile,
  type RegisterSummary,
  type CaseFindingRuleSummary,
  type PrevalenceRow,
  type StandardisedRateRow,
  type SiiRow,
  type CaseFindingRow,
  type TrendRow,
  type RegisterProfileRow,
  type FootprintProfile,
} from './api';
export { runFigure, runMeasure, type Figure, type AnyFigure, type FigureContext, type FigureDisclosure } from './figure';
export { FIGURES, listFigures, warmFigures, type FigureSummary } from './figures/catalogue';
export { registerPrevalenceFigure } from './figures/prevalence';
export { registerProfileFigure, type RegisterProfileParams } from './figures/register-profile';
export { ageStandardisedRatesFigure, slopeIndexOfInequalityFigure } from './figures/rates';
export { caseFindingFigure } from './figures/case-finding-counts';
export { trendFigure } from './figures/trend';
export { populationPyramidFigure, deprivationFigure, type PyramidRow, type DeprivationRow } from './figures/profile';
export { practiceWorklist, type WorklistRow } from './worklist';
export { engineForWarehouse, type WarehouseLike } from './warehouse-engine';
export { clearInsightCache } from './cache';
export { directlyStandardisedRate, crudeRate, byarLimits, type Stratum, type RateResult } from './statistics/dsr';
export { slopeIndexOfInequality as siiFromGroups, type SiiGroup, type SiiResult } from './statistics/sii';
export { ESP2013, ESP2013_SOURCE } from './statistics/esp2013';
export * from './risk/qrisk3';
