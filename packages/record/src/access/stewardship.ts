import type { AccessContext, PurposeOfUse } from '../access-context';
import { and, ALL, NONE, or, recordedBy, relationship, types, type AccessTerm } from './terms';

/**
 * Who may change what is already in the record. A write (update or delete) belongs to the
 * organisation that contributed the resource (`resource.organisation`, taken from the writer's
 * token when it was written, never from its body), unless a stewardship rule below gives it to
 * someone else as well:
 *
 * - **Demographics**: a person's `Patient` resource is stewarded by their registered GP practice
 *   (a `registered-gp` care relationship, from `Patient.generalPractitioner`), which holds their
 *   GP record, as PDS and GP systems do in England;
 * - **A person's own choices**: a patient principal may update and withdraw their own `Consent`
 *   resources (their sharing choice and opt-outs), whoever recorded them on their behalf;
 * - **Correction requests**: the organisation a correction request (`Task`) is addressed to
 *   answers it (correction-requests.ts, decided there, not here);
 * - **Care plans**: a person's `CarePlan`, `CareTeam` and `Goal`s are stewarded by every
 *   organisation in their active care team (a `care-team` care relationship);
 * - **The platform** (a system principal, or the administrator client that acts for no
 *   organisation under `SYSADMIN`) may change anything: imports it runs, merges, repairs.
 *
 * Everyone else changes only what their own organisation contributed.
 */
export const STEWARDED_BY_REGISTERED_PRACTICE: readonly string[] = ['Patient'];
/**
 * A person's care plan, their care team and their goals are shared by the team: any organisation
 * in the person's active care team (a `care-team` care relationship) may update them, whoever
 * wrote them, and the record's history names who changed what, for which organisation, and when.
 */
export const STEWARDED_BY_THE_CARE_TEAM: readonly string[] = ['CarePlan', 'CareTeam', 'Goal'];
/** Types a person may change in their own compartment whoever recorded them. */
export const STEWARDED_BY_THE_PERSON: readonly string[] = ['Consent'];

/** True for the platform itself: a system principal, or the administrator client (no organisation, SYSADMIN). */
export function isPlatform(ctx: AccessContext): boolean {
  if (ctx.principal.kind === 'system') return true;
  return ctx.principal.kind === 'client' && !ctx.organisation && ctx.purpose === ('SYSADMIN' satisfies PurposeOfUse);
}

/**
 * The rows this context may update or delete (ANDed with what it may see at all): its own
 * organisation's contributions and what a stewardship rule gives it.
 */
export function writerTerm(ctx: AccessContext, window: { encounterSince: string; now: string }): AccessTerm {
  if (isPlatform(ctx)) return ALL;
  if (ctx.principal.kind === 'patient') return types(STEWARDED_BY_THE_PERSON);
  const org = ctx.organisation?.reference;
  if (!org) return NONE;
  return or(
    recordedBy(org),
    and(types(STEWARDED_BY_REGISTERED_PRACTICE), relationship(org, window, ['registered-gp'])),
    and(types(STEWARDED_BY_THE_CARE_TEAM), relationship(org, window, ['care-team'])),
  );
}
