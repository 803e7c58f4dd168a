import type { AccessContext } from '../access-context';
import { ALL, NONE, recordedBy, type AccessTerm } from './terms';

/** The one resource type of the audit trail. */
export const AUDIT_TYPE = 'AuditEvent';

/**
 * Staff roles that read the audit trail: the privacy officer (RBAC R0001), for the accesses made
 * by their own organisation. A Caldicott guardian role, when the staff policy gains one, is
 * added here.
 */
export const AUDIT_READER_ROLES: readonly string[] = ['privacy_officer'];

/**
 * Who may read AuditEvents (who looked at whom is itself personal data):
 * - the platform (system principal): the CLI, the privacy pages' own queries, verification;
 * - a person: the AuditEvents of their own record (their compartment, as the policy bounds
 *   every patient), so they can see who looked;
 * - a privacy officer: the AuditEvents of accesses made by their organisation.
 * No partner system may, whatever its scopes (`system/*.rs` included), and no other member of
 * staff.
 */
export function readsAudit(ctx: AccessContext): boolean {
  const { principal } = ctx;
  if (principal.kind === 'system' || principal.kind === 'patient') return true;
  return principal.kind === 'user' && AUDIT_READER_ROLES.includes(principal.role) && ctx.organisation?.reference !== undefined;
}

/** Which AuditEvent rows a context may read (the patient's compartment is applied by the policy's row term). */
export function auditReadTerm(ctx: AccessContext): AccessTerm {
  if (!readsAudit(ctx)) return NONE;
  if (ctx.principal.kind === 'user') return ctx.organisation ? recordedBy(ctx.organisation.reference) : NONE;
  return ALL;
}
