import type { Organization, OrganizationAffiliation } from '@footprint/fhir';
import { ODS_SYSTEM } from '@footprint/fhir';
import { ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, PARTNERSHIP_ROLE_SYSTEM } from '@footprint/partnership';
import { systemContext } from '@footprint/record';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import type { Platform } from '../src/platform';
import type { TestServer } from './support';

const organisation = (code: string, name: string, kind: string, ons?: string): Organization => ({
  resourceType: 'Organization',
  id: `org-${code}`,
  identifier: [{ system: ODS_SYSTEM, value: code }, ...(ons ? [{ system: ONS_SYSTEM, value: ons }] : [])],
  name,
  type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: kind }] }],
});
const affiliation = (id: string, of: string, member: string, role: string, period: { start?: string; end?: string }): OrganizationAffiliation => ({
  resourceType: 'OrganizationAffiliation',
  id,
  organization: { reference: `Organization/org-${of}` },
  participatingOrganization: { reference: `Organization/org-${member}` },
  code: [{ coding: [{ system: PARTNERSHIP_ROLE_SYSTEM, code: role }] }],
  period,
});

/** The partnership body of Cheshire and Merseyside, two trusts (one only until 2019), and an alliance with a member, in the record. */
export async function loadPartnershipBody(platform: Pick<Platform, 'record'>): Promise<void> {
  const ctx = systemContext('HOPERAT');
  const resources = [
    organisation('QYG', 'Cheshire and Merseyside Health and Care Partnership', 'partnership', 'E54000008'),
    organisation('RBL', 'Wirral University Teaching Hospital NHS Foundation Trust', 'acute_trust'),
    organisation('RQ6', 'Royal Liverpool and Broadgreen University Hospitals NHS Trust', 'acute_trust'),
    organisation('MMA1', 'Mid Mersey Alliance', 'provider_alliance'),
    affiliation('aff-rbl', 'QYG', 'RBL', 'nhs-provider', { start: '2016-04-01' }),
    affiliation('aff-rq6', 'QYG', 'RQ6', 'nhs-provider', { start: '2016-04-01', end: '2019-09-30' }),
    affiliation('aff-mma', 'QYG', 'MMA1', 'member', { start: '2017-01-01' }),
    affiliation('aff-mma-rbl', 'MMA1', 'RBL', 'lead-provider', { start: '2017-01-01' }),
  ];
  for (const resource of resources) await platform.record.update(ctx, resource as never);
}

/** The partnership body and its members, then the demo's partnership seed, as `footprint demo` and the browser harness run it. */
export async function loadPartnership(server: TestServer): Promise<void> {
  await loadPartnershipBody(server.platform);
  if (!(await seedPartnershipDemo(server.platform))) throw new Error('the record holds no partnership body after loading one');
}
