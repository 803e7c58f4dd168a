import type { Organization, Patient } from '@medplum/fhirtypes';
import { systemContext, type Repository } from '@footprint/record';
import { ODS_SYSTEM } from '@footprint/fhir';
import { organisationKindForCode, type OrganisationKind } from '@footprint/warehouse';

/** An organisation kind from the one list in @footprint/warehouse (organisation-kinds.ts). */
export type PartnerKind = OrganisationKind;

/** A partner organisation as held in the record. */
export interface PartnerOrganisation {
  id: string;
  code: string;
  name: string;
  kind: PartnerKind;
}

/**
 * Classifies an Organization by its type codes (Footprint's organisation-kind codes, or ODS role
 * codes), falling back on its ODS code's shape (a GP practice is a letter and five digits).
 */
export function partnerKind(org: Organization): PartnerKind {
  for (const type of org.type ?? []) {
    for (const coding of type.coding ?? []) {
      const kind = coding.code ? organisationKindForCode(coding.code) : undefined;
      if (kind) return kind;
    }
  }
  const code = org.identifier?.find((i) => i.system === ODS_SYSTEM)?.value ?? '';
  if (/^[A-Z]\d{5}$/.test(code)) return 'gp_practice';
  return 'other';
}

/** Every Organization in the record with an ODS code, classified. */
export async function listPartnerOrganisations(record: Repository): Promise<PartnerOrganisation[]> {
  const ctx = systemContext('HOPERAT');
  const out: PartnerOrganisation[] = [];
  let cursor: string | undefined;
  do {
    const page = await record.search(ctx, 'Organization', [['_count', '1000'], ...(cursor ? ([['_cursor', cursor]] as const) : [])]);
    for (const org of page.matches as Organization[]) {
      const code = org.identifier?.find((i) => i.system === ODS_SYSTEM)?.value;
      if (org.id && code) out.push({ id: org.id, code, name: org.name ?? code, kind: partnerKind(org) });
    }
    cursor = page.next;
  } while (cursor);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The GP practice most of a sample of registered patients belong to (so the demo GP has a full worklist). */
export async function busiestPractice(record: Repository, practices: PartnerOrganisation[]): Promise<PartnerOrganisation | undefined> {
  if (practices.length === 0) return undefined;
  const sample = await record.search(systemContext('HOPERAT'), 'Patient', [['_count', '200']]);
  const counts = new Map<string, number>();
  for (const patient of sample.matches as Patient[]) {
    const ref = patient.generalPractitioner?.[0]?.reference?.replace(/^.*Organization\//, '');
    if (ref) counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return [...practices].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0];
}
