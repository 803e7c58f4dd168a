/**
 * @footprint/insight: registers, case finding, inequality statistics and the dashboard API,
 * all written in the cohort language over the pseudonymised warehouse.
 */
export { InsightInputError } from './errors';
export type { InsightOptions, InsightResult } from './options';
export { BREAKDOWNS, type Breakdown } from './breakdowns';
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
  prewarmDashboard,
  type RegisterSummary,
  type CaseFindingRuleSummary,
  type PrevalenceRow,
  type StandardisedRateRow,
  type SiiRow,
  type CaseFindingRow,
  type TrendRow,
  type FootprintProfile,
} from './api';
export { practiceWorklist, type WorklistRow } from './worklist';
export { WarehouseFileEngine, engineForDataDir, engineForWarehouse, type WarehouseLike } from './warehouse-engine';
export { clearInsightCache } from './cache';
export { directlyStandardisedRate, crudeRate, byarLimits, type Stratum, type RateResult } from './statistics/dsr';
export { slopeIndexOfInequality as siiFromGroups, type SiiGroup, type SiiResult } from './statistics/sii';
export { ESP2013, ESP2013_SOURCE } from './statistics/esp2013';
