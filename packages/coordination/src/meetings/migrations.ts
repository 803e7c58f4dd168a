import type { Migration } from '@footprint/record';

/**
 * The `coordination-meetings` namespace. Multidisciplinary team meetings: the meeting, its attendees, the people discussed and their outcomes.
 */
export const meetingsMigrations: Migration[] = [];
