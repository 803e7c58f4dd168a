import type { Organization } from '@footprint/fhir';
import { ODS_SYSTEM } from '@footprint/fhir';
import { systemContext, type Repository } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { ONS_SYSTEM, ORGANISATION_KIND_SYSTEM } from '@footprint/fhir';

/** The footprint this instance serves: its partnership body in the record, and the codes the register keys it by. */
export interface RunningFootprint {
  /** ONS code (E54000008): the key of everything the register and plan hold for it. */
  onsCode: string;
  odsCode?: string;
  /** The partnership body's name in the record. */
  name: string;
  /** The partnership body's Organization id in the record (the `organization` of every member's OrganizationAffiliation). */
  organisationId: string;
}

/**
 * Finds the running footprint: the record's Organization of kind `partnership` (with an ONS
 * identifier). With several, `onsCode` (from FOOTPRINT_PARTNERSHIP) chooses. Undefined when the
 * record holds no partnership body yet (an empty server before its first import).
 */
export async function runningFootprint(record: Repository, onsCode: string | undefined = process.env.FOOTPRINT_PARTNERSHIP || undefined): Promise<RunningFootprint | undefined> {
  const page = await record.search(systemContext('HOPERAT'), 'Organization', [['type', `${ORGANISATION_KIND_SYSTEM}|partnership`], ['_count', '50']]);
  const bodies = (page.matches as Organization[])
    .map((org) => ({ org, ons: org.identifier?.find((i) => i.system === ONS_SYSTEM)?.value }))
    .filter((b): b is { org: Organization; ons: string } => !!b.ons && !!b.org.id);
  const chosen = onsCode ? bodies.find((b) => b.ons === onsCode) : bodies[0];
  if (onsCode && !chosen) throw new PartnershipProblem(404, 'No such partnership', `FOOTPRINT_PARTNERSHIP is ${onsCode}, but the record holds no partnership body with that ONS code.`);
  if (!chosen) return undefined;
  const ods = chosen.org.identifier?.find((i) => i.system === ODS_SYSTEM)?.value;
  return { onsCode: chosen.ons, ...(ods ? { odsCode: ods } : {}), name: chosen.org.name ?? chosen.ons, organisationId: chosen.org.id! };
}
