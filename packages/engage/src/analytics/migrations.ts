import type { Migration } from '@footprint/record';

/** The `engage-analytics` namespace. */
export const analyticsMigrations: Migration[] = [];
