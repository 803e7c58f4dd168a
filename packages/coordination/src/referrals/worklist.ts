import { OperationOutcomeError, type Organization, type Patient, type Resource, type ServiceRequest, type Task } from '@footprint/fhir';
import { isWorkflowTask, TASK_FINISHED_STATUSES, TASK_TRANSITIONS, type AccessContext, type Repository, type TaskParty } from '@footprint/record';
import { personSummary } from '../people';
import { REFERRAL_CATEGORY_SYSTEM } from './shape';

/** Plain-words names of a Task's states, as the worklist and the sender see them. */
export const TASK_STATE_LABELS: Record<string, string> = {
  draft: 'Draft',
  requested: 'Waiting to be accepted',
  accepted: 'Accepted',
  rejected: 'Rejected',
  'in-progress': 'In progress',
  'on-hold': 'On hold',
  completed: 'Completed',
  failed: 'Could not be done',
  cancelled: 'Cancelled',
  'entered-in-error': 'Entered in error',
};

export const REFERRAL_CATEGORY_LABELS: Record<string, string> = {
  'adult-social-care': 'Adult social care',
  'community-services': 'Community services',
  'social-prescribing': 'Social prescribing',
  'mental-health': 'Mental health',
  other: 'Other',
};

/** One row of an organisation's worklist. The person is shown only where the record lets this user read them. */
export interface WorklistItem {
  taskId: string;
  version: string;
  status: string;
  statusLabel: string;
  statusReason?: string;
  category?: string;
  categoryLabel: string;
  reason: string;
  priority: string;
  authoredOn?: string;
  lastModified?: string;
  dueDate?: string;
  /** Due before today and not finished. */
  overdue: boolean;
  patient?: { id: string; name: string; nhsNumber?: string; birthDate?: string };
  from: { reference: string; name: string };
  to: { reference: string; name: string };
  notes: { text: string; time?: string; author?: string }[];
  /** The statuses this user's organisation may move the Task to now. */
  moves: string[];
}

export interface Worklist {
  direction: 'incoming' | 'outgoing';
  organisation: string;
  items: WorklistItem[];
  counts: { open: number; overdue: number; finished: number };
  /** Why the list is empty when the user's role may not read referrals at all. */
  notice?: string;
}


/** The statuses `parties` may move a Task that is `status` to (task-workflow.ts's table). */
export function movesFor(status: string, parties: readonly TaskParty[]): string[] {
  return (TASK_TRANSITIONS[status as Task['status']] ?? []).filter((t) => parties.includes(t.by)).map((t) => t.to);
}

/** The parties `organisation` is for `task`: its owner, its requester, or both. */
export function partiesOf(task: Task, organisation: string): TaskParty[] {
  const parties: TaskParty[] = [];
  if (task.owner?.reference === organisation) parties.push('owner');
  if (task.requester?.reference === organisation) parties.push('requester');
  return parties;
}

/** Builds a worklist row from a Task and what the search included with it. */
export function worklistItem(task: Task, included: ReadonlyMap<string, Resource>, organisation: string, today: string): WorklistItem {
  const request = included.get(task.focus?.reference ?? '') as ServiceRequest | undefined;
  const patient = included.get(task.for?.reference ?? '') as Patient | undefined;
  const org = (ref: string | undefined) => ({ reference: ref ?? '', name: (included.get(ref ?? '') as Organization | undefined)?.name ?? 'Organisation not known' });
  const category = request?.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === REFERRAL_CATEGORY_SYSTEM)?.code;
  const dueDate = task.restriction?.period?.end?.slice(0, 10);
  const finished = TASK_FINISHED_STATUSES.includes(task.status);
  return {
    taskId: task.id!,
    version: task.meta?.versionId ?? '1',
    status: task.status,
    statusLabel: TASK_STATE_LABELS[task.status] ?? task.status,
    ...(task.statusReason?.text ? { statusReason: task.statusReason.text } : {}),
    ...(category ? { category } : {}),
    categoryLabel: category ? (REFERRAL_CATEGORY_LABELS[category] ?? category) : 'Task',
    reason: task.description ?? request?.reasonCode?.[0]?.text ?? '',
    priority: task.priority ?? 'routine',
    ...(task.authoredOn ? { authoredOn: task.authoredOn } : {}),
    ...(task.lastModified ? { lastModified: task.lastModified } : {}),
    ...(dueDate ? { dueDate } : {}),
    overdue: !finished && dueDate !== undefined && dueDate < today,
    ...(patient ? { patient: { id: patient.id!, ...personSummary(patient) } } : {}),
    from: org(task.requester?.reference),
    to: org(task.owner?.reference),
    notes: (task.note ?? []).map((n) => ({ text: n.text, ...(n.time ? { time: n.time } : {}), ...(n.authorString ? { author: n.authorString } : {}) })),
    moves: movesFor(task.status, partiesOf(task, organisation)),
  };
}

const ORDER = (a: WorklistItem, b: WorklistItem): number =>
  Number(b.overdue) - Number(a.overdue) || Number(TASK_FINISHED_STATUSES.includes(a.status as Task['status'])) - Number(TASK_FINISHED_STATUSES.includes(b.status as Task['status'])) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || (b.authoredOn ?? '').localeCompare(a.authoredOn ?? '');

/**
 * The user's organisation's worklist (docs/coordination.md §4): the Tasks addressed to it
 * (`incoming`) or that it asked for (`outgoing`), overdue first, then open by due date, then
 * finished. Read through the record's policy (and audited), so a Task or a person the user may not
 * see is not shown.
 */
export async function worklist(repo: Repository, ctx: AccessContext, direction: 'incoming' | 'outgoing', today = new Date().toISOString().slice(0, 10)): Promise<Worklist> {
  const organisation = ctx.organisation?.reference ?? '';
  const items: WorklistItem[] = [];
  if (organisation) {
    const params: Array<[string, string]> = [
      [direction === 'incoming' ? 'owner' : 'requester', organisation],
      ['_include', 'Task:focus'],
      ['_include', 'Task:patient'],
      ['_include', 'Task:owner'],
      ['_include', 'Task:requester'],
      ['_sort', '-_lastUpdated'],
      ['_count', '200'],
    ];
    let result;
    try {
      result = await repo.search(ctx, 'Task', params);
    } catch (err) {
      if (!(err instanceof OperationOutcomeError && err.status === 403)) throw err;
      return { direction, organisation, items, counts: { open: 0, overdue: 0, finished: 0 }, notice: 'Your role does not see referrals and tasks in the shared care record yet.' };
    }
    const included = new Map<string, Resource>(result.includes.map((r) => [`${r.resourceType}/${r.id}`, r]));
    for (const task of result.matches.filter(isWorkflowTask)) items.push(worklistItem(task, included, organisation, today));
  }
  items.sort(ORDER);
  const finished = items.filter((i) => TASK_FINISHED_STATUSES.includes(i.status as Task['status'])).length;
  return { direction, organisation, items, counts: { open: items.length - finished, overdue: items.filter((i) => i.overdue).length, finished } };
}
