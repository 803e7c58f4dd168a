import { OperationOutcomeError, type Annotation, type Organization, type Patient, type ServiceRequest, type Task } from '@footprint/fhir';
import { dissentingChoice, systemContext, type AccessContext, type Repository, type SqlClient } from '@footprint/record';
import { CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError } from '../errors';
import type { ReferralRequest, TaskStatusChange } from './input';
import { referralBundle } from './shape';

/** What the referrals service needs of the record: the Repository and, for the sharing-choice check, its SQL. */
export interface CoordinationRecord {
  repo: Repository;
  sql: SqlClient;
}

/** The platform revokes a rejected or cancelled referral's ServiceRequest, so it grants nothing further. */
const REVOKER = systemContext('SYSADMIN', 'footprint-referrals');

export interface MadeReferral {
  taskId: string;
  serviceRequestId: string;
}

export const organisationName = (o: Organization | undefined, fallback: string): string => o?.name ?? fallback;

export async function readOrganisation(repo: Repository, ctx: AccessContext, reference: string): Promise<Organization | undefined> {
  try {
    return await repo.read<Organization>(ctx, 'Organization', reference.replace(/^Organization\//, ''));
  } catch (err) {
    if (err instanceof OperationOutcomeError && (err.status === 404 || err.status === 410)) return undefined;
    throw err;
  }
}

/**
 * Why a referral to `to` would not reach it: the person's sharing choice keeps the receiving
 * organisation from their record, so it could not read the referral. The sender is told in words.
 */
export function dissentMessage(choice: 'recording-organisation' | 'gp-and-treating', receiver: string): string {
  const why =
    choice === 'recording-organisation'
      ? 'This person has chosen to share each part of their record only with the organisation that recorded it'
      : 'This person has chosen to share their record only with their GP practice and the organisations treating them now';
  return `${why}, so ${receiver} could not read this referral. Nothing has been sent. Talk to the person about their choice, or contact ${receiver} another way.`;
}

/**
 * Makes a referral from the user's organisation to another partner (docs/coordination.md §4): the
 * ServiceRequest and its tracking Task in one transaction, through the record's policy, so the
 * sender needs a care relationship with the person and the write is audited. A referral the person's
 * sharing choice would keep from the receiving organisation is refused (409), saying why.
 */
export async function makeReferral(record: CoordinationRecord, ctx: AccessContext, request: ReferralRequest): Promise<MadeReferral> {
  const from = ctx.organisation?.reference;
  if (!from) throw new CoordinationInputError(['Referrals are made by an organisation: your account is not linked to one']);
  if (from === request.to) throw new CoordinationInputError(['to must be another organisation than your own']);
  const receiver = await readOrganisation(record.repo, ctx, request.to);
  if (!receiver) throw new CoordinationInputError([`to: no organisation ${request.to} is known`]);
  // Reading the person first gives the ordinary answer (no relationship, break glass) before anything else.
  await record.repo.read<Patient>(ctx, 'Patient', request.patientId);
  const choice = await dissentingChoice(record.sql, request.patientId, request.to);
  if (choice) throw new CoordinationConflictError(dissentMessage(choice, organisationName(receiver, request.to)), 'The person’s sharing choice stops this referral');
  const bundle = referralBundle({ ...request, from });
  const answer = await record.repo.processBundle(ctx, bundle);
  const [requestLocation, taskLocation] = (answer.entry ?? []).map((e) => e.response?.location ?? '');
  const id = (location: string) => location.split('/')[1];
  return { serviceRequestId: id(requestLocation), taskId: id(taskLocation) };
}

/** The Task after `change` by this user: its status, reason, an added note, and when work started or finished. */
function changed(task: Task, change: TaskStatusChange, author: string | undefined, now: string): Task {
  const note: Annotation[] = [...(task.note ?? []), ...(change.note ? [{ text: change.note, time: now, ...(author ? { authorString: author } : {}) }] : [])];
  const period = { ...task.executionPeriod };
  if (change.status === 'in-progress' && !period.start) period.start = now;
  if (['completed', 'failed', 'cancelled', 'rejected'].includes(change.status)) period.end = now;
  const next: Task = { ...task, status: change.status, lastModified: now, ...(note.length ? { note } : {}) };
  if (change.reason) next.statusReason = { text: change.reason };
  if (period.start || period.end) next.executionPeriod = period;
  return next;
}

/**
 * Moves a Task on (accept, reject with a reason, start, hold, complete, fail, cancel) as the user's
 * organisation. The record's state machine decides whether the change is legal and whose it is
 * (task-workflow.ts); its refusals (409, 403, 422) are answered as they are. A rejected or
 * cancelled referral's ServiceRequest is revoked in the same transaction, so the receiving
 * organisation's care relationship from it ends.
 */
export async function changeTaskStatus(record: CoordinationRecord, ctx: AccessContext, taskId: string, change: TaskStatusChange): Promise<Task> {
  return record.repo.transaction(ctx, async (repo) => {
    let task: Task;
    try {
      task = await repo.read<Task>(ctx, 'Task', taskId);
    } catch (err) {
      if (err instanceof OperationOutcomeError && (err.status === 404 || err.status === 410)) throw new CoordinationNotFoundError(`No task ${taskId} is visible to your organisation`);
      throw err;
    }
    if (change.version && task.meta?.versionId !== change.version) {
      throw new CoordinationConflictError(`Someone changed this task since you opened it (it is now at version ${task.meta?.versionId}); reload to see what changed`, 'Changed by someone else');
    }
    const author = ctx.principal.kind === 'patient' ? undefined : ctx.principal.display;
    const next = changed(task, change, author, new Date().toISOString());
    const updated = (await repo.update<Task>(ctx, next, { ifMatch: `W/"${task.meta?.versionId}"` })).resource;
    const focus = /^ServiceRequest\/([A-Za-z0-9\-.]{1,64})$/.exec(task.focus?.reference ?? '');
    if ((change.status === 'rejected' || change.status === 'cancelled') && focus) {
      const request = await repo.read<ServiceRequest>(REVOKER, 'ServiceRequest', focus[1]);
      if (request.status === 'active' || request.status === 'draft' || request.status === 'on-hold') await repo.update<ServiceRequest>(REVOKER, { ...request, status: 'revoked' });
    }
    return updated;
  });
}
