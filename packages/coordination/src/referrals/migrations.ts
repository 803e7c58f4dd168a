import type { Migration } from '@footprint/record';

/**
 * The `coordination-referrals` namespace. Referrals and tasks between partners: the coordination_referral_event log of each state change, which the sender reads.
 */
export const referralsMigrations: Migration[] = [];
