import type { PurposeOfUse } from '../access-context';

/**
 * Purposes of use that never read identifiable records: health care operations (HOPERAT),
 * planning and public health (PUBHLTH) and research (HRESCH). A partner system or an app acting
 * for one of them is served by the pseudonymised warehouse; in the record it may read only
 * reference data that belongs to no person (organisations, practitioners, locations). Members of
 * staff are governed by their role's purposes (staff-policy.ts: an administrator counts
 * registrations for operations), and the platform's own jobs (the warehouse build under
 * PUBHLTH, record matching under HOPERAT) are system principals, which this does not bind.
 */
export const SECONDARY_PURPOSES: readonly PurposeOfUse[] = ['HOPERAT', 'PUBHLTH', 'HRESCH'];

export function isSecondaryUse(purpose: PurposeOfUse): boolean {
  return SECONDARY_PURPOSES.includes(purpose);
}

/** The 403 for an identifiable read under a secondary purpose. */
export function SECONDARY_USE_REFUSAL(purpose: PurposeOfUse): string {
  return `Purpose of use ${purpose} reads no identifiable record: operations, planning and research use the pseudonymised warehouse`;
}
