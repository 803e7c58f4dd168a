import type { Encounter, Patient, PractitionerRole, Reference, Resource } from '@medplum/fhirtypes';
import type { AccessContext, Repository } from '@footprint/record';
import { recordingReferences } from '../api/care-record/present';
import { organisationReference } from './tasks';

async function organisationOf(record: Repository, ctx: AccessContext, ref: Reference): Promise<string | undefined> {
  const direct = organisationReference(ref);
  if (direct) return direct;
  const m = /(?:^|\/)(PractitionerRole|Encounter)\/([A-Za-z0-9\-.]{1,64})$/.exec(ref.reference ?? '');
  if (!m) return undefined;
  try {
    if (m[1] === 'PractitionerRole') return organisationReference((await record.read<PractitionerRole>(ctx, 'PractitionerRole', m[2])).organization);
    return organisationReference((await record.read<Encounter>(ctx, 'Encounter', m[2])).serviceProvider);
  } catch {
    return undefined;
  }
}

/**
 * The organisation a correction request about `entry` goes to: the one that recorded it
 * (directly, through the practitioner's role, or the encounter it was recorded in); for the
 * person's own details and for entries that do not say, their registered GP practice, which
 * holds their GP record. Undefined when neither is known.
 */
export async function organisationToAsk(record: Repository, ctx: AccessContext, entry: Resource, patient: Patient): Promise<string | undefined> {
  if (entry.resourceType !== 'Patient') {
    for (const ref of recordingReferences(entry)) {
      const found = await organisationOf(record, ctx, ref);
      if (found) return found;
    }
  }
  for (const ref of [...(patient.generalPractitioner ?? []), ...(patient.managingOrganization ? [patient.managingOrganization] : [])]) {
    const found = await organisationOf(record, ctx, ref);
    if (found) return found;
  }
  return undefined;
}
