/**
 * Progress ratings (docs/performance.md §6): one rating-engine interface and three engines (the
 * 2017 STP progress dashboard, NHS Oversight Framework-style segmentation, the ICS maturity
 * self-assessment), each explaining its result from its inputs; published ratings stored as data
 * with their source, never recomputed.
 */
export * from './types';
export * from './stp-dashboard';
export * from './oversight';
export * from './maturity';
export * from './published';
export * from './store';
export { defaultRatingEngines, latestReadings, ratingsOverview, type RatingEngines, type RatingSources, type RatingsOverview } from './overview';
export { ratingMigrations } from './migrations';
