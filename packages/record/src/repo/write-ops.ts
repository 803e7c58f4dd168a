import { randomUUID } from 'node:crypto';
import {
  badRequest,
  extractSearchValues,
  ID_PATTERN,
  isResourceType,
  notFound,
  parseStoredJson,
  preconditionFailed,
  requireInteraction,
  validateResource,
  type OperationOutcomeError,
  type Resource,
} from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { isWorkflowTask } from '../access/task-workflow';
import { audited } from '../audit/audited';
import type { SqlClient } from '../db/sql-client';
import type { CreateOptions, UpdateOptions, WriteResult } from '../repository';
import { executeSearch } from '../search/execute';
import { parseSearch } from '../search/parse';
import { enterWrite } from '../store/change-lock';
import { loadCurrent, type CurrentRow } from '../store/current';
import { patientKey } from '../store/compartment';
import { writeVersion } from '../store/write';

/** Parses `If-Match` (`W/"3"`, `"3"` or `3`) into a version number. */
export function parseIfMatch(value: string): number {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(value.trim());
  if (!m) throw badRequest(`If-Match must be a version ETag such as W/"3", not "${value}"`, 'If-Match');
  return Number(m[1]);
}

function checkId(id: unknown, where: string): string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw badRequest(`"${String(id)}" is not a valid resource id (1–64 letters, digits, '-' or '.')`, where);
  return id;
}

/** 400 for a type that is not R4; 405 for one the record does not store from clients (AuditEvent, Parameters). */
function checkType(resourceType: string, interaction: 'create' | 'update' | 'delete'): void {
  if (!isResourceType(resourceType)) throw badRequest(`"${resourceType}" is not a FHIR R4 resource type`, 'resourceType');
  requireInteraction(resourceType, interaction);
}

/**
 * Why an update or delete of a row is refused: a 403 naming the contribution rule when the
 * context may see the row (someone else contributed it, stewardship.ts), otherwise a 404 as if it
 * did not exist, so nothing leaks.
 */
async function refusal(tx: SqlClient, policy: AccessPolicy, existing: CurrentRow, resourceType: string, reference: string): Promise<OperationOutcomeError> {
  return (await policy.permits(tx, existing, resourceType, 'r')) ? policy.writeRefusal(reference) : notFound(`${reference} is not known`);
}

/** The person whose record `resource` belongs to (its patient-compartment key), if any. */
const compartmentOf = (resource: Resource): string | undefined => patientKey(resource, extractSearchValues(resource));

/** create, with conditional create (`ifNoneExist`) evaluated inside the same transaction. */
export async function createResource<T extends Resource>(sql: SqlClient, ctx: AccessContext, resource: T, options: CreateOptions = {}): Promise<WriteResult<T>> {
  const policy = new AccessPolicy(ctx);
  const type = typeof resource?.resourceType === 'string' ? resource.resourceType : 'Resource';
  return audited<WriteResult<T>>(sql, ctx, { interaction: 'create', entities: [] }, async (tx) => {
    policy.require('c', type);
    validateResource(resource);
    checkType(resource.resourceType, 'create');
    policy.requireCreateContent(resource);
    await policy.requireCompartmentWrite(tx, compartmentOf(resource));
    if (options.ifNoneExist !== undefined) {
      const params = [...new URLSearchParams(options.ifNoneExist)] as Array<[string, string]>;
      if (params.length === 0) throw badRequest('If-None-Exist must hold a search, e.g. identifier=system|value', 'If-None-Exist');
      const model = parseSearch(resource.resourceType, [...params, ['_count', '2']], 'strict');
      const page = await executeSearch(tx, policy, model);
      if (page.rows.length > 1) throw preconditionFailed(`If-None-Exist matched more than one existing ${resource.resourceType}`);
      if (page.rows.length === 1) {
        const existing = parseStoredJson(page.rows[0].content) as T;
        return { result: { resource: existing, outcome: 'unchanged' as const }, patients: page.rows[0].patient_id ? [page.rows[0].patient_id] : [], entities: [`${existing.resourceType}/${existing.id}`] };
      }
    }
    const id = options.keepId && resource.id !== undefined ? checkId(resource.id, 'id') : randomUUID();
    const existing = options.keepId ? (await enterWrite(tx), await loadCurrent(tx, resource.resourceType, id, true)) : undefined;
    if (existing && !existing.deleted) throw badRequest(`${resource.resourceType}/${id} already exists; use update`, 'id');
    const stored = await writeVersion(tx, {
      ctx,
      resourceType: resource.resourceType,
      id,
      existing,
      resource,
      method: 'POST',
      audit: { interaction: 'create' },
      lockInStatement: !options.keepId,
    });
    return { result: { resource: stored as T, outcome: 'created' as const }, patients: [], audit: false };
  }, { singleStatement: options.ifNoneExist === undefined && !options.keepId });
}

