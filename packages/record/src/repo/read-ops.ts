import { badRequest, gone, isResourceType, notFound, parseStoredJson, type Resource } from '@footprint/fhir';
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
  [key: string]: unknown;
}

export async function readResource<T extends Resource>(sql: SqlClient, ctx: AccessContext, resourceType: string, id: string): Promise<T> {
  const policy = new AccessPolicy(ctx);
  const reference = `${resourceType}/${id}`;
  return audited(sql, ctx, { interaction: 'read', entities: [reference] }, async (tx) => {
    checkResourceType(resourceType);
    policy.require('r', resourceType);
    const { rows } = await tx.query<ReadRow>(
      `SELECT rid::text AS rid, deleted, patient_id, organisation, content FROM ${tableFor(resourceType)} WHERE resource_type = $1 AND id = $2`,
      [resourceType, id],
      { prepare: true },
    );
    const row = rows[0];
    if (!row || !(await policy.permits(tx, row, resourceType, 'r'))) throw notFound(`${reference} is not known`);
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
    if (!/^\d{1,9}$/.test(versionId)) throw notFound(`${reference} is not known`);
    const { rows } = await tx.query<ReadRow>(
      resourceType === 'AuditEvent'
        ? `SELECT rid::text AS rid, deleted, patient_id, organisation, content FROM audit_event WHERE resource_type = $1 AND id = $2 AND version = $3`
        : `SELECT h.rid::text AS rid, h.deleted, h.patient_id, h.organisation, h.content FROM resource r JOIN resource_history h ON h.rid = r.rid
           WHERE r.resource_type = $1 AND r.id = $2 AND h.version = $3`,
      [resourceType, id, Number(versionId)],
    );
    const row = rows[0];
    if (!row || !(await policy.permits(tx, row, resourceType, 'r'))) throw notFound(`${reference} is not known`);
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
      const { rows } = await tx.query<{ rid: string; patient_id: string | null; organisation: string | null }>(
        'SELECT rid::text AS rid, patient_id, organisation FROM resource WHERE resource_type = $1 AND id = $2',
        [request.resourceType, request.id],
      );
      if (!rows[0] || !(await policy.permits(tx, rows[0], request.resourceType, 'r'))) throw notFound(`${request.resourceType}/${request.id} is not known`);
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
    const { rows } = await tx.query<{ deleted: boolean; patient_id: string | null; organisation: string | null }>(
      "SELECT deleted, patient_id, organisation FROM resource WHERE resource_type = 'Patient' AND id = $1",
      [patientId],
    );
    if (!rows[0] || rows[0].deleted || !(await policy.permits(tx, rows[0], 'Patient', 'r'))) throw notFound(`Patient/${patientId} is not known`);
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
