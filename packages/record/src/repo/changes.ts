import { badRequest, parseStoredJson, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { writeAudit } from '../audit/write';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import type { ChangeBatch, ChangesRequest } from '../repository';
import { settledChangeSeq } from '../store/change-lock';

interface ChangeRow {
  seq: string;
  resource_type: string;
  id: string;
  version: number;
  deleted: boolean;
  content: string | null;
  last_updated: string;
  [key: string]: unknown;
}

/**
 * The change feed for the warehouse and bulk export: current versions changed after the
 * `since` watermark, in change order, up to `until` (default: the highest settled sequence
 * number when the call began, see settledChangeSeq, so one refresh reads a consistent cut and
 * no late commit is skipped). One AuditEvent per call.
 */
export async function* changesSince(sql: SqlClient, ctx: AccessContext, request: ChangesRequest): AsyncGenerator<ChangeBatch> {
  const policy = new AccessPolicy(ctx);
  if (!/^\d+$/.test(request.since)) throw badRequest(`The changes watermark must be a whole number, not "${request.since}"`);
  if (request.until !== undefined && !/^\d+$/.test(request.until)) throw badRequest(`until must be a whole number, not "${request.until}"`);
  const batchSize = Math.min(Math.max(request.batchSize ?? 1000, 1), 10_000);
  const until = request.until ?? (await settledChangeSeq(sql));
  const query = `changes?since=${request.since}&until=${until}${request.types?.length ? `&_type=${request.types.join(',')}` : ''}`;
  await writeAudit(sql, ctx, { interaction: 'changes', entities: [], patients: [], query, outcome: '0' });
  let since = request.since;
  for (;;) {
    const p = new SqlParams();
    const where = [`r.seq > ${p.add(since)}::bigint`, `r.seq <= ${p.add(until)}::bigint`, policy.predicate('r', 'r', p)];
    if (request.types?.length) where.push(`r.resource_type = ANY(${p.add(request.types)}::text[])`);
    const { rows } = await sql.query<ChangeRow>(
      `SELECT r.seq::text AS seq, r.resource_type, r.id, r.version, r.deleted, r.content,
         to_char(r.last_updated AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_updated
       FROM resource r WHERE ${where.join(' AND ')} ORDER BY r.seq LIMIT ${batchSize}`,
      p.values,
    );
    if (rows.length === 0) return;
    const items = rows.map((r) => ({
      resource: r.content
        ? (parseStoredJson(r.content) as Resource)
        : ({ resourceType: r.resource_type, id: r.id, meta: { versionId: String(r.version), lastUpdated: r.last_updated } } as Resource),
      deleted: r.deleted,
      seq: r.seq,
    }));
    since = rows[rows.length - 1].seq;
    yield { items, watermark: since };
    if (rows.length < batchSize) return;
  }
}
