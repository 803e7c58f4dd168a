import type { Migration } from '@footprint/record';

/** The `engage-content` namespace. */
export const contentMigrations: Migration[] = [];
