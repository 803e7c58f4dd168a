/** Comparing places, practices and footprints: funnel plots and benchmark comparison (docs/performance.md §2, comparisons). */
export * from './types';
export { compareAreas, ComparisonInputError, COMPARISON_METHODS, ENGLAND, type ComparisonInput } from './compare';
export { funnelFor, funnelOptionsFor, type FunnelOutcome } from './funnel';
