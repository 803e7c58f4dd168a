import type { Task } from '@footprint/fhir';
import { contributingOrganisation, type AccessContext, type Repository } from '@footprint/record';
import { TASK_STATE_LABELS } from './worklist';

/** One change of a Task's state, as the sender and the receiver both see it. */
export interface TaskStateChange {
  version: string;
  status: string;
  statusLabel: string;
  at: string;
  /** The organisation that made the change (the record's contributing organisation of that version). */
  organisation?: string;
  reason?: string;
}

/**
 * The Task's changes of state, oldest first, from the record's history (read through the policy
 * and audited): what each version changed the status to, when, and for which organisation.
 */
export async function taskStateHistory(repo: Repository, ctx: AccessContext, taskId: string): Promise<TaskStateChange[]> {
  const history = await repo.history(ctx, { resourceType: 'Task', id: taskId, count: 100 });
  const versions = history.entries.filter((e) => e.resource).map((e) => ({ entry: e, task: e.resource as Task }));
  versions.sort((a, b) => Number(a.entry.versionId) - Number(b.entry.versionId));
  const changes: TaskStateChange[] = [];
  for (const { entry, task } of versions) {
    if (changes.at(-1)?.status === task.status) continue;
    const organisation = contributingOrganisation(task);
    changes.push({
      version: entry.versionId,
      status: task.status,
      statusLabel: TASK_STATE_LABELS[task.status] ?? task.status,
      at: entry.lastUpdated,
      ...(organisation ? { organisation } : {}),
      ...(task.statusReason?.text && task.status !== 'requested' ? { reason: task.statusReason.text } : {}),
    });
  }
  return changes;
}
