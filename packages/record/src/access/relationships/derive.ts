import type { Resource } from '@footprint/fhir';
import type { RelationshipBasis } from '../trust-codes';
import { OPEN_EPISODE_STATUSES, RELATIONSHIP_SOURCE_TYPES, SOCIAL_CARE_EPISODE, VOID_ENCOUNTER_STATUSES, VOID_REFERRAL_STATUSES } from './codes';

/**
 * One row of `care_relationship`: the organisation (`Organization/{id}`) has a care relationship
 * with the person, on this basis, because of the `source` resource (`Type/id`). `effective` is
 * when it began (for an encounter, when it ended, so the window counts from the last contact);
 * `ends` when it stops counting. Both are applied when access is decided, never when written, so
 * the table depends on the record alone and a rebuild gives the same rows.
 */
export interface CareRelationship {
  patientId: string;
  organisation: string;
  basis: RelationshipBasis;
  source: string;
  effective: string | null;
  ends: string | null;
}

interface Ref {
  reference?: string;
}

const ORGANISATION_REF = /(?:^|\/)Organization\/([A-Za-z0-9\-.]{1,64})$/;

/** `Organization/{id}` for a reference to an organisation (relative or absolute), else undefined. */
export function organisationOf(ref: Ref | undefined): string | undefined {
  const m = typeof ref?.reference === 'string' ? ORGANISATION_REF.exec(ref.reference) : null;
  return m ? `Organization/${m[1]}` : undefined;
}

const instant = (value: unknown): string | null => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null);

const hasCoding = (concepts: unknown, coding: { system: string; code: string }): boolean =>
  Array.isArray(concepts) &&
  concepts.some((c: { coding?: Array<{ system?: string; code?: string }> }) => c?.coding?.some((x) => x?.system === coding.system && x?.code === coding.code));

/**
 * The care relationships a resource implies, for the person it belongs to (`patientId`, the
 * row's compartment key). A deleted resource (undefined) implies none. A social care episode is
 * returned with basis `social-care-episode`; whether its organisation is a council is decided
 * against the stored Organization when the rows are written (see write.ts).
 */
export function deriveRelationships(resource: Resource | undefined, patientId: string | null | undefined): CareRelationship[] {
  if (!resource || !patientId || !RELATIONSHIP_SOURCE_TYPES.has(resource.resourceType)) return [];
  const r = resource as unknown as Record<string, unknown>;
  const source = `${resource.resourceType}/${String(resource.id)}`;
  const period = (r.period ?? {}) as { start?: string; end?: string };
  const rows: CareRelationship[] = [];
  const add = (refs: unknown, basis: RelationshipBasis, effective: string | null, ends: string | null = null) => {
    for (const ref of Array.isArray(refs) ? refs : refs ? [refs] : []) {
      const organisation = organisationOf(ref as Ref);
      if (organisation && !rows.some((x) => x.organisation === organisation && x.basis === basis)) {
        rows.push({ patientId, organisation, basis, source, effective, ends });
      }
    }
  };
  switch (resource.resourceType as string) {
    case 'Patient':
      add(r.generalPractitioner, 'registered-gp', null);
      break;
    case 'EpisodeOfCare':
      if (OPEN_EPISODE_STATUSES.includes(String(r.status))) {
        const basis = hasCoding(r.type, SOCIAL_CARE_EPISODE) ? 'social-care-episode' : 'episode-of-care';
        add(r.managingOrganization, basis, instant(period.start), instant(period.end));
      }
      break;
    case 'Encounter':
      if (!VOID_ENCOUNTER_STATUSES.includes(String(r.status))) add(r.serviceProvider, 'encounter', instant(period.end) ?? instant(period.start));
      break;
    case 'ServiceRequest':
      if (!VOID_REFERRAL_STATUSES.includes(String(r.status))) add(r.performer, 'referral', instant(r.authoredOn));
      break;
    case 'CareTeam':
      if (r.status === 'active') {
        const participants = Array.isArray(r.participant) ? (r.participant as Array<{ member?: Ref; onBehalfOf?: Ref }>) : [];
        add([...((r.managingOrganization as Ref[] | undefined) ?? []), ...participants.flatMap((p) => [p.member, p.onBehalfOf].filter(Boolean))], 'care-team', instant(period.start), instant(period.end));
      }
      break;
    default:
      break;
  }
  return rows;
}
