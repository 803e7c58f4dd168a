import type { Migration } from '@footprint/record';

/**
 * The `coordination-social-prescribing` namespace. Social prescribing: link workers' referrals from the directory, the person's consent and wellbeing scores.
 */
export const socialPrescribingMigrations: Migration[] = [];
