import type { FastifyInstance } from 'fastify';
import type { AllergyIntolerance, Bundle, CarePlan, Condition, Encounter, MedicationRequest, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { stringifyFhirJson } from '@footprint/fhir';
import { groupMedications } from '../api/care-record/medications';
import { readOrganisation, resolveRecordingOrganisations, type OrganisationRef } from '../api/care-record/organisations';
import { addressOf, conceptText, dateOnly, nhsNumberOf, quantityText } from '../api/care-record/present';
import type { Platform } from '../platform';
import { patientContext } from './context';
import { readWholeRecord } from './everything';
import { patientSessionOf, requirePatientSession } from './guard';
import type { MyRecord } from './responses';
import type { PatientSessionPolicy } from './sessions';

const SHOWN = new Set(['Patient', 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Observation', 'Encounter', 'CarePlan']);
const newestFirst = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');

function observationValue(o: Observation): string {
  return (
    quantityText(o.valueQuantity) ??
    o.valueString ??
    (o.valueCodeableConcept ? conceptText(o.valueCodeableConcept) : null) ??
    (o.component?.length ? o.component.map((c) => `${conceptText(c.code)} ${quantityText(c.valueQuantity) ?? ''}`.trim()).join('; ') : 'Recorded')
  );
}

/**
 * The person's own record (GET /api/patient/record), grouped into problems, medicines,
 * allergies, results, encounters and care plans, each with the organisation that recorded it;
 * and the whole record as FHIR JSON (GET /api/patient/record/fhir), the $everything Bundle.
 */
export async function patientRecordRoutes(app: FastifyInstance, platform: Platform, policy: PatientSessionPolicy): Promise<void> {
  const guard = requirePatientSession(platform.sql, policy);
  const { record } = platform;

  app.get('/record', { preHandler: guard }, async (request): Promise<MyRecord> => {
    const session = patientSessionOf(request);
    const ctx = patientContext(session, request);
    const all = await readWholeRecord(record, ctx, session.patientId);
    const ofType = <T extends Resource>(type: T['resourceType']) => all.filter((r): r is T => r.resourceType === type);
    const patient = ofType<Patient>('Patient').find((p) => p.id === session.patientId);
    const conditions = ofType<Condition>('Condition');
    const medications = ofType<MedicationRequest>('MedicationRequest');
    const allergies = ofType<AllergyIntolerance>('AllergyIntolerance');
    const observations = ofType<Observation>('Observation');
    const encounters = ofType<Encounter>('Encounter');
    const carePlans = ofType<CarePlan>('CarePlan');
    const items: Resource[] = [...conditions, ...medications, ...allergies, ...observations, ...encounters, ...carePlans];
    const recordedBy = await resolveRecordingOrganisations(record, ctx, items, encounters);
    const by = (r: Resource): OrganisationRef | null => recordedBy.get(r) ?? null;

    const contributors = new Map<string, OrganisationRef & { items: number }>();
    for (const item of items) {
      const org = by(item);
      if (!org) continue;
      const key = org.code ?? org.name;
      const entry = contributors.get(key) ?? { ...org, items: 0 };
      entry.items += 1;
      contributors.set(key, entry);
    }
    const others = new Map<string, number>();
    for (const r of all) if (!SHOWN.has(r.resourceType)) others.set(r.resourceType, (others.get(r.resourceType) ?? 0) + 1);

    return {
      person: {
        name: session.displayName,
        nhsNumber: patient ? nhsNumberOf(patient.identifier) : session.nhsNumber,
        birthDate: patient?.birthDate ?? null,
        practice: patient ? await readOrganisation(record, ctx, patient.generalPractitioner?.[0]) : null,
        address: patient ? addressOf(patient) : null,
      },
      problems: conditions
        .map((c) => ({
          id: c.id ?? '',
          display: conceptText(c.code),
          status: c.clinicalStatus?.coding?.[0]?.code ?? null,
          onset: dateOnly(c.onsetDateTime ?? c.onsetPeriod?.start),
          recorded: dateOnly(c.recordedDate),
          organisation: by(c),
        }))
        .sort((a, b) => newestFirst(a.recorded ?? a.onset, b.recorded ?? b.onset)),
      medicines: groupMedications(medications, by),
      allergies: allergies.map((a) => ({
        id: a.id ?? '',
        display: conceptText(a.code),
        reaction: a.reaction?.[0]?.manifestation?.map((m) => conceptText(m)).join(', ') ?? null,
        recorded: dateOnly(a.recordedDate ?? a.onsetDateTime),
        organisation: by(a),
      })),
      results: observations
        .map((o) => ({ id: o.id ?? '', display: conceptText(o.code), value: observationValue(o), date: dateOnly(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued), organisation: by(o) }))
        .sort((a, b) => newestFirst(a.date, b.date)),
      encounters: encounters
        .map((e) => ({
          id: e.id ?? '',
          start: dateOnly(e.period?.start),
          end: dateOnly(e.period?.end),
          description: e.type?.length ? conceptText(e.type[0]) : e.reasonCode?.length ? conceptText(e.reasonCode[0]) : (e.class?.display ?? 'Appointment or visit'),
          setting: e.class?.display ?? e.class?.code ?? 'Not recorded',
          organisation: by(e),
        }))
        .sort((a, b) => newestFirst(a.start, b.start)),
      carePlans: carePlans.map((p) => ({
        id: p.id ?? '',
        title: p.title ?? (p.category?.length ? conceptText(p.category[0]) : 'Care plan'),
        status: p.status ?? null,
        start: dateOnly(p.period?.start ?? p.created),
        organisation: by(p),
      })),
      organisations: [...contributors.values()].sort((a, b) => b.items - a.items),
      otherItems: [...others.entries()].map(([resourceType, count]) => ({ resourceType, count })).sort((a, b) => b.count - a.count),
    };
  });

  app.get('/record/fhir', { preHandler: guard }, async (request, reply) => {
    const session = patientSessionOf(request);
    const ctx = patientContext(session, request);
    const all = await readWholeRecord(record, ctx, session.patientId);
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      timestamp: new Date().toISOString(),
      total: all.length,
      link: [{ relation: 'self', url: `Patient/${session.patientId}/$everything` }],
      entry: all.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
    };
    return reply
      .header('content-disposition', 'attachment; filename="my-care-record.json"')
      .type('application/fhir+json; charset=utf-8')
      .send(stringifyFhirJson(bundle));
  });
}
