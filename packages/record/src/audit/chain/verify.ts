import type { SqlClient } from '../../db/sql-client';
import { GENESIS_HASH, linkHash } from './canonical';
import type { RecordedHead } from './head-file';

/** What is wrong at the first broken link. */
export type ChainProblemKind = 'changed' | 'missing' | 'inserted' | 'head-mismatch' | 'rewritten';

export interface ChainProblem {
  /** The chain sequence number of the first broken link. */
  seq: number;
  kind: ChainProblemKind;
  /** One sentence for the person running verify (never record contents). */
  detail: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Rows read and checked. */
  checked: number;
  /** The head the database holds (`audit_chain_head`). */
  head: ChainHead;
  /** The first broken link, when `ok` is false. */
  problem?: ChainProblem;
}

export interface VerifyOptions {
  /** Heads written outside the database earlier (audit-head.jsonl); each must still be in the chain. */
  recorded?: readonly RecordedHead[];
  /** Rows per round trip (default 5000). */
  batchSize?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
}

interface ChainRow extends Record<string, unknown> {
  chain_seq: string;
  id: string;
  organisation: string | null;
  patient_id: string | null;
  action: string;
  outcome: string;
  sensitive: boolean;
  content: string;
  prev_hash: string;
  hash: string;
  updated_ms: string;
}

/** Reads the head row (seq 0 and the genesis hash for a chain with no entries yet). */
export async function readChainHead(sql: SqlClient): Promise<ChainHead> {
  const { rows } = await sql.query<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM audit_chain_head');
  if (rows.length !== 1) return { seq: -1, hash: '' };
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}

/** True when the row's last_updated column still says what its AuditEvent's `recorded` says. */
function recordedMatches(row: ChainRow): boolean {
  try {
    const recorded = (JSON.parse(row.content) as { recorded?: string }).recorded;
    return recorded !== undefined && Date.parse(recorded) === Number(row.updated_ms);
  } catch {
    return false;
  }
}

/**
 * Recomputes the hash chain over every audit row, in sequence order and in batches, in this
 * process (never trusting a hash the database computes), and stops at the first broken link:
 * - `changed`: a row's content no longer matches its hash (or its time column its content);
 * - `missing`: a sequence number has no row (removed), or the chain ends before the head;
 * - `inserted`: a row does not follow the entry before it, lies beyond the head, or was never chained;
 * - `head-mismatch`: the head row disagrees with the last entry;
 * - `rewritten`: an entry differs from the head recorded outside the database (audit-head.jsonl),
 *   which catches a chain rewritten consistently from some point on.
 */
export function verifyAuditChain(sql: SqlClient, options: VerifyOptions = {}): Promise<ChainVerification> {
  // One snapshot for the head and every batch, so entries committed meanwhile are not mistaken for insertions.
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    return verifyInSnapshot(tx, options);
  });
}

async function verifyInSnapshot(sql: SqlClient, options: VerifyOptions): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 5000;
  const head = await readChainHead(sql);
  const { rows: countRows } = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_event');
  const total = Number(countRows[0].n);
  const recorded = new Map<number, RecordedHead>();
  for (const r of options.recorded ?? []) if (!recorded.has(r.seq)) recorded.set(r.seq, r);
  const fail = (checked: number, problem: ChainProblem): ChainVerification => ({ ok: false, checked, head, problem });
  if (head.seq < 0) return fail(0, { seq: 0, kind: 'head-mismatch', detail: 'the chain head row (audit_chain_head) is missing' });

  const { rows: unchained } = await sql.query<{ id: string }>('SELECT id FROM audit_event WHERE chain_seq IS NULL ORDER BY rid LIMIT 1');
  if (unchained.length) {
    return fail(0, { seq: 0, kind: 'inserted', detail: `AuditEvent ${unchained[0].id} is not part of the chain: it was inserted with the chain trigger disabled` });
  }

  let expected = 1;
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = '0';
  for (;;) {
    const { rows } = await sql.query<ChainRow>(
      `SELECT chain_seq::text AS chain_seq, id, organisation, patient_id, action, outcome, sensitive, content, prev_hash, hash,
         (extract(epoch FROM last_updated) * 1000)::bigint::text AS updated_ms
       FROM audit_event a WHERE a.chain_seq > $1::bigint ORDER BY a.chain_seq LIMIT $2::int`,
      [after, batchSize],
    );
    if (after === '0') {
      // Rows numbered 0 or below were never chained by the head: inserted.
      const { rows: low } = await sql.query<{ s: string | null }>('SELECT min(chain_seq)::text AS s FROM audit_event WHERE chain_seq < 1');
      if (low[0]?.s != null) return fail(0, { seq: Number(low[0].s), kind: 'inserted', detail: `a row numbered ${low[0].s} is not part of the chain (it starts at 1)` });
    }
    for (const row of rows) {
      const seq = Number(row.chain_seq);
      if (seq > head.seq) {
        return fail(checked, { seq, kind: 'inserted', detail: `entry ${seq} lies beyond the chain head (${head.seq}): it was added without the head` });
      }
      if (seq > expected) {
        return fail(checked, { seq: expected, kind: 'missing', detail: seq === expected + 1 ? `entry ${expected} is missing (removed)` : `entries ${expected} to ${seq - 1} are missing (removed)` });
      }
      const own = linkHash(row.prev_hash, {
        chainSeq: row.chain_seq,
        id: row.id,
        organisation: row.organisation,
        patientId: row.patient_id,
        action: row.action,
        outcome: row.outcome,
        sensitive: row.sensitive,
        content: row.content,
      });
      if (own !== row.hash || !recordedMatches(row)) {
        return fail(checked, { seq, kind: 'changed', detail: `entry ${seq} (AuditEvent ${row.id}) was changed: its content no longer matches its hash` });
      }
      if (row.prev_hash !== prev) {
        return fail(checked, {
          seq,
          kind: 'inserted',
          detail: `entry ${seq} (AuditEvent ${row.id}) does not follow entry ${seq - 1}: it was inserted, or the entry before it was replaced`,
        });
      }
      const outside = recorded.get(seq);
      if (outside && outside.hash !== row.hash) {
        return fail(checked, { seq, kind: 'rewritten', detail: `entry ${seq} differs from the head recorded outside the database at ${outside.at}: the chain was rewritten` });
      }
      prev = row.hash;
      expected = seq + 1;
      checked++;
    }
    options.onProgress?.({ done: checked, total });
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1].chain_seq;
  }
  const last = expected - 1;
  if (last < head.seq) {
    return fail(checked, { seq: expected, kind: 'missing', detail: `the chain ends at entry ${last} but its head is at ${head.seq}: the last entries were removed` });
  }
  if (head.hash !== prev) {
    return fail(checked, { seq: head.seq, kind: 'head-mismatch', detail: `the chain head (audit_chain_head) does not match entry ${head.seq}` });
  }
  const beyond = [...recorded.values()].filter((r) => r.seq > last).sort((a, b) => a.seq - b.seq)[0];
  if (beyond) {
    return fail(checked, { seq: last + 1, kind: 'missing', detail: `the chain ends at entry ${last}, but entry ${beyond.seq} was recorded outside the database at ${beyond.at}: entries were removed` });
  }
  return { ok: true, checked, head };
}
