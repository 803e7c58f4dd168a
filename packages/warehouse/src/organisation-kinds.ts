/**
 * The kinds of partner organisation Footprint knows, with their display names and the codes that
 * mean each one: Footprint's own organisation-kind codes
 * (https://fhir.footprint.example/CodeSystem/organisation-kind) and the NHS ODS role codes. The
 * warehouse classifies organisations with it and the server names them from it: one list.
 */
export const ORGANISATION_KINDS = [
  { kind: 'partnership', label: 'Partnership', odsRoles: [] },
  { kind: 'acute_trust', label: 'Hospital trust', odsRoles: [] },
  { kind: 'gp_practice', label: 'GP practice', odsRoles: ['RO76', 'RO177'] },
  { kind: 'pcn', label: 'Primary care network', odsRoles: ['RO272'] },
  { kind: 'community_provider', label: 'Community services provider', odsRoles: [] },
  { kind: 'mental_health_provider', label: 'Mental health trust', odsRoles: [] },
  { kind: 'local_authority', label: 'Council', odsRoles: ['RO141'] },
  { kind: 'voluntary', label: 'Voluntary organisation', odsRoles: [] },
  { kind: 'commissioner', label: 'NHS commissioner', odsRoles: ['RO98', 'RO261', 'RO318'] },
  { kind: 'provider_alliance', label: 'Provider alliance', odsRoles: [] },
  { kind: 'integrated_care_partnership', label: 'Integrated care partnership', odsRoles: [] },
  { kind: 'other', label: 'Other partner', odsRoles: [] },
] as const satisfies ReadonlyArray<{ kind: string; label: string; odsRoles: readonly string[] }>;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['kind'];

/**
 * Type code → kind: each kind's own code (except `other`, the fallback, which no code means) and
 * its ODS roles (RO76 GP practice, RO177 prescribing cost centre, RO272 PCN, RO141 local authority).
 */
export const ORGANISATION_KIND_CODES: ReadonlyMap<string, OrganisationKind> = new Map(
  ORGANISATION_KINDS.flatMap(({ kind, odsRoles }) => [...(kind === 'other' ? [] : [[kind, kind] as const]), ...odsRoles.map((role) => [role, kind] as const)]),
);

const labels = new Map<string, string>(ORGANISATION_KINDS.map((k) => [k.kind, k.label]));

/** The display name of a kind ("GP practice"); an unknown kind is shown as it is. */
export function organisationKindLabel(kind: string): string {
  return labels.get(kind) ?? kind;
}

/** The kind a type code means, or undefined. */
export function organisationKindForCode(code: string): OrganisationKind | undefined {
  return ORGANISATION_KIND_CODES.get(code);
}
