/** The plan's scorecard: each ambition against its trajectory, by place, grouped by triple-aim gap (docs/performance.md §5). */
export * from './types';
export { buildScorecard, scorecardAmbition, ambitionTarget, planDirection, ambitionScale, indicatorRefs, checkPeriod, ScorecardInputError, SCORECARD_METHODS, type ScorecardInput, type ScorecardFootprint } from './build';
export { scorecardCell, noDataCell, type CellInput } from './cell';
export { trajectoryAt, type TrajectoryPath } from './trajectory';
export { trendOf, TREND_MONTHS, TREND_MINIMUM_POINTS } from './trend';
export { VARIATION_WORDS, ASSURANCE_WORDS, STATUS_WORDS, signalOrNoise, withUnit } from './words';
export { monthIndex, monthOf, isMonth } from './periods';
export { ambitionDrillDown, indicatorHref, type AmbitionDrillDown, type DrillDownCell, type DrillDownIndicator, type DrillDownInput } from './detail';
