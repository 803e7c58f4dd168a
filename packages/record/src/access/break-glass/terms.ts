import type { SqlParams } from '../../db/sql-params';
import type { AccessTerm } from '../terms';

type BreakGlassTerm = Extract<AccessTerm, { kind: 'breakGlass' }>;

/** Rows of people `userId`, acting for `organisation`, holds an unexpired break-glass grant for. */
export const breakGlassGrant = (userId: string, organisation: string): AccessTerm => ({ kind: 'breakGlass', userId, organisation });

/**
 * The grant as an EXISTS join on `break_glass_grant`, expiry applied at query time (the
 * statement's clock), so a grant lapses on the minute without anything rewriting it.
 */
export function breakGlassSql(t: BreakGlassTerm, alias: string, params: SqlParams): string {
  return `EXISTS (SELECT 1 FROM break_glass_grant access_bg WHERE access_bg.patient_id = ${alias}.patient_id AND access_bg.user_id = ${params.add(t.userId)}
    AND access_bg.organisation = ${params.add(t.organisation)} AND access_bg.expires_at > statement_timestamp())`;
}
