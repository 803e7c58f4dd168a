import type { Organization } from '@medplum/fhirtypes';
import { systemContext, type AccessContext } from '@footprint/record';
import type { WebTestEnvironment } from './harness';

const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';

/**
 * The four kinds of partner the demo users work for, so each role has an employer: a GP practice,
 * a hospital trust, a voluntary organisation and a council. Returns the practice, and the context
 * of something it records.
 */
export async function loadPartners(platform: WebTestEnvironment['platform']): Promise<{ practice: Organization; atPractice: AccessContext; system: AccessContext }> {
  const system = systemContext('SYSADMIN', 'web-test');
  const org = async (name: string, code: string, kind: string) =>
    (await platform.record.create<Organization>(system, { resourceType: 'Organization', active: true, name, identifier: [{ system: ODS, value: code }], type: [{ coding: [{ system: KIND, code: kind }] }] })).resource;
  const practice = await org('Riverside Surgery', 'N81001', 'gp_practice');
  await org('Countess General Hospital', 'RBT', 'acute_trust');
  await org('Age Well Cheshire', 'VOL01', 'voluntary');
  await org('Halton Borough Council', '00AA', 'local_authority');
  return { practice, system, atPractice: { ...system, organisation: { reference: `Organization/${practice.id}`, odsCode: 'N81001' } } };
}
