import { forbidden } from '@footprint/fhir';
import type { AccessPolicy } from './policy';
import { allows, parseScopes } from './scopes';

/**
 * Who may keep "one person, one record": review suspected duplicates, merge and unmerge
 * Patient records. It is a privileged record operation, not clinical access:
 * - an administrator (staff role `administrator`) acting for operations (`HOPERAT`), who sees
 *   only the demographics needed to decide and never the clinical record;
 * - the platform itself (a system principal, e.g. the CLI);
 * - a partner system holding a system-level update scope on every type (`system/*.u`, e.g.
 *   `system/*.cruds`), because a merge rewrites references in any type.
 * Everyone else is refused with a 403 that says so.
 */
export function requireRecordIntegrity(policy: AccessPolicy): void {
  const { principal, purpose, scopes } = policy.ctx;
  if (principal.kind === 'system') return;
  if (principal.kind === 'user' && principal.role === 'administrator' && purpose === 'HOPERAT') return;
  if (principal.kind === 'client' && allows(parseScopes(scopes).filter((g) => g.context === 'system'), 'u', '*') && allows(parseScopes(scopes), 'r', 'Patient')) return;
  throw forbidden('Reviewing, merging and unmerging Patient records is for administrators (acting for operations) and systems with system/*.u');
}
