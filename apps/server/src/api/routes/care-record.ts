import type { FastifyInstance } from 'fastify';
import type { AllergyIntolerance, Communication, Condition, Encounter, MedicationRequest, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { MDT_MEETING_TAG_SYSTEM } from '@footprint/coordination';
import { isValidNhsNumber, NHS_NUMBER_SYSTEM, OperationOutcomeError } from '@footprint/fhir';
import { AccessPolicy, type AccessContext, type Repository, type SearchParams } from '@footprint/record';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { careRecordBreakGlassRoutes, noRelationship } from '../care-record/break-glass';
import { groupMedications } from '../care-record/medications';
import { readOrganisation, resolveRecordingOrganisations, type OrganisationRef } from '../care-record/organisations';
import {
  addressOf,
  conceptText,
  dateOnly,
  firstCode,
  nhsNumberOf,
  personName,
  postcodeOf,
  quantityText,
} from '../care-record/present';
import { staffContext } from '../context';
import { ApiProblem } from '../problem';
import type { CareRecordSummary, PersonMatch, PersonSearchAnswer } from '../responses';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const SUMMARY_LIMIT = 50;
/** Issues read to group into medicines: enough for years of repeats of every medicine a person takes. */
const MEDICATION_ISSUE_LIMIT = 1000;

export async function describePeople(record: Repository, ctx: AccessContext, patients: Patient[]): Promise<PersonMatch[]> {
  return Promise.all(
    patients.map(async (p) => ({
      id: p.id ?? '',
      name: personName(p.name),
      nhsNumber: nhsNumberOf(p.identifier),
      birthDate: p.birthDate ?? null,
      gender: p.gender ?? null,
      postcode: postcodeOf(p),
      practice: await readOrganisation(record, ctx, p.generalPractitioner?.[0]),
    })),
  );
}

/** The search the user asked for, as FHIR search parameters; a precise 400 for anything else. */
function searchParameters(body: Record<string, unknown>): SearchParams {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : undefined);
  const nhsNumber = text('nhsNumber')?.replace(/\s+/g, '');
  if (nhsNumber) {
    if (!isValidNhsNumber(nhsNumber)) throw new ApiProblem(400, 'Invalid NHS number', 'An NHS number is 10 digits with a valid check digit.');
    return [['identifier', `${NHS_NUMBER_SYSTEM}|${nhsNumber}`], ['_count', '20']];
  }
  const family = text('family');
  const birthDate = text('birthDate');
  const given = text('given');
  if (!family || !birthDate) {
    throw new ApiProblem(400, 'Enter an NHS number, or a last name and date of birth', 'Search needs nhsNumber, or family and birthDate.');
  }
  if (!ISO_DATE.test(birthDate) || Number.isNaN(Date.parse(birthDate))) throw new ApiProblem(400, 'Invalid date of birth', 'birthDate must be a date as YYYY-MM-DD.');
  if (family.length > 100 || (given?.length ?? 0) > 100) throw new ApiProblem(400, 'Name too long');
  return [['family', family], ['birthdate', birthDate], ...(given ? ([['given', given]] as const) : []), ['_count', '20']];
}

/**
 * The newest entries of one type in a person's record; none for a type the user's role may not
 * read (a social worker sees no results or medicines), decided by the record's policy.
 */
async function newest<T extends Resource>(record: Repository, ctx: AccessContext, type: string, patientId: string, sort: string, limit = SUMMARY_LIMIT) {
  if (!new AccessPolicy(ctx).allows('s', type)) return { items: [] as T[], truncated: false };
  const result = await record.search(ctx, type, [['patient', `Patient/${patientId}`], ['_sort', sort], ['_count', String(limit)]]);
  return { items: result.matches as T[], truncated: result.next !== undefined };
}

/**
 * The shared care record for clinicians (purpose TREAT): find a person, and one summary of their
 * record across every partner organisation. Every search and view goes through the record with
 * the user's AccessContext, so the record writes the AuditEvent naming who looked.
 */
