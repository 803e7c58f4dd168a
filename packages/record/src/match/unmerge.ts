import { conflict, parseStoredJson, type Patient, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { requireRecordIntegrity } from '../access/record-integrity';
import { audited } from '../audit/audited';
import type { SqlClient } from '../db/sql-client';
import { enterWrite } from '../store/change-lock';
import { checkPair, lockPatient, rewrite, type MergeRequest } from './merge';
import { activeMergeOf, lockRow, markUnmerged, mergeChanges, versionContent, type MergeChange } from './merge-sql';
import { moveReferences, refersTo } from './references';
import { selectReviewOfPair, setReviewStatus } from './reviews-sql';

export interface UnmergeResult {
  source: Patient;
  target: Patient;
  /** How many other resources had their references moved back to the source. */
  restored: number;
}

/**
 * The content to write back for one resource the merge changed. Unchanged since the merge:
 * exactly its content before the merge. Changed since: the current content with the merge's
 * own edit undone (references back to the source; for the two Patients, the added link removed
 * and `active` as it was), refused with 409 when that cannot be told apart from the later change.
 */
async function restoredContent(tx: SqlClient, change: MergeChange, request: MergeRequest, row: { rid: string; version: number; content: string | null }): Promise<Resource> {
  const before = await versionContent(tx, row.rid, change.version_before);
  if (before === null) throw conflict(`${change.resource_type}/${change.id} has no stored version ${change.version_before} to restore`);
  const original = parseStoredJson(before) as Resource;
  if (row.version === change.version_after) return original;
  const current = parseStoredJson(row.content!) as Resource;
  if (change.resource_type === 'Patient' && (change.id === request.sourceId || change.id === request.targetId)) {
    const patient = current as Patient;
    const other = change.id === request.sourceId ? request.targetId : request.sourceId;
    const type = change.id === request.sourceId ? 'replaced-by' : 'replaces';
    const links = (patient.link ?? []).filter((l) => !(l.type === type && l.other?.reference === `Patient/${other}`));
    const { link: _link, active: _active, ...rest } = patient;
    const was = original as Patient;
    return { ...rest, ...(links.length ? { link: links } : {}), ...(was.active !== undefined ? { active: was.active } : {}) } as Patient;
  }
  if (refersTo(original, request.targetId)) {
    throw conflict(`${change.resource_type}/${change.id} changed since the merge and referred to both records before it: restore it by hand`);
  }
  moveReferences(current, request.targetId, request.sourceId);
  return current;
}

/**
 * Undoes the merge of the source into the target, all or nothing: every resource the merge
 * changed is written back (a new version each) as it was before the merge, so both records,
 * their references, searches and $everything are as before; records changed since the merge
 * keep those changes. The review of the pair goes back to pending for a person to decide
 * again. Audited like the merge.
 */
export async function unmergePatients(sql: SqlClient, ctx: AccessContext, request: MergeRequest): Promise<UnmergeResult> {
  const policy = new AccessPolicy(ctx);
  const entities = [`Patient/${String(request.sourceId)}`, `Patient/${String(request.targetId)}`];
  return audited(sql, ctx, { interaction: 'operation', operation: '$unmerge', query: 'Patient/$unmerge', entities }, async (tx) => {
    requireRecordIntegrity(policy);
    checkPair(request);
    await enterWrite(tx);
    await lockPatient(tx, request.sourceId);
    await lockPatient(tx, request.targetId);
    const merge = await activeMergeOf(tx, request.sourceId, true);
    if (!merge || merge.target_id !== request.targetId) throw conflict(`Patient/${request.sourceId} is not merged into Patient/${request.targetId}`);
    let restored = 0;
    const written = new Map<string, Resource>();
    for (const change of await mergeChanges(tx, merge.id)) {
      const row = await lockRow(tx, change.resource_type, change.id);
      if (!row || row.deleted || row.content === null) throw conflict(`${change.resource_type}/${change.id} was deleted after the merge: it cannot be restored`);
      const stored = await rewrite(tx, ctx, row, await restoredContent(tx, change, request, row));
      written.set(`${change.resource_type}/${change.id}`, stored);
      if (change.resource_type !== 'Patient' || (change.id !== request.sourceId && change.id !== request.targetId)) restored++;
    }
    await markUnmerged(tx, merge.id, ctx.principal.id);
    const review = await selectReviewOfPair(tx, request.sourceId, request.targetId);
    if (review) await setReviewStatus(tx, review.id, 'pending', null, null);
    const source = written.get(`Patient/${request.sourceId}`) as Patient;
    const target = written.get(`Patient/${request.targetId}`) as Patient;
    return { result: { source, target, restored }, patients: [request.sourceId, request.targetId] };
  });
}
