import type { Encounter, Organization, PractitionerRole, Reference, Resource } from '@medplum/fhirtypes';
import type { AccessContext, Repository } from '@footprint/record';
import { ODS_SYSTEM } from '@footprint/fhir';
import { recordingReferences } from './present';

export interface OrganisationRef {
  code: string | null;
  name: string;
}

function idOf(reference: string, type: string): string | undefined {
  const match = new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(reference);
  return match?.[1];
}

/**
 * Works out which partner organisation recorded each resource: directly (an Organization reference),
 * through a PractitionerRole's organisation, or through the encounter it was recorded in. Looks up
 * the organisations in as few searches as possible.
 */
export async function resolveRecordingOrganisations(
  record: Repository,
  ctx: AccessContext,
  resources: Resource[],
  encounters: Encounter[],
): Promise<Map<Resource, OrganisationRef | null>> {
  const encounterProvider = new Map(encounters.map((e) => [e.id, e.serviceProvider?.reference]));
  const wanted = new Map<Resource, { org?: string; role?: string }>();
  const orgIds = new Set<string>();
  const roleIds = new Set<string>();
  for (const resource of resources) {
    let choice: { org?: string; role?: string } = {};
    for (const ref of recordingReferences(resource)) {
      const reference = ref.reference ?? '';
      const org = idOf(reference, 'Organization');
      if (org) {
        choice = { org };
        break;
      }
      const role = idOf(reference, 'PractitionerRole');
      if (role) {
        choice = { role };
        break;
      }
      const encounterId = idOf(reference, 'Encounter');
      const provider = encounterId ? encounterProvider.get(encounterId) : undefined;
      const viaEncounter = provider ? idOf(provider, 'Organization') : undefined;
      if (viaEncounter) {
        choice = { org: viaEncounter };
        break;
      }
    }
    if (choice.org) orgIds.add(choice.org);
    if (choice.role) roleIds.add(choice.role);
    wanted.set(resource, choice);
  }

  const roleOrg = new Map<string, string>();
  for (const chunk of chunks([...roleIds], 100)) {
    const result = await record.search(ctx, 'PractitionerRole', [['_id', chunk.join(',')], ['_count', String(chunk.length)]]);
    for (const role of result.matches as PractitionerRole[]) {
      const org = role.organization?.reference ? idOf(role.organization.reference, 'Organization') : undefined;
      if (role.id && org) {
        roleOrg.set(role.id, org);
        orgIds.add(org);
      }
    }
  }

  const organisations = new Map<string, OrganisationRef>();
  for (const chunk of chunks([...orgIds], 100)) {
    const result = await record.search(ctx, 'Organization', [['_id', chunk.join(',')], ['_count', String(chunk.length)]]);
    for (const org of result.matches as Organization[]) {
      if (!org.id) continue;
      organisations.set(org.id, { code: org.identifier?.find((i) => i.system === ODS_SYSTEM)?.value ?? null, name: org.name ?? 'Unnamed organisation' });
    }
  }

  const answer = new Map<Resource, OrganisationRef | null>();
  for (const [resource, choice] of wanted) {
    const orgId = choice.org ?? (choice.role ? roleOrg.get(choice.role) : undefined);
    answer.set(resource, (orgId && organisations.get(orgId)) || null);
  }
  return answer;
}

/** The organisation a reference points at, e.g. a patient's registered practice. */
export async function readOrganisation(record: Repository, ctx: AccessContext, ref: Reference | undefined): Promise<OrganisationRef | null> {
  const id = ref?.reference ? idOf(ref.reference, 'Organization') : undefined;
  if (!id) return ref?.display ? { code: ref.identifier?.value ?? null, name: ref.display } : null;
  const result = await record.search(ctx, 'Organization', [['_id', id]]);
  const org = result.matches[0] as Organization | undefined;
  return org ? { code: org.identifier?.find((i) => i.system === ODS_SYSTEM)?.value ?? null, name: org.name ?? 'Unnamed organisation' } : null;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
