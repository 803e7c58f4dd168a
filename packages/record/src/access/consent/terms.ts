import type { SqlParams } from '../../db/sql-params';
import type { AccessTerm } from '../terms';
import { TREATING_NOW_BASES } from '../trust-codes';

type Term<K extends AccessTerm['kind']> = Extract<AccessTerm, { kind: K }>;

/** Rows the person's sharing choice in force lets `organisation` see. */
export const sharingChoicePermits = (organisation: string): AccessTerm => ({ kind: 'sharingChoice', organisation });
/** Rows of people who agreed to share with the voluntary organisation `organisation`. */
export const voluntarySharing = (organisation: string): AccessTerm => ({ kind: 'voluntaryShare', organisation });
/** Rows usable for planning and research: not withheld by a national data opt-out or a Type 1 opt-out. */
export const notOptedOut = (): AccessTerm => ({ kind: 'notOptedOut' });

/**
 * The newest active sharing choice (by the Consent's dateTime, then its write) decides; with none,
 * every partner may see (`all-partners`). `gp-and-treating` needs a care relationship whose basis
 * is one of TREATING_NOW_BASES (H1's `care_relationship` table); `recording-organisation` only
 * the row's own recording organisation. An unknown choice denies.
 */
export function sharingChoiceSql(t: Term<'sharingChoice'>, alias: string, params: SqlParams): string {
  const org = params.add(t.organisation);
  return `COALESCE((SELECT CASE s.choice
      WHEN 'all-partners' THEN TRUE
      WHEN 'gp-and-treating' THEN EXISTS (SELECT 1 FROM care_relationship cr WHERE cr.patient_id = s.patient_id
        AND cr.organisation = ${org} AND cr.basis = ANY(${params.add([...TREATING_NOW_BASES])}::text[]))
      WHEN 'recording-organisation' THEN COALESCE(${alias}.organisation = ${org}, FALSE)
      ELSE FALSE END
    FROM sharing_choice s WHERE s.patient_id = ${alias}.patient_id ORDER BY s.effective DESC, s.seq DESC LIMIT 1), TRUE)`;
}

/** An active voluntary-sharing Consent of the row's person names this organisation. */
export function voluntaryShareSql(t: Term<'voluntaryShare'>, alias: string, params: SqlParams): string {
  return `EXISTS (SELECT 1 FROM voluntary_share v WHERE v.patient_id = ${alias}.patient_id AND v.organisation = ${params.add(t.organisation)})`;
}

/**
 * Excludes every row of a person with an active national data opt-out, and the rows a practice
 * recorded for a person with a Type 1 opt-out at that practice. Consents themselves stay visible:
 * they are how a reader learns that someone opted out (the warehouse removes their rows on refresh).
 */
export function notOptedOutSql(_t: Term<'notOptedOut'>, alias: string): string {
  return `(${alias}.resource_type = 'Consent' OR NOT EXISTS (SELECT 1 FROM data_opt_out o WHERE o.patient_id = ${alias}.patient_id
    AND (o.opt_out = 'national-data-opt-out' OR o.practice = ${alias}.organisation)))`;
}
