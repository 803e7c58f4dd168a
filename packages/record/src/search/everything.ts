import type { AccessPolicy } from '../access/policy';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import type { EverythingRequest } from '../repository';
import { cursorOwner, decodeCursor, encodeCursor } from './cursor';
import { currentSnapshot } from './execute';
import type { ResourceRow } from './include';
import { DEFAULT_COUNT, MAX_COUNT } from './parse';

export interface EverythingPage {
  rows: ResourceRow[];
  includes: ResourceRow[];
  next?: string;
}

/**
 * Patient/$everything: every live resource in the patient's compartment (the compartment key
 * stored on each row), in rid order with a keyset cursor, plus the non-patient resources the
 * page refers to (practitioners, organisations, locations, medications) as includes.
 */
export async function everythingPage(sql: SqlClient, policy: AccessPolicy, patientId: string, request: EverythingRequest): Promise<EverythingPage> {
  const count = Math.min(Math.max(request.count ?? DEFAULT_COUNT, 1), MAX_COUNT);
  const query = `everything:${patientId}:${request.since ?? ''}:${(request.types ?? []).join(',')}`;
  const cursor = request.cursor ? decodeCursor(request.cursor, query, cursorOwner(policy.ctx)) : undefined;
  const snapshot = cursor?.snapshot ?? (await currentSnapshot(sql));
  const p = new SqlParams();
  const where = [`r.patient_id = ${p.add(patientId)}`, 'NOT r.deleted', `r.rid <= ${p.add(snapshot)}::bigint`, policy.predicate('r', 'r', p)];
  if (cursor) where.push(`r.rid > ${p.add(cursor.rid)}::bigint`);
  if (request.types?.length) where.push(`r.resource_type = ANY(${p.add(request.types)}::text[])`);
  if (request.since) where.push(`r.last_updated >= ${p.add(request.since)}::timestamptz`);
  const { rows } = await sql.query<ResourceRow>(
    `SELECT r.rid::text AS rid, r.resource_type, r.id, r.patient_id, r.content FROM resource r
     WHERE ${where.join(' AND ')} ORDER BY r.rid LIMIT ${count + 1}`,
    p.values,
  );
  let next: string | undefined;
  if (rows.length > count) {
    rows.length = count;
    next = encodeCursor({ keys: [], rid: rows[rows.length - 1].rid, snapshot, query, by: cursorOwner(policy.ctx) });
  }
  const ip = new SqlParams();
  const { rows: includes } = rows.length
    ? await sql.query<ResourceRow>(
        `SELECT DISTINCT t.rid::text AS rid, t.resource_type, t.id, t.patient_id, t.content
         FROM search_reference x JOIN resource t ON t.resource_type = x.target_type AND t.id = x.target_id
         WHERE x.rid = ANY(${ip.add(rows.map((r) => r.rid))}::bigint[]) AND t.patient_id IS NULL AND NOT t.deleted AND ${policy.predicate('t', 'r', ip)}`,
        ip.values,
      )
    : { rows: [] as ResourceRow[] };
  return { rows, includes, ...(next ? { next } : {}) };
}
