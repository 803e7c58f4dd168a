/**
 * FHIR resources describing the partnership's organisations: an Organization and a Location for
 * each, and an OrganizationAffiliation for each membership (organisation-history.ts) with its
 * role in the partnership (PARTNERSHIP_ROLE_SYSTEM, beside HL7's organization-role `member`) and
 * its period. Generated organisations and made-up memberships carry ILLUSTRATIVE_TAG in meta.tag.
 */
import type { Address, Location, Organization, OrganizationAffiliation, Resource } from '@footprint/fhir';
import type { Footprint } from './footprint';
import type { Membership } from './organisation-history';
import type { Organisation, OrganisationDirectory } from './organisations';
import { PARTNERSHIP_ROLES } from '@footprint/fhir';
import { ILLUSTRATIVE_TAG, ODS_SYSTEM, ONS_GEOGRAPHY, ORGANISATION_KIND, ORGANIZATION_ROLE, ORGANIZATION_TYPE, PARTNERSHIP_ROLE_SYSTEM, PLACE_EXTENSION } from './systems';

const KIND_DISPLAY: Record<Organisation['kind'], string> = {
  partnership: 'Health and care partnership',
  acute_trust: 'Acute trust',
  gp_practice: 'GP practice',
  pcn: 'Primary care network',
  community_provider: 'Community health services provider',
  mental_health_provider: 'Mental health services provider',
  local_authority: 'Local authority (social care)',
  voluntary: 'Voluntary, community or social enterprise organisation',
  commissioner: 'NHS commissioner',
  provider_alliance: 'Provider alliance',
  integrated_care_partnership: 'Integrated care partnership',
};

const HL7_TYPE: Record<Organisation['kind'], [string, string]> = {
  partnership: ['govt', 'Government'],
  acute_trust: ['prov', 'Healthcare Provider'],
  gp_practice: ['prov', 'Healthcare Provider'],
  pcn: ['team', 'Organizational team'],
  community_provider: ['prov', 'Healthcare Provider'],
  mental_health_provider: ['prov', 'Healthcare Provider'],
  local_authority: ['govt', 'Government'],
  voluntary: ['cg', 'Community Group'],
  commissioner: ['govt', 'Government'],
  provider_alliance: ['other', 'Other'],
  integrated_care_partnership: ['other', 'Other'],
};

/** Kinds the generator makes up (the trusts, councils and commissioners it names are real). */
const GENERATED: ReadonlySet<Organisation['kind']> = new Set(['gp_practice', 'pcn', 'community_provider', 'mental_health_provider', 'voluntary']);
const illustrativeMeta = (yes: boolean | undefined) => (yes ? { meta: { tag: [{ ...ILLUSTRATIVE_TAG }] } } : {});
const roleLabel = new Map<string, string>(PARTNERSHIP_ROLES.map((r) => [r.code, r.label]));

export const organizationId = (code: string): string => `org-${code}`;
export const organizationRef = (code: string): { reference: string } => ({ reference: `Organization/org-${code}` });

function addressOf(org: Organisation, footprint: Footprint): Address[] | undefined {
  if (org.placeIndex === undefined) return undefined;
  const place = footprint.places[org.placeIndex];
  return [
    {
      use: 'work',
      district: place.name,
      country: 'GB',
      extension: [{ url: PLACE_EXTENSION, valueCoding: { system: ONS_GEOGRAPHY, code: place.ladCode, display: place.name } }],
    },
  ];
}

export function organizationResource(org: Organisation, directory: OrganisationDirectory): Organization {
  const identifier: NonNullable<Organization['identifier']> = org.noOdsCode ? [] : [{ system: ODS_SYSTEM, value: org.code }];
  if (org.onsCode) identifier.push({ system: ONS_GEOGRAPHY, value: org.onsCode });
  const [hl7, hl7Display] = HL7_TYPE[org.kind];
  const parent = org.kind === 'gp_practice' ? org.parentCode : org.kind === 'partnership' ? undefined : directory.partnership.code;
  return {
    resourceType: 'Organization',
    id: organizationId(org.code),
    ...illustrativeMeta(org.illustrative || GENERATED.has(org.kind)),
    ...(identifier.length ? { identifier } : {}),
    active: org.active ?? true,
    type: [
      { coding: [{ system: ORGANISATION_KIND, code: org.kind, display: KIND_DISPLAY[org.kind] }] },
      { coding: [{ system: ORGANIZATION_TYPE, code: hl7, display: hl7Display }] },
    ],
    name: org.name,
    ...(addressOf(org, directory.footprint) ? { address: addressOf(org, directory.footprint) } : {}),
    ...(parent ? { partOf: organizationRef(parent) } : {}),
  };
}

export function locationResource(org: Organisation, directory: OrganisationDirectory): Location {
  const address = addressOf(org, directory.footprint)?.[0];
  return {
    resourceType: 'Location',
    id: `loc-${org.code}`,
    status: 'active',
    name: org.name,
    mode: 'instance',
    managingOrganization: organizationRef(org.code),
    ...(address ? { address } : {}),
  };
}

export function affiliationResource(membership: Membership): OrganizationAffiliation {
  // `active` stays true when the period has ended: the membership was real then, and the register
  // answers for past dates. active false means the affiliation is withdrawn (never counted).
  return {
    resourceType: 'OrganizationAffiliation',
    id: membership.id,
    ...illustrativeMeta(membership.illustrative),
    active: true,
    ...(membership.start || membership.end ? { period: { ...(membership.start ? { start: membership.start } : {}), ...(membership.end ? { end: membership.end } : {}) } } : {}),
    organization: organizationRef(membership.primary),
    participatingOrganization: organizationRef(membership.member),
    ...(membership.network ? { network: [organizationRef(membership.network)] } : {}),
    code: [
      { coding: [{ system: PARTNERSHIP_ROLE_SYSTEM, code: membership.role, display: roleLabel.get(membership.role) ?? membership.role }] },
      { coding: [{ system: ORGANIZATION_ROLE, code: 'member', display: 'Member' }] },
    ],
  };
}

/** The directory's resources in load order: every Organization (parents first), then Locations, then affiliations. */
export function directoryResources(directory: OrganisationDirectory): Resource[] {
  const orgs = directory.all();
  const out: Resource[] = orgs.map((o) => organizationResource(o, directory));
  for (const o of orgs) out.push(locationResource(o, directory));
  for (const m of directory.memberships) out.push(affiliationResource(m));
  return out;
}
