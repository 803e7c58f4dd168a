/**
 * FHIR resources describing the partnership's organisations: an Organization and a Location for
 * each, and an OrganizationAffiliation tying each partner to the partnership organisation.
 */
import type { Address, Location, Organization, OrganizationAffiliation, Resource } from '@footprint/fhir';
import type { Footprint } from './footprint';
import type { Organisation, OrganisationDirectory } from './organisations';
import { ODS_SYSTEM, ONS_GEOGRAPHY, ORGANISATION_KIND, ORGANIZATION_ROLE, ORGANIZATION_TYPE, PLACE_EXTENSION } from './systems';

const KIND_DISPLAY: Record<Organisation['kind'], string> = {
  partnership: 'Health and care partnership',
  acute_trust: 'Acute trust',
  gp_practice: 'GP practice',
  pcn: 'Primary care network',
  community_provider: 'Community health services provider',
  mental_health_provider: 'Mental health services provider',
  local_authority: 'Local authority (social care)',
  voluntary: 'Voluntary, community or social enterprise organisation',
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
};

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
  const identifier: Organization['identifier'] = [{ system: ODS_SYSTEM, value: org.code }];
  if (org.onsCode) identifier.push({ system: ONS_GEOGRAPHY, value: org.onsCode });
  const [hl7, hl7Display] = HL7_TYPE[org.kind];
  const parent = org.kind === 'gp_practice' ? org.parentCode : org.kind === 'partnership' ? undefined : directory.partnership.code;
  return {
    resourceType: 'Organization',
    id: organizationId(org.code),
    identifier,
    active: true,
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

export function affiliationResource(org: Organisation, directory: OrganisationDirectory): OrganizationAffiliation {
  return {
    resourceType: 'OrganizationAffiliation',
    id: `aff-${org.code}`,
    active: true,
    organization: organizationRef(directory.partnership.code),
    participatingOrganization: organizationRef(org.code),
    ...(org.kind === 'gp_practice' && org.parentCode ? { network: [organizationRef(org.parentCode)] } : {}),
    code: [{ coding: [{ system: ORGANIZATION_ROLE, code: 'member', display: 'Member' }] }],
  };
}

/** The directory's resources in load order: every Organization (parents first), then Locations, then affiliations. */
export function directoryResources(directory: OrganisationDirectory): Resource[] {
  const orgs = directory.all();
  const out: Resource[] = orgs.map((o) => organizationResource(o, directory));
  for (const o of orgs) out.push(locationResource(o, directory));
  for (const o of orgs) if (o.kind !== 'partnership') out.push(affiliationResource(o, directory));
  return out;
}
