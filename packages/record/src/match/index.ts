/**
 * One person, one record: Patient/$match (NHS number first, then demographics, each candidate
 * scored and graded), screening of new records into a review queue, and merge and unmerge.
 * The rules are written out for an information governance lead in docs/matching.md.
 */
export { matchPatients, DEFAULT_MATCH_COUNT, MAX_MATCH_COUNT, type MatchRequest, type PatientMatch } from './match';
export { scoreMatch, THRESHOLDS, WEIGHTS, type MatchGrade, type MatchScore } from './score';
export { demographicsOf, type Demographics } from './demographics';
export { screenPatients, holdsPatient } from './screen';
export { mergePatients, type MergeRequest, type MergeResult } from './merge';
export { unmergePatients, type UnmergeResult } from './unmerge';
export { currentRecordsOf } from './current-record';
export { listMatchReviews, readMatchReview, decideMatchReview, type DemographicSummary, type ReviewedPair } from './reviews';
export { MATCH_REVIEW_STATUSES, type MatchReview, type MatchReviewStatus } from './reviews-sql';
export { matchingMigrations } from './migrations';
