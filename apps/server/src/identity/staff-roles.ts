import { STAFF_ROLE_CODES, STAFF_ROLES, type StaffRole } from '@footprint/record';
import { ROLE_LABELS, ROLE_ORGANISATION_KIND } from '../api/auth/roles';
import type { PartnerOrganisation } from '../api/partner-organisations';
import type { NationalRbacRole } from './accounts';

/** A role the person may act in at sign-in: one of their CIS2 roles, at a partner organisation, as a Footprint role. */
export interface RoleChoice {
  /** CIS2's person role id (what `selected_roleid` names). */
  personRoleId: string;
  role: StaffRole;
  roleLabel: string;
  /** The national RBAC job-role code the role came from, e.g. R8000. */
  rbacCode: string;
  organisation: PartnerOrganisation;
}

const TRUST_KINDS = new Set(['acute_trust', 'community_provider', 'mental_health_provider']);

/** Whether a role is one people hold at this kind of organisation (a clinician at a trust is a hospital clinician). */
function fitsOrganisation(role: StaffRole, kind: PartnerOrganisation['kind']): boolean {
  if (role === 'hospital_clinician') return TRUST_KINDS.has(kind);
  return ROLE_ORGANISATION_KIND[role] === kind;
}

/**
 * The Footprint role for a CIS2 role: its job-role code (the last part of `role_code`,
 * `S…:G…:R8000`) is matched to the staff roles' codes (STAFF_ROLE_CODES); where several roles
 * share a code (R8000 is both GP and hospital clinician) the organisation's kind decides. A
 * role at an organisation that is not a partner, or with no Footprint equivalent, gives nothing.
 */
export function footprintRole(rbac: NationalRbacRole, organisations: ReadonlyMap<string, PartnerOrganisation>): RoleChoice | undefined {
  const organisation = organisations.get(rbac.org_code);
  const code = rbac.role_code.split(':').pop() ?? '';
  if (!organisation || !code) return undefined;
  const candidates = STAFF_ROLES.filter((role) => STAFF_ROLE_CODES[role].code === code);
  const role = candidates.length === 1 ? candidates[0] : candidates.find((r) => fitsOrganisation(r, organisation.kind));
  if (!role) return undefined;
  return { personRoleId: rbac.person_roleid, role, roleLabel: ROLE_LABELS[role], rbacCode: code, organisation };
}

function isRbacRole(value: unknown): value is NationalRbacRole {
  const v = value as Partial<NationalRbacRole> | null;
  return typeof v === 'object' && v !== null && typeof v.person_roleid === 'string' && typeof v.org_code === 'string' && typeof v.role_code === 'string';
}

/**
 * The roles a member of staff may choose from, from their CIS2 claims: every mappable role in
 * `nhsid_nrbac_roles`, or only the one `selected_roleid` names when CIS2 already asked them.
 */
export function roleChoices(claims: Record<string, unknown>, organisations: readonly PartnerOrganisation[]): RoleChoice[] {
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const roles = Array.isArray(claims.nhsid_nrbac_roles) ? claims.nhsid_nrbac_roles.filter(isRbacRole) : [];
  const selected = typeof claims.selected_roleid === 'string' ? claims.selected_roleid : undefined;
  return roles
    .filter((r) => selected === undefined || r.person_roleid === selected)
    .map((r) => footprintRole(r, byCode))
    .filter((c): c is RoleChoice => c !== undefined);
}
