import type { SqlParams } from '../../db/sql-params';
import { relationship, type AccessTerm } from '../terms';
import { TREATING_NOW_BASES } from '../trust-codes';

type Term<K extends AccessTerm['kind']> = Extract<AccessTerm, { kind: K }>;

/**
 * Rows the person's sharing choice in force lets `organisation` see; `window` is the care
 * relationship window (encounters count from `encounterSince`, episodes and teams until `now`).
 */
export const sharingChoicePermits = (organisation: string, window: { encounterSince: string; now: string }): AccessTerm => ({
  kind: 'sharingChoice',
  organisation,
  ...window,
});
/** Rows of people who agreed to share with the voluntary organisation `organisation`. */
export const voluntarySharing = (organisation: string): AccessTerm => ({ kind: 'voluntaryShare', organisation });
/** Rows usable for planning and research: not withheld by a national data opt-out or a Type 1 opt-out. */
export const notOptedOut = (): AccessTerm => ({ kind: 'notOptedOut' });

/**
 * The newest active sharing choice (by the Consent's dateTime, then its write) decides; with none,
 * every partner may see (`all-partners`). `gp-and-treating` needs a care relationship, in the
 * same window as every relationship, whose basis is one of TREATING_NOW_BASES (`treatingNow`
 * compiles that relationship term over the sharing_choice row `access_sc`); `recording-organisation` only
 * the row's own recording organisation. An unknown choice denies.
 */
export function sharingChoiceSql(t: Term<'sharingChoice'>, alias: string, params: SqlParams, treatingNow: (term: AccessTerm, alias: string) => string): string {
  const org = params.add(t.organisation);
  const treating = treatingNow(relationship(t.organisation, { encounterSince: t.encounterSince, now: t.now }, TREATING_NOW_BASES), 'access_sc');
  return `COALESCE((SELECT CASE access_sc.choice
      WHEN 'all-partners' THEN TRUE
      WHEN 'gp-and-treating' THEN ${treating}
      WHEN 'recording-organisation' THEN COALESCE(${alias}.organisation = ${org}, FALSE)
      ELSE FALSE END
    FROM sharing_choice access_sc WHERE access_sc.patient_id = ${alias}.patient_id ORDER BY access_sc.effective DESC, access_sc.seq DESC LIMIT 1), TRUE)`;
}

/** An active voluntary-sharing Consent of the row's person names this organisation. */
export function voluntaryShareSql(t: Term<'voluntaryShare'>, alias: string, params: SqlParams): string {
  return `EXISTS (SELECT 1 FROM voluntary_share access_vs WHERE access_vs.patient_id = ${alias}.patient_id AND access_vs.organisation = ${params.add(t.organisation)})`;
}

/**
 * Excludes every row of a person with an active national data opt-out, and the rows a practice
 * recorded for a person with a Type 1 opt-out at that practice. Consents themselves stay visible:
 * they are how a reader learns that someone opted out (the warehouse removes their rows on refresh).
 */
export function notOptedOutSql(_t: Term<'notOptedOut'>, alias: string): string {
  return `(${alias}.resource_type = 'Consent' OR NOT EXISTS (SELECT 1 FROM data_opt_out access_oo WHERE access_oo.patient_id = ${alias}.patient_id
    AND (access_oo.opt_out = 'national-data-opt-out' OR access_oo.practice = ${alias}.organisation)))`;
}
