import type { Organization, OrganizationAffiliation } from '@footprint/fhir';
import { ODS_SYSTEM } from '@footprint/fhir';
import { systemContext, type Repository } from '@footprint/record';
import { ONS_SYSTEM, ORGANISATION_KIND_SYSTEM } from '../organisations/members';

/**
 * For tests (the package's and the server's, which may not reach into each other's folders): a
 * small partnership in the record: the partnership body (ONS
 * E54000008), a trust, two councils, a voluntary organisation (all affiliated), and one
 * organisation that is in the record but not a member.
 */
export async function loadTestPartnership(record: Repository): Promise<void> {
  const ctx = systemContext('SYSADMIN', 'governance-test');
  const org = async (id: string, name: string, ods: string, kind: string, ons?: string) =>
    record.update<Organization>(ctx, {
      resourceType: 'Organization',
      id,
      name,
      identifier: [{ system: ODS_SYSTEM, value: ods }, ...(ons ? [{ system: ONS_SYSTEM, value: ons }] : [])],
      type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: kind }] }],
    } as Organization);
  await org('org-QYG', 'Cheshire and Merseyside Health and Care Partnership', 'QYG', 'partnership', 'E54000008');
  const members: Array<[string, string, string, string]> = [
    ['org-RBT', 'Mid Cheshire Hospitals NHS Foundation Trust', 'RBT', 'acute_trust'],
    ['org-ZL101', 'Cheshire East Council', 'ZL101', 'local_authority'],
    ['org-ZL109', 'Wirral Council', 'ZL109', 'local_authority'],
    ['org-VOL01', 'Age Well Cheshire', 'VOL01', 'voluntary'],
  ];
  for (const [id, name, ods, kind] of members) {
    await org(id, name, ods, kind);
    await record.update<OrganizationAffiliation>(ctx, {
      resourceType: 'OrganizationAffiliation',
      id: `aff-${ods}`,
      active: true,
      organization: { reference: 'Organization/org-QYG' },
      participatingOrganization: { reference: `Organization/${id}` },
    } as OrganizationAffiliation);
  }
  await org('org-RXX', 'Somewhere Else NHS Trust', 'RXX', 'acute_trust');
}
