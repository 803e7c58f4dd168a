/** Staff analytics of consultations: responses over time, answers by group, themes in the free text, export to CSV. */
export * from './types';
export { AnalyticsStore } from './store';
export { aboutYouKey, answersByGroup, NOT_ANSWERED, whoResponded } from './groups';
export { responsesCsv } from './export';
