import { PARTNERSHIP_ROLES, type PartnershipRoleCode } from '@footprint/fhir';

/**
 * The roles an organisation holds in a partnership (or in an alliance or integrated care
 * partnership within it), as OrganizationAffiliation.code codings in PARTNERSHIP_ROLE_SYSTEM.
 * The system and its codes are defined once in @footprint/fhir (the generator writes them too);
 * these are the partnership's names for them. The register of member organisations is the
 * record's Organization and OrganizationAffiliation resources: one list, which the FHIR API, the
 * web app, the public register and the warehouse all read.
 */
export { PARTNERSHIP_ROLE_SYSTEM, PARTNERSHIP_ROLES, type PartnershipRoleCode } from '@footprint/fhir';

const labels = new Map<string, string>(PARTNERSHIP_ROLES.map((r) => [r.code, r.label]));

export function partnershipRoleLabel(code: string): string {
  return labels.get(code) ?? code;
}

export function isPartnershipRole(code: string): code is PartnershipRoleCode {
  return labels.has(code);
}
