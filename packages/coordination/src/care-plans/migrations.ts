import type { Migration } from '@footprint/record';

/**
 * The `coordination-care-plans` namespace. Shared care plans: template choices and the plan's change log beyond the record's own history, if any is needed.
 */
export const carePlansMigrations: Migration[] = [];