export async function careRecordRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'care-record');
  const { record } = platform;
  await careRecordBreakGlassRoutes(app, platform, policy);

  // POST so that names and NHS numbers travel in the body, never in URLs or logs.
  app.post<{ Body: Record<string, unknown> }>('/care-record/search', { preHandler: guard }, async (request): Promise<PersonSearchAnswer> => {
    if (!request.body || typeof request.body !== 'object') throw new ApiProblem(400, 'Send the search as a JSON object');
    const ctx = staffContext(sessionOf(request).user, 'TREAT', request);
    const result = await record.search(ctx, 'Patient', searchParameters(request.body));
    return { people: await describePeople(record, ctx, result.matches as Patient[]) };
  });

  app.get<{ Params: { id: string } }>('/care-record/patients/:id', { preHandler: guard }, async (request, reply): Promise<CareRecordSummary> => {
    if (!FHIR_ID.test(request.params.id)) throw new ApiProblem(400, 'Invalid record id');
    const ctx = staffContext(sessionOf(request).user, 'TREAT', request);
    const id = request.params.id;
    const patient = await record.read<Patient>(ctx, 'Patient', id).catch((error: unknown) => {
      // A person the user may not see is refused alike whether or not they exist (no existence oracle).
      throw error instanceof OperationOutcomeError && (error.status === 404 || error.status === 403) ? noRelationship(ctx) : error;
    });
    const emergency = await record.activeBreakGlass(ctx, id);
    const conditions = await newest<Condition>(record, ctx, 'Condition', id, '-recorded-date');
    const medications = await newest<MedicationRequest>(record, ctx, 'MedicationRequest', id, '-authoredon', MEDICATION_ISSUE_LIMIT);
    const allergies = await newest<AllergyIntolerance>(record, ctx, 'AllergyIntolerance', id, '-date');
    const observations = await newest<Observation>(record, ctx, 'Observation', id, '-date');
    const encounters = await newest<Encounter>(record, ctx, 'Encounter', id, '-date');
    const communications = await newest<Communication>(record, ctx, 'Communication', id, '-sent');
    const outcomes = communications.items.flatMap((c) => {
      const tag = c.meta?.tag?.find((t) => t.system === MDT_MEETING_TAG_SYSTEM);
      return tag ? [{ c, tag }] : [];
    });
    const all: Resource[] = [...conditions.items, ...medications.items, ...allergies.items, ...observations.items, ...encounters.items];
    const recordedBy = await resolveRecordingOrganisations(record, ctx, all, encounters.items);
    const by = (r: Resource): OrganisationRef | null => recordedBy.get(r) ?? null;

    const contributors = new Map<string, OrganisationRef & { items: number }>();
    for (const resource of all) {
      const org = by(resource);
      if (!org) continue;
      const key = org.code ?? org.name;
      const entry = contributors.get(key) ?? { ...org, items: 0 };
      entry.items += 1;
      contributors.set(key, entry);
    }
    reply.header('cache-control', 'no-store');
    return {
      emergencyAccess: emergency ? { expires: emergency.expires, overridesDissent: emergency.overridesDissent } : null,
      patient: {
        ...(await describePeople(record, ctx, [patient]))[0],
        address: addressOf(patient),
        phone: patient.telecom?.find((t) => t.system === 'phone')?.value ?? null,
        deceased: patient.deceasedDateTime ? dateOnly(patient.deceasedDateTime) : patient.deceasedBoolean ? 'Deceased' : null,
      },
      problems: conditions.items.map((c) => ({
        id: c.id ?? '',
        display: conceptText(c.code),
        code: firstCode(c.code),
        status: c.clinicalStatus?.coding?.[0]?.code ?? null,
        onset: dateOnly(c.onsetDateTime ?? c.onsetPeriod?.start),
        recorded: dateOnly(c.recordedDate),
        organisation: by(c),
      })),
      medications: groupMedications(medications.items, by),
      allergies: allergies.items.map((a) => ({
        id: a.id ?? '',
        display: conceptText(a.code),
        criticality: a.criticality ?? null,
        reaction: a.reaction?.[0]?.manifestation?.map((m) => conceptText(m)).join(', ') ?? null,
        recorded: dateOnly(a.recordedDate ?? a.onsetDateTime),
        organisation: by(a),
      })),
      results: observations.items.map((o) => ({
        id: o.id ?? '',
        display: conceptText(o.code),
        value:
          quantityText(o.valueQuantity) ??
          o.valueString ??
          (o.valueCodeableConcept ? conceptText(o.valueCodeableConcept) : null) ??
          (o.component?.length
            ? o.component.map((c) => `${conceptText(c.code)} ${quantityText(c.valueQuantity) ?? ''}`.trim()).join('; ')
            : 'Recorded'),
        date: dateOnly(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued),
        organisation: by(o),
      })),
      encounters: encounters.items.map((e) => ({
        id: e.id ?? '',
        start: dateOnly(e.period?.start),
        end: dateOnly(e.period?.end),
        description: e.type?.length ? conceptText(e.type[0]) : (e.reasonCode?.length ? conceptText(e.reasonCode[0]) : (e.class?.display ?? 'Encounter')),
        setting: e.class?.display ?? e.class?.code ?? 'Not recorded',
        organisation: by(e),
      })),
      meetingOutcomes: await Promise.all(
        outcomes.map(async ({ c, tag }) => ({
          id: c.id ?? '',
          date: dateOnly(c.sent),
          meeting: tag.display ?? 'Team meeting',
          summary: c.payload?.[0]?.contentString ?? '',
          actions: c.about?.length ?? 0,
          organisation: await readOrganisation(record, ctx, c.sender),
        })),
      ),
      organisations: [...contributors.values()].sort((a, b) => b.items - a.items),
      truncated: {
        problems: conditions.truncated,
        medications: medications.truncated,
        allergies: allergies.truncated,
        results: observations.truncated,
        encounters: encounters.truncated,
      },
    };
  });
}
