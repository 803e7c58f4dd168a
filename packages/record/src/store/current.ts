import type { SqlClient } from '../db/sql-client';

/** The current row of one resource, as the write path and reads need it. */
export interface CurrentRow {
  rid: string;
  version: number;
  deleted: boolean;
  patient_id: string | null;
  organisation: string | null;
  content_hash: string | null;
  content: string | null;
  sensitive: boolean;
  [key: string]: unknown;
}

/** Loads the current row of `resourceType/id`, locking it for this transaction when `forUpdate`. */
export async function loadCurrent(sql: SqlClient, resourceType: string, id: string, forUpdate = false): Promise<CurrentRow | undefined> {
  const { rows } = await sql.query<CurrentRow>(
    `SELECT rid::text AS rid, version, deleted, patient_id, content_hash, content, organisation, sensitive FROM resource
     WHERE resource_type = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [resourceType, id],
  );
  return rows[0];
}

/**
 * True when the record holds a current (not deleted) resource of `resourceType`: the platform's
 * own question about its configuration resources (are there any Subscriptions?), never asked of
 * patient data, so it reveals nothing and is not audited.
 */
export async function anyCurrent(sql: SqlClient, resourceType: 'Subscription'): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM resource WHERE resource_type = $1 AND NOT deleted LIMIT 1', [resourceType]);
  return rows.length > 0;
}
