import type {
  AllergyIntolerance,
  Bundle,
  Condition,
  Encounter,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Organization,
  Patient,
  PractitionerRole,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { conceptText, dateOnly, nhsNumberOf, personName, quantityText, recordingReferences } from '../../api/care-record/present';

/**
 * What the readable copy of a person's record says, worked out from their `$everything`
 * Bundle: pure, so its content is testable without a PDF. Sections hold entries newest first,
 * each with its date and the organisation that recorded it.
 */
export interface RecordSummary {
  name: string;
  /** Formatted 3-3-4 (`943 476 5919`), or "Not recorded". */
  nhsNumber: string;
  birthDate: string;
  sections: RecordSection[];
}

export interface RecordSection {
  title: string;
  /** Said when the section is empty. */
  empty: string;
  entries: RecordEntry[];
}

export interface RecordEntry {
  date: string;
  text: string;
  detail?: string;
  organisation: string;
}

/** An NHS number written as people read it: 3-3-4 digits separated by spaces. */
export function formatNhsNumber(value: string | null | undefined): string {
  if (!value) return 'Not recorded';
  const digits = value.replace(/\s+/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : value;
}

/** A FHIR date as a UK reader expects it: 4 March 2024 (or the year, or year and month, when that is all that is known). */
export function readableDate(value: string | null | undefined): string {
  if (!value) return 'Date not recorded';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const UNKNOWN_ORGANISATION = 'Organisation not recorded';

/** Finds who recorded each entry from the Bundle's own organisations, practitioner roles and encounters. */
class Organisations {
  private readonly byRef = new Map<string, Resource>();

  constructor(resources: Resource[]) {
    for (const r of resources) if (r.id) this.byRef.set(`${r.resourceType}/${r.id}`, r);
  }

  private lookup(ref: Reference | undefined, depth = 0): string | undefined {
    const reference = ref?.reference;
    if (!reference || depth > 2) return ref?.display;
    const key = /((?:Organization|PractitionerRole|Encounter)\/[^/]+)$/.exec(reference)?.[1];
    const found = key ? this.byRef.get(key) : undefined;
    if (!found) return /^Organization\//.test(reference) ? ref.display : undefined;
    if (found.resourceType === 'Organization') return (found as Organization).name ?? ref.display;
    if (found.resourceType === 'PractitionerRole') return this.lookup((found as PractitionerRole).organization, depth + 1);
    return this.lookup((found as Encounter).serviceProvider, depth + 1);
  }

  of(resource: Resource): string {
    for (const ref of recordingReferences(resource)) {
      const name = this.lookup(ref);
      if (name) return name;
    }
    return UNKNOWN_ORGANISATION;
  }
}

function byDateDescending(a: { sortKey: string }, b: { sortKey: string }): number {
  return a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0;
}

function section<T extends Resource>(title: string, empty: string, items: T[], describe: (item: T) => { date?: string; text: string; detail?: string }, orgs: Organisations): RecordSection {
  const entries = items
    .map((item) => {
      const d = describe(item);
      return { sortKey: d.date ?? '', entry: { date: readableDate(d.date), text: d.text, ...(d.detail ? { detail: d.detail } : {}), organisation: orgs.of(item) } };
    })
    .sort(byDateDescending)
    .map((e) => e.entry);
  return { title, empty, entries };
}

function ofType<T extends Resource>(resources: Resource[], type: T['resourceType']): T[] {
  return resources.filter((r): r is T => r.resourceType === type);
}

function observationValue(o: Observation): string | undefined {
  return quantityText(o.valueQuantity) ?? (o.valueCodeableConcept ? conceptText(o.valueCodeableConcept) : undefined) ?? o.valueString ?? undefined;
}

/** Reads a person's `$everything` Bundle (every page gathered into one) into what their readable copy shows. */
export function summariseRecord(bundle: Bundle): RecordSummary {
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const patient = ofType<Patient>(resources, 'Patient')[0];
  if (!patient) throw new Error('The Bundle holds no Patient');
  const orgs = new Organisations(resources);
  const medicines = [...ofType<MedicationRequest>(resources, 'MedicationRequest'), ...ofType<MedicationStatement>(resources, 'MedicationStatement')];
  return {
    name: personName(patient.name),
    nhsNumber: formatNhsNumber(nhsNumberOf(patient.identifier)),
    birthDate: readableDate(patient.birthDate),
    sections: [
      section('Problems and diagnoses', 'No problems recorded.', ofType<Condition>(resources, 'Condition'), (c) => ({
        date: c.onsetDateTime ?? c.recordedDate,
        text: conceptText(c.code),
        ...(c.clinicalStatus ? { detail: conceptText(c.clinicalStatus) } : {}),
      }), orgs),
      section('Medicines', 'No medicines recorded.', medicines, (m) => {
        const concept = m.medicationCodeableConcept;
        const dose = m.resourceType === 'MedicationRequest' ? m.dosageInstruction?.[0]?.text : m.dosage?.[0]?.text;
        return {
          date: m.resourceType === 'MedicationRequest' ? m.authoredOn : (m.effectiveDateTime ?? m.dateAsserted),
          text: concept ? conceptText(concept) : (m.medicationReference?.display ?? 'Medicine not named'),
          ...(dose ? { detail: dose } : m.status ? { detail: m.status } : {}),
        };
      }, orgs),
      section('Allergies and reactions', 'No allergies recorded.', ofType<AllergyIntolerance>(resources, 'AllergyIntolerance'), (a) => ({
        date: a.recordedDate ?? a.onsetDateTime,
        text: conceptText(a.code),
        ...(a.reaction?.[0]?.manifestation?.[0] ? { detail: conceptText(a.reaction[0].manifestation[0]) } : {}),
      }), orgs),
      section('Test results and measurements', 'No results recorded.', ofType<Observation>(resources, 'Observation'), (o) => {
        const value = observationValue(o);
        return { date: o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued, text: conceptText(o.code), ...(value ? { detail: value } : {}) };
      }, orgs),
      section('Appointments and admissions', 'No encounters recorded.', ofType<Encounter>(resources, 'Encounter'), (e) => ({
        date: e.period?.start,
        text: e.type?.[0] ? conceptText(e.type[0]) : (e.class?.display ?? e.class?.code ?? 'Encounter'),
        ...(e.period?.end && dateOnly(e.period.end) !== dateOnly(e.period.start) ? { detail: `until ${readableDate(e.period.end)}` } : {}),
      }), orgs),
    ],
  };
}
