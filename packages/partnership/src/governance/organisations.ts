import type { Repository } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { membersOn } from '../organisations/members';
import type { RunningFootprint } from '../organisations/running';
import type { OrganisationRef } from './fields';

/** An organisation as governance pages show it: from the record, never a copy. */
export interface GovernanceOrganisation {
  id: string;
  odsCode?: string;
  name: string;
  kind: string;
}

/**
 * The organisations a governance member or action owner may be: the partnership body itself and
 * every organisation affiliated to it at any time (membersOn), keyed by Organization id and by ODS
 * code. One list, the record's; nothing here is a second register.
 */
export class PartnershipOrganisations {
  private constructor(private readonly byKey: Map<string, GovernanceOrganisation>) {}

  static async load(record: Repository, footprint: RunningFootprint): Promise<PartnershipOrganisations> {
    const byKey = new Map<string, GovernanceOrganisation>();
    const add = (org: GovernanceOrganisation) => {
      byKey.set(org.id, org);
      if (org.odsCode) byKey.set(org.odsCode, org);
    };
    add({ id: footprint.organisationId, ...(footprint.odsCode ? { odsCode: footprint.odsCode } : {}), name: footprint.name, kind: 'partnership' });
    for (const m of await membersOn(record, footprint.organisationId)) {
      if (!byKey.has(m.id)) add({ id: m.id, ...(m.odsCode ? { odsCode: m.odsCode } : {}), name: m.name, kind: m.kind });
    }
    return new PartnershipOrganisations(byKey);
  }

  /** The organisation stored as `ref`, or a placeholder naming what is stored when it has left the record. */
  show(ref: OrganisationRef): GovernanceOrganisation {
    return this.byKey.get(ref.id) ?? { id: ref.id, ...(ref.odsCode ? { odsCode: ref.odsCode } : {}), name: ref.odsCode ?? ref.id, kind: 'other' };
  }

  /**
   * Resolves what a person sent (an Organization id such as "org-RBT", an ODS code such as "RBT",
   * or { id } / { odsCode }) to the stored reference, refusing (400, naming `field`) anything that
   * is not one of the partnership's organisations.
   */
  resolve(value: unknown, field: string, label: string): OrganisationRef {
    const key = typeof value === 'string' ? value.trim() : value && typeof value === 'object' ? String((value as { id?: unknown; odsCode?: unknown }).id ?? (value as { odsCode?: unknown }).odsCode ?? '') : '';
    if (!key) throw new PartnershipProblem(400, `Invalid ${label}`, `${field}: give the organisation's id or ODS code`);
    const found = this.byKey.get(key) ?? this.byKey.get(key.toUpperCase());
    if (!found) throw new PartnershipProblem(400, `Invalid ${label}`, `${field}: ${key.slice(0, 40)} is not one of the partnership's organisations`);
    return { id: found.id, ...(found.odsCode ? { odsCode: found.odsCode } : {}) };
  }

  list(): GovernanceOrganisation[] {
    return [...new Set(this.byKey.values())].sort((a, b) => a.name.localeCompare(b.name));
  }
}
