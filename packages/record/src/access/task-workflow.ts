import { forbidden, OperationOutcomeError, outcome, unprocessable, type Resource, type Task } from '@footprint/fhir';
import { isCorrectionRequest } from './correction-requests';
import { organisationOf } from './relationships/derive';

/**
 * The life of a Task between partners (care coordination's referrals and team actions,
 * docs/coordination.md §4): every Task in the record that is not a correction request. The record
 * applies these rules to every write, whoever makes it (the staff API, a partner system through
 * the FHIR API, a transaction Bundle), so no route can skip a state.
 *
 *     draft ──► requested ──► accepted ──► in-progress ──► completed
 *                   │             │             │  ▲
 *                   ▼             ▼             ▼  │
 *               rejected      completed      on-hold / failed
 *     (the organisation that asked may cancel any Task that has not finished)
 *
 * Two parties act on a Task: its **owner** (the organisation asked to do it, `Task.owner`) moves
 * it on; its **requester** (the organisation that recorded it, as the token named when it was
 * written) may cancel it, and edit its request while nobody has accepted it. Rejecting or failing
 * needs a reason (`statusReason`), which the sender is shown.
 */

export type TaskStatus = Task['status'];
export type TaskParty = 'owner' | 'requester';

interface Transition {
  to: TaskStatus;
  by: TaskParty;
}

/** Every legal change of status, and who may make it. Anything else is refused with a 409. */
export const TASK_TRANSITIONS: Readonly<Partial<Record<TaskStatus, readonly Transition[]>>> = {
  draft: [
    { to: 'requested', by: 'requester' },
    { to: 'cancelled', by: 'requester' },
  ],
  requested: [
    { to: 'accepted', by: 'owner' },
    { to: 'rejected', by: 'owner' },
    { to: 'cancelled', by: 'requester' },
  ],
  accepted: [
    { to: 'in-progress', by: 'owner' },
    { to: 'completed', by: 'owner' },
    { to: 'cancelled', by: 'requester' },
  ],
  'in-progress': [
    { to: 'completed', by: 'owner' },
    { to: 'on-hold', by: 'owner' },
    { to: 'failed', by: 'owner' },
    { to: 'cancelled', by: 'requester' },
  ],
  'on-hold': [
    { to: 'in-progress', by: 'owner' },
    { to: 'failed', by: 'owner' },
    { to: 'cancelled', by: 'requester' },
  ],
};

/** The statuses a new Task may start in. */
export const TASK_START_STATUSES: readonly TaskStatus[] = ['draft', 'requested'];
/** Statuses that finish a Task: nothing changes it after these. */
export const TASK_FINISHED_STATUSES: readonly TaskStatus[] = ['rejected', 'cancelled', 'completed', 'failed', 'entered-in-error'];
/** Statuses that need a reason (`statusReason`), which the requester is shown. */
export const TASK_REASON_STATUSES: readonly TaskStatus[] = ['rejected', 'failed'];

/** The fields the owner may change as it works a Task: its progress, notes and outputs. */
const OWNER_FIELDS = new Set(['status', 'statusReason', 'businessStatus', 'note', 'output', 'lastModified', 'executionPeriod', 'meta', 'text', 'id']);
/** Fields nobody changes once a Task exists: what it is, for whom, about what, and who recorded it. */
const FIXED_FIELDS = ['code', 'for', 'focus', 'intent', 'basedOn', 'partOf', 'groupIdentifier', 'requester', 'owner'];

/** True for a Task between partners: any Task that is not a request to correct the record. */
export function isWorkflowTask(resource: unknown): resource is Task {
  return (resource as Resource | undefined)?.resourceType === 'Task' && !isCorrectionRequest(resource);
}

/** The parties `organisation` is for `task`: its owner, its requester, both or neither. */
export function taskParties(task: Task, organisation: string | undefined): TaskParty[] {
  if (!organisation) return [];
  const parties: TaskParty[] = [];
  if (organisationOf(task.owner) === organisation) parties.push('owner');
  if (organisationOf(task.requester) === organisation) parties.push('requester');
  return parties;
}

const hasReason = (task: Task): boolean => Boolean(task.statusReason?.text?.trim() || task.statusReason?.coding?.some((c) => c.code || c.display));

