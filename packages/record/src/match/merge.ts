import { badRequest, conflict, ID_PATTERN, notFound, parseStoredJson, validateResource, type Patient, type PatientLink, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { requireRecordIntegrity } from '../access/record-integrity';
import { audited } from '../audit/audited';
import type { SqlClient } from '../db/sql-client';
import { enterWrite } from '../store/change-lock';
import { writeVersion } from '../store/write';
import { isMergedAway } from './match';
import { activeMergeOf, insertMerge, lockRow, referringResources, type LockedRow, type MergeChange } from './merge-sql';
import { moveReferences } from './references';
import { selectReviewOfPair, setReviewStatus } from './reviews-sql';

export interface MergeRequest {
  /** The record merged away: it ends inactive, with Patient.link replaced-by the target. */
  sourceId: string;
  /** The surviving record: it gains Patient.link replaces the source, and every reference. */
  targetId: string;
}

export interface MergeResult {
  mergeId: string;
  source: Patient;
  target: Patient;
  /** How many other resources had references moved to the target. */
  moved: number;
}

/** 400 unless both ids are valid, different Patient ids. */
export function checkPair(request: MergeRequest): void {
  for (const [name, id] of [['source-patient', request.sourceId], ['target-patient', request.targetId]] as const) {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw badRequest(`${name} must refer to a Patient by id (Patient/{id})`, name);
  }
  if (request.sourceId === request.targetId) throw badRequest('source-patient and target-patient are the same Patient: a record cannot be merged into itself', 'target-patient');
}

/** Locks a live Patient for the merge; 404 when it does not exist or was deleted. */
export async function lockPatient(tx: SqlClient, id: string): Promise<{ row: LockedRow; patient: Patient }> {
  const row = await lockRow(tx, 'Patient', id);
  if (!row || row.deleted || row.content === null) throw notFound(`Patient/${id} is not known`);
  return { row, patient: parseStoredJson(row.content) as Patient };
}

/** Writes a new version keeping the row's recording organisation; returns the stored resource. */
export async function rewrite(tx: SqlClient, ctx: AccessContext, row: LockedRow, resource: Resource): Promise<Resource> {
  validateResource(resource);
  const stored = await writeVersion(tx, {
    ctx,
    resourceType: resource.resourceType,
    id: resource.id!,
    existing: row,
    resource,
    method: 'PUT',
    audit: { interaction: 'update' },
    organisation: row.organisation,
  });
  return stored!;
}

const link = (id: string, type: PatientLink['type']): PatientLink => ({ other: { reference: `Patient/${id}` }, type });

/**
 * Merges the source Patient into the target, in one transaction, all or nothing: every other
 * resource referring to the source is rewritten to refer to the target (a new version each,
 * so history shows it, the recording organisation kept), the source becomes inactive with
 * Patient.link replaced-by the target, and the target gains Patient.link replaces the source.
 * What changed (each resource's version before and after) is stored so `unmergePatients` can
 * restore it exactly. A pending review of the pair is marked confirmed. Audited: one
 * AuditEvent for the operation naming both people, and one per rewritten resource.
 */
export async function mergePatients(sql: SqlClient, ctx: AccessContext, request: MergeRequest): Promise<MergeResult> {
  const policy = new AccessPolicy(ctx);
  const entities = [`Patient/${String(request.sourceId)}`, `Patient/${String(request.targetId)}`];
  return audited(sql, ctx, { interaction: 'operation', operation: '$merge', query: 'Patient/$merge', entities }, async (tx) => {
    requireRecordIntegrity(policy);
    checkPair(request);
    await enterWrite(tx);
    const source = await lockPatient(tx, request.sourceId);
    const target = await lockPatient(tx, request.targetId);
    if ((await activeMergeOf(tx, request.sourceId)) || isMergedAway(source.patient)) {
      throw conflict(`Patient/${request.sourceId} is already merged into another record; unmerge it first`);
    }
    if ((await activeMergeOf(tx, request.targetId)) || isMergedAway(target.patient)) {
      throw conflict(`Patient/${request.targetId} has itself been merged into another record: merge into the surviving record instead`);
    }
    const changes: MergeChange[] = [];
    let moved = 0;
    for (const ref of await referringResources(tx, request.sourceId, request.targetId)) {
      const row = await lockRow(tx, ref.resource_type, ref.id);
      if (!row || row.deleted || row.content === null) continue;
      const resource = parseStoredJson(row.content) as Resource;
      if (moveReferences(resource, request.sourceId, request.targetId) === 0) continue;
      const stored = await rewrite(tx, ctx, row, resource);
      changes.push({ resource_type: ref.resource_type, id: ref.id, version_before: row.version, version_after: Number(stored.meta!.versionId) });
      moved++;
    }
    const mergedSource = { ...source.patient, active: false, link: [...(source.patient.link ?? []), link(request.targetId, 'replaced-by')] };
    const storedSource = (await rewrite(tx, ctx, source.row, mergedSource)) as Patient;
    const mergedTarget = { ...target.patient, link: [...(target.patient.link ?? []), link(request.sourceId, 'replaces')] };
    const storedTarget = (await rewrite(tx, ctx, target.row, mergedTarget)) as Patient;
    changes.push(
      { resource_type: 'Patient', id: request.sourceId, version_before: source.row.version, version_after: Number(storedSource.meta!.versionId) },
      { resource_type: 'Patient', id: request.targetId, version_before: target.row.version, version_after: Number(storedTarget.meta!.versionId) },
    );
    const mergeId = await insertMerge(tx, request.sourceId, request.targetId, ctx.principal.id, changes);
    const review = await selectReviewOfPair(tx, request.sourceId, request.targetId);
    if (review) await setReviewStatus(tx, review.id, 'confirmed-duplicate', ctx.principal.id, mergeId);
    return { result: { mergeId, source: storedSource, target: storedTarget, moved }, patients: [request.sourceId, request.targetId] };
  });
}
