import type { Organization } from '@medplum/fhirtypes';
import { ODS_SYSTEM, odsCodeProblem } from '@footprint/fhir';
import { systemContext, type Repository } from '@footprint/record';
import { ApiProblem } from '../problem';
import type { StaffUser } from '../auth/users';

/**
 * The organisation a member of staff works for, found by its ODS code among the record's
 * Organizations (every partner's Organization carries its ODS code). An unknown code is refused:
 * an account must act for an organisation the record knows, or the staff policy grants it nothing.
 */
export async function resolveOrganisation(record: Repository, input: string): Promise<NonNullable<StaffUser['organisation']>> {
  const code = input.trim().toUpperCase();
  const problem = odsCodeProblem(code);
  if (problem) throw new ApiProblem(400, 'Not an ODS code', `"${input.trim()}": ${problem}`);
  const page = await record.search(systemContext('SYSADMIN', 'footprint-accounts'), 'Organization', [
    ['identifier', `${ODS_SYSTEM}|${code}`],
    ['_count', '2'],
  ]);
  const found = page.matches as Organization[];
  if (found.length === 0) throw new ApiProblem(400, 'Unknown organisation', `No organisation with ODS code ${code} is in the record. Load the partner's Organization first.`);
  if (found.length > 1) throw new ApiProblem(400, 'Organisation is ambiguous', `More than one Organization in the record has ODS code ${code}.`);
  const org = found[0];
  return { code, name: org.name ?? code, reference: `Organization/${org.id}` };
}
