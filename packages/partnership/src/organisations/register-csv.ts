import type { Organization, OrganizationAffiliation } from '@footprint/fhir';
import { ODS_SYSTEM, ONS_SYSTEM } from '@footprint/fhir';
import type { Repository } from '@footprint/record';
import { writeCsv } from '../csv/csv';
import { affiliationPeriod, affiliationRole, identifierOf, isIllustrative, organisationIdOf, organisationKindOf, searchAll } from './members';

/**
 * The register of organisations and memberships as CSV: one row per membership (an
 * OrganizationAffiliation, from the member's side), and one row with empty membership columns for
 * an organisation that belongs to nothing. Organisation columns repeat on each of its rows.
 */
export const REGISTER_COLUMNS = [
  'ods_code',
  'ons_code',
  'name',
  'kind',
  'role',
  'start',
  'end',
  'member_of',
  'organisation_id',
  'membership_id',
  'organisation_active',
  'membership_active',
  'organisation_illustrative',
  'membership_illustrative',
] as const;

export type RegisterRow = Record<(typeof REGISTER_COLUMNS)[number], string>;

/** The whole register as rows, ordered by organisation id, then membership id (so two exports compare line by line). */
export async function registerRows(record: Repository, kindOf: (org: Organization) => string = organisationKindOf): Promise<RegisterRow[]> {
  const [organisations, affiliations] = await Promise.all([
    searchAll<Organization>(record, 'Organization', []),
    searchAll<OrganizationAffiliation>(record, 'OrganizationAffiliation', []),
  ]);
  const byMember = new Map<string, OrganizationAffiliation[]>();
  for (const a of affiliations) {
    const member = organisationIdOf(a.participatingOrganization?.reference);
    if (member) byMember.set(member, [...(byMember.get(member) ?? []), a]);
  }
  const rows: RegisterRow[] = [];
  for (const org of [...organisations].sort((a, b) => a.id!.localeCompare(b.id!))) {
    const base = {
      ods_code: identifierOf(org, ODS_SYSTEM) ?? '',
      ons_code: identifierOf(org, ONS_SYSTEM) ?? '',
      name: org.name ?? '',
      kind: kindOf(org),
      organisation_id: org.id!,
      organisation_active: org.active === false ? 'false' : 'true',
      organisation_illustrative: isIllustrative(org) ? 'true' : 'false',
    };
    const memberships = (byMember.get(org.id!) ?? []).sort((a, b) => a.id!.localeCompare(b.id!));
    if (memberships.length === 0) rows.push({ ...base, role: '', start: '', end: '', member_of: '', membership_id: '', membership_active: '', membership_illustrative: '' });
    for (const a of memberships) {
      const period = affiliationPeriod(a);
      rows.push({
        ...base,
        role: affiliationRole(a),
        start: period.start ?? '',
        end: period.end ?? '',
        member_of: organisationIdOf(a.organization?.reference) ?? '',
        membership_id: a.id!,
        membership_active: a.active === false ? 'false' : 'true',
        membership_illustrative: isIllustrative(a) ? 'true' : 'false',
      });
    }
  }
  return rows;
}

export async function exportRegisterCsv(record: Repository, kindOf?: (org: Organization) => string): Promise<string> {
  return writeCsv(REGISTER_COLUMNS, await registerRows(record, kindOf));
}
