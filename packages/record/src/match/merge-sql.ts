import { loadCurrent, type CurrentRow } from '../store/current';
import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../db/sql-client';

export interface StoredMerge {
  id: string;
  source_id: string;
  target_id: string;
  status: 'merged' | 'unmerged';
  [key: string]: unknown;
}

export interface MergeChange {
  resource_type: string;
  id: string;
  version_before: number;
  version_after: number;
  [key: string]: unknown;
}

/** The current row of a resource with what a merge must keep (its recording organisation and sensitivity), locked. */
export type LockedRow = CurrentRow;

export async function lockRow(sql: SqlClient, resourceType: string, id: string): Promise<LockedRow | undefined> {
  return loadCurrent(sql, resourceType, id, true);
}

/** The content of one stored version (history keeps every version). */
export async function versionContent(sql: SqlClient, rid: string, version: number): Promise<string | null> {
  const { rows } = await sql.query<{ content: string | null }>('SELECT content FROM resource_history WHERE rid = $1::bigint AND version = $2', [rid, version]);
  return rows[0]?.content ?? null;
}

/**
 * Every live resource that refers to the Patient: by an indexed reference (search_reference,
 * any search parameter) or by belonging to its compartment. The two Patients themselves and
 * AuditEvents (never rewritten) are left out.
 */
export async function referringResources(sql: SqlClient, patientId: string, otherId: string): Promise<Array<{ resource_type: string; id: string }>> {
  const { rows } = await sql.query<{ resource_type: string; id: string }>(
    `SELECT r.resource_type, r.id FROM resource r
     WHERE NOT r.deleted AND NOT (r.resource_type = 'Patient' AND r.id IN ($1, $2))
       AND (r.rid IN (SELECT rid FROM search_reference WHERE target_id = $1 AND target_type = 'Patient') OR r.patient_id = $1)
     ORDER BY r.resource_type, r.id`,
    [patientId, otherId],
  );
  return rows;
}

export async function activeMergeOf(sql: SqlClient, sourceId: string, forUpdate = false): Promise<StoredMerge | undefined> {
  const { rows } = await sql.query<StoredMerge>(`SELECT * FROM patient_merge WHERE source_id = $1 AND status = 'merged'${forUpdate ? ' FOR UPDATE' : ''}`, [sourceId]);
  return rows[0];
}

/** For each of `sourceIds` merged into another record, the record it was merged into. */
export async function activeMergesOf(sql: SqlClient, sourceIds: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await sql.query<{ source_id: string; target_id: string }>(`SELECT source_id, target_id FROM patient_merge WHERE status = 'merged' AND source_id = ANY($1::text[])`, [sourceIds]);
  return new Map(rows.map((r) => [r.source_id, r.target_id]));
}

export async function insertMerge(sql: SqlClient, sourceId: string, targetId: string, by: string, changes: Omit<MergeChange, never>[]): Promise<string> {
  const id = randomUUID();
  await sql.query(`INSERT INTO patient_merge (id, source_id, target_id, status, merged_at, merged_by) VALUES ($1, $2, $3, 'merged', now(), $4)`, [id, sourceId, targetId, by]);
  await sql.query(
    `INSERT INTO patient_merge_change (merge_id, resource_type, id, version_before, version_after)
     SELECT $1, t, i, b, a FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) AS c(t, i, b, a)`,
    [id, changes.map((c) => c.resource_type), changes.map((c) => c.id), changes.map((c) => c.version_before), changes.map((c) => c.version_after)],
  );
  return id;
}

export async function mergeChanges(sql: SqlClient, mergeId: string): Promise<MergeChange[]> {
  const { rows } = await sql.query<MergeChange>('SELECT resource_type, id, version_before, version_after FROM patient_merge_change WHERE merge_id = $1 ORDER BY resource_type, id', [mergeId]);
  return rows;
}

export async function markUnmerged(sql: SqlClient, mergeId: string, by: string): Promise<void> {
  await sql.query(`UPDATE patient_merge SET status = 'unmerged', unmerged_at = now(), unmerged_by = $2 WHERE id = $1`, [mergeId, by]);
}
