import { badRequest, gone, ID_PATTERN, isResourceType, notFound, parseStoredJson, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { redactQuery } from '../audit/audit-event';
import { audited } from '../audit/audited';
import type { SqlClient } from '../db/sql-client';
import { historyPage } from '../history/history';
import type { EverythingRequest, HistoryRequest, HistoryResult, SearchOptions, SearchParams, SearchResult } from '../repository';
import { tableFor } from '../search/compile';
import { applyElements } from '../search/elements';
import { everythingPage } from '../search/everything';
import { executeSearch } from '../search/execute';
import { parseRow, type ResourceRow } from '../search/include';
import { parseSearch } from '../search/parse';
import { SqlParams } from '../db/sql-params';

function checkResourceType(resourceType: string): void {
  if (!isResourceType(resourceType)) throw badRequest(`"${resourceType}" is not a FHIR R4 resource type`);
}

/** Reads need no transaction: see AuditedOptions.singleStatement. */
const READ_ONLY = { singleStatement: true } as const;

const patientsOf = (rows: readonly ResourceRow[]): string[] => [...new Set(rows.flatMap((r) => (r.patient_id ? [r.patient_id] : [])))];

interface ReadRow {
  rid: string;
  deleted: boolean;
  patient_id: string | null;
  organisation: string | null;
  content: string | null;
  /** The policy's decision for this row, made in the same query (care relationships are joined there). */
  visible: boolean;
  [key: string]: unknown;
}

export async function readResource<T extends Resource>(sql: SqlClient, ctx: AccessContext, resourceType: string, id: string): Promise<T> {
  const policy = new AccessPolicy(ctx);
  const reference = `${resourceType}/${id}`;
  return audited(sql, ctx, { interaction: 'read', entities: [reference] }, async (tx) => {
    checkResourceType(resourceType);
    policy.require('r', resourceType);
    // An id no resource can have (NUL, spaces, too long) is not known, without asking the database.
    if (!ID_PATTERN.test(id)) throw policy.notVisible(resourceType, reference);
    const params = new SqlParams();
    const where = `r.resource_type = ${params.add(resourceType)} AND r.id = ${params.add(id)}`;
    const { rows } = await tx.query<ReadRow>(
      `SELECT r.rid::text AS rid, r.deleted, r.patient_id, r.content, ${policy.visibility('r', 'r', params)} AS visible FROM ${tableFor(resourceType)} r WHERE ${where}`,
      params.values,
      { prepare: true },
    );
    const row = rows[0];
    if (!row?.visible) throw policy.notVisible(resourceType, reference);
    if (row.deleted || row.content === null) throw gone(`${reference} has been deleted`);
    return { result: parseStoredJson(row.content) as T, patients: row.patient_id ? [row.patient_id] : [] };
  }, READ_ONLY);
}

export async function vreadResource<T extends Resource>(sql: SqlClient, ctx: AccessContext, resourceType: string, id: string, versionId: string): Promise<T> {
  const policy = new AccessPolicy(ctx);
  const reference = `${resourceType}/${id}/_history/${versionId}`;
  return audited(sql, ctx, { interaction: 'vread', entities: [`${resourceType}/${id}`] }, async (tx) => {
    checkResourceType(resourceType);
    policy.require('r', resourceType);
    if (!/^\d{1,9}$/.test(versionId) || !ID_PATTERN.test(id)) throw policy.notVisible(resourceType, reference);
    const params = new SqlParams();
    const [type, key, version] = [params.add(resourceType), params.add(id), params.add(Number(versionId))];
    const { rows } = await tx.query<ReadRow>(
      resourceType === 'AuditEvent'
        ? `SELECT h.rid::text AS rid, h.deleted, h.patient_id, h.content, ${policy.visibility('h', 'r', params)} AS visible FROM audit_event h
           WHERE h.resource_type = ${type} AND h.id = ${key} AND h.version = ${version}`
        : `SELECT h.rid::text AS rid, h.deleted, h.patient_id, h.content, ${policy.visibility('h', 'r', params)} AS visible FROM resource r JOIN resource_history h ON h.rid = r.rid
           WHERE r.resource_type = ${type} AND r.id = ${key} AND h.version = ${version}`,
      params.values,
    );
    const row = rows[0];
    if (!row?.visible) throw policy.notVisible(resourceType, reference);
    if (row.deleted || row.content === null) throw gone(`${reference} is a deletion`);
    return { result: parseStoredJson(row.content) as T, patients: row.patient_id ? [row.patient_id] : [] };
  }, READ_ONLY);
}

export async function searchResources(sql: SqlClient, ctx: AccessContext, resourceType: string, params: SearchParams, options: SearchOptions = {}): Promise<SearchResult> {
  const policy = new AccessPolicy(ctx);
  const query = redactQuery(resourceType, params.filter(([k]) => k !== '_cursor'));
  return audited(sql, ctx, { interaction: 'search-type', query }, async (tx) => {
    checkResourceType(resourceType);
    policy.require('s', resourceType);
    const model = parseSearch(resourceType, params, options.handling ?? 'lenient');
    policy.requireDisclosure(resourceType, model.summaryCount);
    const page = await executeSearch(tx, policy, model);
    const shape = (r: ResourceRow) => applyElements(parseRow(r), model.elements);
    const result: SearchResult = {
      matches: page.rows.map(shape),
      includes: page.includes.map(parseRow),
      ...(page.total !== undefined ? { total: page.total } : {}),
      ...(page.next ? { next: page.next } : {}),
      applied: model.applied,
      warnings: model.warnings,
    };
    return { result, patients: patientsOf([...page.rows, ...page.includes]) };
  }, READ_ONLY);
}

export async function resourceHistory(sql: SqlClient, ctx: AccessContext, request: HistoryRequest): Promise<HistoryResult> {
  const policy = new AccessPolicy(ctx);
  const interaction = request.id ? 'history-instance' : request.resourceType ? 'history-type' : 'history-system';
  const entity = request.id ? [`${request.resourceType}/${request.id}`] : [];
  return audited(sql, ctx, { interaction, entities: entity }, async (tx) => {
    let rid: string | undefined;
    if (request.complete) policy.requireSystemHistory();
    if (request.resourceType) {
      checkResourceType(request.resourceType);
      policy.require(request.id ? 'r' : 's', request.resourceType);
    }
    if (request.id) {
      if (!request.resourceType) throw badRequest('Instance history needs a resource type');
      if (!ID_PATTERN.test(request.id)) throw policy.notVisible(request.resourceType, `${request.resourceType}/${request.id}`);
      const params = new SqlParams();
      const { rows } = await tx.query<{ rid: string; visible: boolean }>(
        `SELECT r.rid::text AS rid, ${policy.visibility('r', 'r', params)} AS visible FROM resource r
         WHERE r.resource_type = ${params.add(request.resourceType)} AND r.id = ${params.add(request.id)}`,
        params.values,
      );
      if (!rows[0]?.visible) throw policy.notVisible(request.resourceType, `${request.resourceType}/${request.id}`);
      rid = rows[0].rid;
    }
    const page = await historyPage(tx, policy, request, rid);
    return { result: { entries: page.entries, ...(page.next ? { next: page.next } : {}) }, patients: page.patients };
  });
}

export async function patientEverything(sql: SqlClient, ctx: AccessContext, patientId: string, request: EverythingRequest): Promise<SearchResult> {
  const policy = new AccessPolicy(ctx);
  return audited(sql, ctx, { interaction: 'operation', operation: '$everything', entities: [`Patient/${patientId}`] }, async (tx) => {
    policy.require('r', 'Patient');
    if (!ID_PATTERN.test(patientId)) throw policy.notVisible('Patient', `Patient/${patientId}`);
    const params = new SqlParams();
    const { rows } = await tx.query<{ deleted: boolean; visible: boolean }>(
      `SELECT r.deleted, ${policy.visibility('r', 'r', params)} AS visible FROM resource r WHERE r.resource_type = 'Patient' AND r.id = ${params.add(patientId)}`,
      params.values,
    );
    if (!rows[0]?.visible) throw policy.notVisible('Patient', `Patient/${patientId}`);
    if (rows[0].deleted) throw notFound(`Patient/${patientId} is not known`);
    const page = await everythingPage(tx, policy, patientId, request);
    const result: SearchResult = {
      matches: page.rows.map(parseRow),
      includes: page.includes.map(parseRow),
      ...(page.next ? { next: page.next } : {}),
      applied: [],
      warnings: [],
    };
    return { result, patients: [patientId] };
  });
}