/**
 * Checks a new Task between partners: it starts as `requested` (or `draft`), names the
 * organisation asked to do it, and is asked by the creator's own organisation (`creator`, absent
 * for the platform, which may record a Task on anyone's behalf). Throws a 422 naming the field otherwise.
 */
export function requireTaskStart(task: Task, creator: string | undefined): void {
  if (!TASK_START_STATUSES.includes(task.status)) {
    throw unprocessable(`A new Task starts as requested (or draft), not ${task.status}: the organisation it is addressed to then accepts or rejects it`, 'Task.status');
  }
  if (!organisationOf(task.owner)) throw unprocessable('A Task between partners names the organisation asked to do it (owner: Organization/…)', 'Task.owner');
  const requester = organisationOf(task.requester);
  if (!requester) throw unprocessable('A Task between partners names the organisation asking for it (requester: Organization/…)', 'Task.requester');
  if (creator && requester !== creator) throw unprocessable(`A Task is asked for by your own organisation (requester: ${creator}), not ${requester}`, 'Task.requester');
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Checks a change of `before` into `after` made by `parties` (all of them for the platform):
 * the status change is legal and theirs to make, a rejection or failure gives its reason, notes
 * are only added to, and each party changes only its own fields. Throws 409 for a change of state
 * the rules do not allow, 403 for one that belongs to the other party, 422 for a missing reason
 * or a changed field; returns nothing when the change may be written.
 */
export function requireTaskChange(before: Task, after: Task, parties: readonly TaskParty[]): void {
  for (const field of FIXED_FIELDS) {
    if (!same((before as unknown as Record<string, unknown>)[field], (after as unknown as Record<string, unknown>)[field])) {
      throw unprocessable(`A Task's ${field} cannot change once it exists; cancel it and make a new one`, `Task.${field}`);
    }
  }
  const notesBefore = before.note ?? [];
  if (!same(notesBefore, (after.note ?? []).slice(0, notesBefore.length))) throw unprocessable('Notes on a Task are only ever added to, never changed or removed', 'Task.note');
  if (before.status !== after.status) requireTransition(before, after, parties);
  else if (TASK_FINISHED_STATUSES.includes(before.status) && !onlyNotes(before, after)) {
    throw conflictOf(`This Task is ${before.status}; it can no longer change (a note may still be added)`);
  }
  const changed = changedFields(before, after);
  if (changed.some((field) => !OWNER_FIELDS.has(field))) {
    if (!parties.includes('requester')) throw forbidden('The organisation a Task is addressed to may change its status, reason, notes and outputs, not the request itself');
    if (!TASK_START_STATUSES.includes(before.status)) throw conflictOf(`The request can be changed only until it is accepted; this Task is ${before.status}`);
  }
  if (changed.some((field) => field === 'output' || field === 'businessStatus') && !parties.includes('owner')) {
    throw forbidden("Only the organisation a Task is addressed to records its progress and outputs");
  }
}

function requireTransition(before: Task, after: Task, parties: readonly TaskParty[]): void {
  const legal = TASK_TRANSITIONS[before.status] ?? [];
  const move = legal.find((t) => t.to === after.status);
  if (!move) {
    const next = legal.map((t) => t.to);
    throw conflictOf(
      TASK_FINISHED_STATUSES.includes(before.status)
        ? `This Task is ${before.status} and cannot become ${after.status}`
        : `A Task that is ${before.status} can become ${next.join(', ')}, not ${after.status}`,
    );
  }
  if (!parties.includes(move.by)) {
    throw forbidden(
      move.by === 'owner'
        ? `Only the organisation the Task is addressed to may make it ${after.status}`
        : `Only the organisation that asked for the Task may make it ${after.status}`,
    );
  }
  if (TASK_REASON_STATUSES.includes(after.status) && !hasReason(after)) {
    throw unprocessable(`Say why the Task is ${after.status} (statusReason): the organisation that asked is shown the reason`, 'Task.statusReason');
  }
}

function changedFields(before: Task, after: Task): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k]));
}

const onlyNotes = (before: Task, after: Task): boolean => changedFields(before, after).every((k) => k === 'note' || k === 'meta' || k === 'text' || k === 'lastModified');

/** 409: well formed, but the Task's state does not allow it. */
const conflictOf = (message: string): OperationOutcomeError => new OperationOutcomeError(409, outcome('business-rule', message));
