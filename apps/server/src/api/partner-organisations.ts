import type { Organization, Patient } from '@medplum/fhirtypes';
import { systemContext, type Repository } from '@footprint/record';
import { ODS_SYSTEM } from './care-record/present';

export type PartnerKind = 'gp_practice' | 'acute_trust' | 'local_authority' | 'other';

/** A partner organisation as held in the record. */
export interface PartnerOrganisation {
  id: string;
  code: string;
  name: string;
  kind: PartnerKind;
}

/**
 * Classifies an Organization by its type coding (ODS role codes such as RO76/RO177 for GP
 * practices, RO197 for NHS trusts, RO141 for local authorities, or their display text), falling
 * back on its ODS code's shape (a practice is a letter and five digits).
 */
export function partnerKind(org: Organization): PartnerKind {
  const text = (org.type ?? [])
    .flatMap((t) => [t.text, ...(t.coding ?? []).flatMap((c) => [c.code, c.display])])
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  const code = org.identifier?.find((i) => i.system === ODS_SYSTEM)?.value ?? '';
  if (/\bro76\b|\bro177\b|gp practice|gp_practice|general practice|prescribing cost centre/.test(text)) return 'gp_practice';
  if (/\bro141\b|local authority|local_authority|council/.test(text)) return 'local_authority';
  if (/\bro197\b|\bro57\b|acute|nhs trust|acute_trust/.test(text)) return 'acute_trust';
  if (/^[A-Z]\d{5}$/.test(code)) return 'gp_practice';
  if (/council/i.test(org.name ?? '')) return 'local_authority';
  if (/hospital|teaching|nhs foundation trust|nhs trust/i.test(org.name ?? '') && /^R[A-Z0-9]{2}$/.test(code)) return 'acute_trust';
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
