import type { Migration } from '@footprint/record';

/** The `engage-enquiries` namespace. */
export const enquiryMigrations: Migration[] = [];
