import type { Migration } from '@footprint/record';

/** The `engage-moderation` namespace. */
export const moderationMigrations: Migration[] = [];
