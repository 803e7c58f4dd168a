/** Indicator values computed from the pseudonymised warehouse (docs/performance.md §4). */
export { computeIndicatorValues, computedIndicatorIds, checkComputedIndicators, ComputeInputError } from './compute';
export { COMPUTED_INDICATORS, UNDER_75_BANDS } from './definitions';
export { proportionLimits, crudeRateLimits, standardisedRateLimits, DSR_SUPPRESSED_NOTE, type Limits } from './intervals';
export { periodInterval, monthsEnding, lastCompleteMonth, latestDataDate, checkMonths, WINDOW_MONTHS } from './periods';
export type { ComputeFootprint, ComputeOptions, ComputeProgress, ComputedIndicator, WindowKind } from './types';
export { computeFromWarehouse, footprintFromWarehouse, type ComputeWarehouse, type WarehouseComputation } from './from-warehouse';
