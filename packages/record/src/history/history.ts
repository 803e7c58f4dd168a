import { badRequest, parseStoredJson, type Resource } from '@footprint/fhir';
import type { AccessPolicy } from '../access/policy';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import type { HistoryEntry, HistoryRequest } from '../repository';
import { cursorOwner, decodeCursor, encodeCursor } from '../search/cursor';
import { DEFAULT_COUNT, MAX_COUNT } from '../search/parse';

interface HistoryRow {
  seq: string;
  resource_type: string;
  id: string;
  version: number;
  last_updated: string;
  deleted: boolean;
  method: HistoryEntry['method'];
  patient_id: string | null;
  content: string | null;
  [key: string]: unknown;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  patients: string[];
  next?: string;
}

/**
 * Instance, type or system history, newest first by change sequence. The cursor holds the last
 * sequence served (bound to the principal, like every paging cursor): versions written after the first page have higher sequences and so never
 * push rows across pages (no repeats, no skips).
 */
export async function historyPage(sql: SqlClient, policy: AccessPolicy, request: HistoryRequest, rid?: string): Promise<HistoryPage> {
  const count = Math.min(Math.max(request.count ?? DEFAULT_COUNT, 1), MAX_COUNT);
  const p = new SqlParams();
  const where = [policy.predicate('h', request.id ? 'r' : 's', p)];
  if (rid !== undefined) where.push(`h.rid = ${p.add(rid)}::bigint`);
  else if (request.resourceType) where.push(`h.resource_type = ${p.add(request.resourceType)}`);
  if (request.since) {
    if (Number.isNaN(Date.parse(request.since))) throw badRequest(`_since must be an instant, not "${request.since}"`, '_since');
    where.push(`h.last_updated >= ${p.add(request.since)}::timestamptz`);
  }
  // The cursor is the last sequence served, bound to this principal and this history (cursor.ts).
  const query = `history:${request.resourceType ?? ''}/${request.id ?? ''}:${request.since ?? ''}`;
  const owner = cursorOwner(policy.ctx);
  if (request.cursor) {
    const cursor = decodeCursor(request.cursor, query, owner);
    where.push(`h.seq < ${p.add(cursor.rid)}::bigint`);
  }
  const { rows } = await sql.query<HistoryRow>(
    `SELECT h.seq::text AS seq, h.resource_type, h.id, h.version, h.deleted, h.method, h.patient_id, h.content,
       to_char(h.last_updated AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_updated
     FROM resource_history h WHERE ${where.join(' AND ')} ORDER BY h.seq DESC LIMIT ${count + 1}`,
    p.values,
  );
  let next: string | undefined;
  if (rows.length > count) {
    rows.length = count;
    next = encodeCursor({ keys: [], rid: rows[rows.length - 1].seq, snapshot: '0', query, by: owner });
  }
  const patients = [...new Set(rows.flatMap((r) => (r.patient_id ? [r.patient_id] : [])))];
  const entries = rows.map(
    (r): HistoryEntry => ({
      ...(r.content ? { resource: parseStoredJson(r.content) as Resource } : {}),
      resourceType: r.resource_type,
      id: r.id,
      versionId: String(r.version),
      lastUpdated: r.last_updated,
      method: r.method,
    }),
  );
  return { entries, patients, ...(next ? { next } : {}) };
}