/** update, creating the resource with the client's id when it does not exist (update-as-create). */
export async function updateResource<T extends Resource>(sql: SqlClient, ctx: AccessContext, resource: T, options: UpdateOptions = {}): Promise<WriteResult<T>> {
  const policy = new AccessPolicy(ctx);
  const type = typeof resource?.resourceType === 'string' ? resource.resourceType : 'Resource';
  const reference = `${type}/${String(resource?.id)}`;
  return audited<WriteResult<T>>(sql, ctx, { interaction: 'update', entities: [reference] }, async (tx) => {
    // Staff answer the correction requests addressed to their organisation, and change them no other way.
    const mayAnswer = policy.answersCorrections(type);
    if (!mayAnswer) policy.require('u', type);
    validateResource(resource);
    checkType(resource.resourceType, 'update');
    const id = checkId(resource.id, 'id');
    await enterWrite(tx);
    const existing = await loadCurrent(tx, resource.resourceType, id, true);
    const current = type === 'Task' && existing && !existing.deleted && existing.content ? (parseStoredJson(existing.content) as Resource) : undefined;
    if (mayAnswer && policy.answerPathFor(current, resource)) {
      if (!current || !policy.permitsAnswer(current, resource)) throw notFound(`${reference} is not known`);
    } else if (existing && isWorkflowTask(current)) {
      // A Task between partners is moved on by its owner and cancelled by its requester (task-workflow.ts).
      policy.require('u', type);
      if (!(await policy.permits(tx, existing, type, 'r'))) throw notFound(`${reference} is not known`);
      policy.requireTaskUpdate(current, resource);
    } else if (existing && !(await policy.permits(tx, existing, resource.resourceType, 'u'))) throw await refusal(tx, policy, existing, resource.resourceType, reference);
    if (!existing) policy.require('c', type);
    if (!existing || existing.deleted) policy.requireCreateContent(resource);
    else policy.requireStaffContent(resource);
    // Writing into a person's record (a new resource, or one moved to another person) needs access to them.
    const patient = compartmentOf(resource);
    if (!existing || existing.deleted || (patient ?? null) !== existing.patient_id) await policy.requireCompartmentWrite(tx, patient);
    if (options.ifMatch !== undefined) {
      const expected = parseIfMatch(options.ifMatch);
      if (!existing || existing.version !== expected) {
        throw preconditionFailed(`${reference} is at version ${existing?.version ?? 'none'}, not ${expected} (If-Match)`);
      }
    }
    const stored = await writeVersion(tx, {
      ctx,
      resourceType: resource.resourceType,
      id,
      existing,
      resource,
      method: 'PUT',
      audit: { interaction: existing ? 'update' : 'create' },
    });
    return { result: { resource: stored as T, outcome: existing ? ('updated' as const) : ('created' as const) }, patients: [], audit: false };
  });
}

/** delete: a new, deleted version; history keeps every earlier one. Deleting a deleted resource is a no-op. */
export async function deleteResource(sql: SqlClient, ctx: AccessContext, resourceType: string, id: string): Promise<void> {
  const policy = new AccessPolicy(ctx);
  const reference = `${resourceType}/${id}`;
  await audited(sql, ctx, { interaction: 'delete', entities: [reference] }, async (tx) => {
    policy.require('d', resourceType);
    checkType(resourceType, 'delete');
    if (!ID_PATTERN.test(id)) throw notFound(`${reference} is not known`);
    await enterWrite(tx);
    const existing = await loadCurrent(tx, resourceType, id, true);
    if (!existing) throw notFound(`${reference} is not known`);
    if (!(await policy.permits(tx, existing, resourceType, 'd'))) throw await refusal(tx, policy, existing, resourceType, reference);
    if (existing.deleted) return { result: undefined, patients: existing.patient_id ? [existing.patient_id] : [] };
    await writeVersion(tx, { ctx, resourceType, id, existing, resource: undefined, method: 'DELETE', audit: { interaction: 'delete' } });
    return { result: undefined, patients: [], audit: false };
  });
}
