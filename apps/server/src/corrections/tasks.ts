import type { Organization, Reference, Resource, Task } from '@medplum/fhirtypes';
import { RECORD_CORRECTION, TASK_TYPE_SYSTEM, type AccessContext, type Repository, type SearchParams } from '@footprint/record';
import { conceptText, dateOnly } from '../api/care-record/present';
import type { CorrectionEntry, CorrectionRequestView, CorrectionStatus } from './responses';

/**
 * Correction requests as FHIR Tasks (the shape in packages/record/src/access/trust-codes.ts):
 * building one for a person, answering one, and turning them into what the pages show. Whether
 * a person may ask and who may answer is the record's decision, not this module's.
 */
export const CORRECTION_CODE = `${TASK_TYPE_SYSTEM}|${RECORD_CORRECTION}`;

/** Entry types a person may ask to correct, with the word the pages use for each. */
export const CORRECTABLE: Record<string, string> = {
  Condition: 'Problem',
  MedicationRequest: 'Medicine',
  MedicationStatement: 'Medicine',
  AllergyIntolerance: 'Allergy',
  Observation: 'Result',
  Encounter: 'Appointment or visit',
  CarePlan: 'Care plan',
  Procedure: 'Procedure',
  Immunization: 'Vaccination',
  Patient: 'Your details',
};

export function newCorrectionRequest(patientId: string, entry: string, owner: string, description: string, now = new Date()): Task {
  return {
    resourceType: 'Task',
    status: 'requested',
    intent: 'order',
    code: { coding: [{ system: TASK_TYPE_SYSTEM, code: RECORD_CORRECTION, display: 'Correct an entry of the record' }] },
    for: { reference: `Patient/${patientId}` },
    requester: { reference: `Patient/${patientId}` },
    owner: { reference: owner },
    focus: { reference: entry },
    description,
    authoredOn: now.toISOString(),
    lastModified: now.toISOString(),
  };
}

/** The Task answered: `completed` (corrected) or `rejected` (not changed), the answer as a note by the member of staff. */
export function answeredTask(task: Task, outcome: 'completed' | 'rejected', note: string, author: string, now = new Date()): Task {
  return { ...task, status: outcome, lastModified: now.toISOString(), note: [...(task.note ?? []), { text: note, authorString: author, time: now.toISOString() }] };
}

function entryDate(resource: Resource): string | null {
  const r = resource as unknown as Record<string, unknown>;
  const period = r.period as { start?: string } | undefined;
  const candidates = [r.recordedDate, r.effectiveDateTime, r.authoredOn, r.onsetDateTime, r.occurrenceDateTime, r.performedDateTime, period?.start, r.issued];
  const first = candidates.find((c): c is string => typeof c === 'string');
  return dateOnly(first);
}

function entryDisplay(resource: Resource): string {
  const r = resource as unknown as Record<string, unknown>;
  if (resource.resourceType === 'Patient') return 'Name, address and other details';
  if (resource.resourceType === 'Encounter') {
    const type = (r.type as Array<Parameters<typeof conceptText>[0]> | undefined)?.[0];
    return type ? conceptText(type) : 'Appointment or visit';
  }
  const concept = (r.code ?? r.medicationCodeableConcept ?? r.vaccineCode) as Parameters<typeof conceptText>[0];
  return concept ? conceptText(concept) : (typeof r.title === 'string' ? r.title : resource.resourceType);
}

/** The entry of a correction request as `ctx` may see it; null fields when it cannot be read. */
export async function describeEntry(record: Repository, ctx: AccessContext, reference: string): Promise<CorrectionEntry> {
  const [type, id] = reference.split('/');
  try {
    const resource = await record.read(ctx, type, id);
    return { reference, kind: CORRECTABLE[type] ?? type, display: entryDisplay(resource), date: entryDate(resource) };
  } catch {
    return { reference, kind: CORRECTABLE[type] ?? null, display: null, date: null };
  }
}

async function organisationName(record: Repository, ctx: AccessContext, reference: string, names: Map<string, string>): Promise<string> {
  const known = names.get(reference);
  if (known) return known;
  let name = 'Unknown organisation';
  try {
    name = (await record.read<Organization>(ctx, 'Organization', reference.split('/')[1])).name ?? name;
  } catch {
    // An organisation that cannot be read keeps the neutral name.
  }
  names.set(reference, name);
  return name;
}

/** One Task as the pages show it: what was asked, about which entry, of whom, and the answer. */
export async function viewOf(record: Repository, ctx: AccessContext, task: Task, names = new Map<string, string>()): Promise<CorrectionRequestView> {
  const owner = task.owner?.reference ?? '';
  const answer = task.status === 'completed' || task.status === 'rejected' ? task.note?.[task.note.length - 1] : undefined;
  return {
    id: task.id ?? '',
    status: task.status as CorrectionStatus,
    asked: dateOnly(task.authoredOn),
    description: task.description ?? '',
    entry: await describeEntry(record, ctx, task.focus?.reference ?? ''),
    organisation: { reference: owner, name: await organisationName(record, ctx, owner, names) },
    answer: answer?.text ? { text: answer.text, by: answer.authorString ?? null, at: answer.time ?? null } : null,
  };
}

/** Every correction request matching `params` (code added), newest first, following the record's pages. */
export async function searchCorrections(record: Repository, ctx: AccessContext, params: SearchParams): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await record.search(ctx, 'Task', [...params, ['code', CORRECTION_CODE], ['_count', '200'], ...(cursor ? ([['_cursor', cursor]] as SearchParams) : [])]);
    tasks.push(...(page.matches as Task[]));
    cursor = page.next;
  } while (cursor && tasks.length < 1000);
  return tasks.sort((a, b) => (b.authoredOn ?? '').localeCompare(a.authoredOn ?? ''));
}

/** A reference's `Organization/id`, when it is one. */
export function organisationReference(ref: Reference | undefined): string | undefined {
  const m = /(?:^|\/)(Organization\/[A-Za-z0-9\-.]{1,64})$/.exec(ref?.reference ?? '');
  return m?.[1];
}
