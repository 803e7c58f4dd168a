/**
 * @footprint/performance: the plan measured. The indicator catalogue and values (computed from
 * the warehouse or imported as CSV), statistical process control, comparisons and funnel plots,
 * the plan's scorecard, progress ratings and the board report. See docs/performance.md.
 */
export * from './types';
export { performanceMigrationSets } from './migrations';
export * from './indicators';
export * from './spc';
export * from './compute';
export * from './compare';
export * from './scorecard';
export * from './ratings';
export * from './report';
