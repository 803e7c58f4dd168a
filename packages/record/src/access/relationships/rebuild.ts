import { parseStoredJson, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../../access-context';
import { writeAudit } from '../../audit/write';
import type { SqlClient } from '../../db/sql-client';
import { Statement } from '../../db/statement';
import { CHANGE_LOCK } from '../../store/change-lock';
import { RELATIONSHIP_SOURCE_TYPES } from './codes';
import { deriveRelationships } from './derive';
import { addRelationshipInserts } from './write';

export interface RebuildProgress {
  /** Resources read so far, of `total` that can imply a relationship. */
  done: number;
  total: number;
  relationships: number;
}

export interface RebuildResult {
  resources: number;
  relationships: number;
}

/** Resources read per round trip. */
const PAGE = 2000;

/**
 * Rebuilds `care_relationship` from the record alone: every live resource of a type that can
 * imply a relationship is read in rid order and its rows derived exactly as a write derives them.
 * Runs in one transaction holding the change lock exclusively, so no write interleaves and a
 * failure leaves the old table in place; audited as an operation of `ctx` (the platform).
 */
export async function rebuildCareRelationships(sql: SqlClient, ctx: AccessContext, onProgress?: (p: RebuildProgress) => void): Promise<RebuildResult> {
  const types = [...RELATIONSHIP_SOURCE_TYPES];
  const result = await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [CHANGE_LOCK]);
    const { rows: count } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM resource WHERE resource_type = ANY($1::text[]) AND NOT deleted', [types]);
    const total = Number(count[0].n);
    await tx.query('DELETE FROM care_relationship');
    let done = 0;
    let relationships = 0;
    let after = '0';
    onProgress?.({ done, total, relationships });
    for (;;) {
      const { rows } = await tx.query<{ rid: string; patient_id: string | null; content: string }>(
        `SELECT r.rid::text AS rid, r.patient_id, r.content FROM resource r
         WHERE r.resource_type = ANY($1::text[]) AND NOT r.deleted AND r.rid > $2::bigint ORDER BY r.rid LIMIT ${PAGE}`,
        [types, after],
      );
      if (rows.length === 0) break;
      const derived = rows.flatMap((r) => deriveRelationships(parseStoredJson(r.content) as Resource, r.patient_id));
      if (derived.length) {
        const stmt = new Statement();
        addRelationshipInserts(stmt, derived);
        await stmt.run(tx);
      }
      relationships += derived.length;
      done += rows.length;
      after = rows[rows.length - 1].rid;
      onProgress?.({ done, total, relationships });
    }
    return { resources: done, relationships };
  });
  await writeAudit(sql, ctx, {
    interaction: 'operation',
    operation: '$rebuild-care-relationships',
    entities: [],
    patients: [],
    query: `care relationships rebuilt: ${result.relationships} from ${result.resources} resources`,
    outcome: '0',
  });
  return result;
}

/** True when the table holds any care relationship (a record written before they existed has none until rebuilt). */
export async function hasCareRelationships(sql: SqlClient): Promise<boolean> {
  const { rows } = await sql.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM care_relationship) AS any');
  return rows[0].any === true;
}
