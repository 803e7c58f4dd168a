import type { Organization } from '@footprint/fhir';
import { ODS_SYSTEM } from '@footprint/fhir';
import { systemContext, type Repository } from '@footprint/record';
import { PartnershipProblem } from '../errors';

/**
 * Programmes name their lead organisation by ODS code; the organisation itself is the record's
 * (one list of organisations, not two). These read names from the record, and refuse a lead that
 * the record does not hold.
 */
async function byOdsCode(record: Repository, code: string): Promise<Organization | undefined> {
  const page = await record.search(systemContext('HOPERAT'), 'Organization', [['identifier', `${ODS_SYSTEM}|${code}`], ['_count', '1']]);
  return page.matches[0] as Organization | undefined;
}

/** The record's names of these organisations by ODS code (codes the record lacks are left out). */
export async function organisationNames(record: Repository, codes: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) {
    const org = await byOdsCode(record, code);
    if (org?.name) names.set(code, org.name);
  }
  return names;
}

/** Refuses (400, naming the field) a lead organisation the record does not hold. */
export async function checkLeadOrganisation(record: Repository, code: string | undefined): Promise<void> {
  if (code === undefined) return;
  if (!(await byOdsCode(record, code))) throw new PartnershipProblem(400, 'Invalid programme', `leadOrganisation: no organisation in the record has ODS code ${code}.`);
}
