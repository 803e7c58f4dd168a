import { badRequest, forbidden, type Resource, type Task } from '@footprint/fhir';
import { RECORD_CORRECTION, TASK_TYPE_SYSTEM } from './trust-codes';

/**
 * Requests to correct an entry of the record (trust-codes.ts, RECORD_CORRECTION): what a person
 * may ask, and how the organisation asked may answer. The record's AccessPolicy applies these;
 * nothing outside the record decides them.
 */

/** True for a Task coded `task-type#record-correction`. */
export function isCorrectionRequest(resource: unknown): resource is Task {
  const r = resource as Partial<Task> | undefined;
  const codings: unknown = r?.code?.coding;
  return r?.resourceType === 'Task' && Array.isArray(codings) && codings.some((c: { system?: unknown; code?: unknown }) => c?.system === TASK_TYPE_SYSTEM && c?.code === RECORD_CORRECTION);
}

const ORGANISATION_REF = /^Organization\/[A-Za-z0-9\-.]{1,64}$/;
const ENTRY_REF = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/**
 * A person may create one kind of Task: a correction request about their own record, asked by
 * them (`for` and `requester` are their Patient), of an organisation (`owner`), about one entry
 * (`focus`), describing what is wrong, and still `requested`. Throws 403 for anything else.
 */
export function requireOwnCorrectionRequest(patientId: string, resource: Resource): void {
  if (resource.resourceType !== 'Task') return;
  const me = `Patient/${patientId}`;
  if (!isCorrectionRequest(resource)) throw forbidden('A person may create only a request to correct their record (a Task with code record-correction)');
  const task = resource;
  if (task.for?.reference !== me || task.requester?.reference !== me) throw forbidden('A correction request must be for, and asked by, the person themselves');
  if (task.status !== 'requested' || task.intent !== 'order') throw badRequest('A new correction request has status requested and intent order', 'Task.status');
  if (!ORGANISATION_REF.test(task.owner?.reference ?? '')) throw badRequest('A correction request is addressed to an organisation (owner: Organization/…)', 'Task.owner');
  if (!ENTRY_REF.test(task.focus?.reference ?? '')) throw badRequest('A correction request names the entry to correct (focus: Type/id)', 'Task.focus');
  if (typeof task.description !== 'string' || task.description.trim().length === 0) throw badRequest('Say what is wrong with the entry (Task.description)', 'Task.description');
  if (task.output?.length || task.note?.length || task.businessStatus) throw badRequest('A new correction request carries no answer', 'Task.note');
}

/** What the answer may change: status, the answer note, lastModified and the stored metadata. */
const ANSWER_FIELDS = new Set(['status', 'note', 'lastModified', 'meta', 'text']);

/**
 * Staff answer a correction request addressed to their organisation: from `requested` (or
 * `in-progress`) to `completed` or `rejected`, adding the answer as a note and changing nothing
 * else. Returns false when the request is not their organisation's (so the caller can answer
 * as if it did not exist); throws 400 for an answer that changes more or says nothing.
 */
export function isAnswerByOwner(existing: Resource, next: Resource, organisation: string | undefined): boolean {
  if (!organisation || !isCorrectionRequest(existing) || existing.owner?.reference !== organisation) return false;
  const before = existing as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ANSWER_FIELDS.has(key) || key === 'id') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) throw badRequest(`Answering a correction request may change its status and add a note, not ${key}`, `Task.${key}`);
  }
  const task = next as Task;
  if (existing.status !== 'requested' && existing.status !== 'in-progress') throw badRequest(`This correction request has already been answered (${existing.status})`, 'Task.status');
  if (task.status !== 'completed' && task.status !== 'rejected' && task.status !== 'in-progress') throw badRequest('Answer a correction request with status completed, rejected or in-progress', 'Task.status');
  const added = (task.note ?? []).slice((existing.note ?? []).length);
  if (task.status !== 'in-progress' && !added.some((n) => typeof n.text === 'string' && n.text.trim().length > 0)) throw badRequest('An answer needs a note saying what was done, or why not', 'Task.note');
  return true;
}
