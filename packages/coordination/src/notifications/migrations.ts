import type { Migration } from '@footprint/record';

/**
 * The `coordination-notifications` namespace. Notifications: the FHIR Subscription delivery queue (REST-hook, retried with backoff) and email notices.
 */
export const notificationsMigrations: Migration[] = [];
