import type { SqlClient } from '../db/sql-client';
import { activeMergesOf } from './merge-sql';

/** Merges are followed this many times at most (a record merged into one later merged again). */
const MAX_HOPS = 8;

/**
 * Where each of these Patient ids lives now: the record it was merged into (following later
 * merges too), or itself. For anything outside the record that keeps a person's id (a meeting's
 * list, a register), so it follows the person through a merge and back through an unmerge
 * without being rewritten.
 */
export async function currentRecordsOf(sql: SqlClient, ids: readonly string[]): Promise<Map<string, string>> {
  const current = new Map(ids.map((id) => [id, id]));
  let pending = [...new Set(ids)];
  for (let hop = 0; hop < MAX_HOPS && pending.length > 0; hop++) {
    const merged = await activeMergesOf(sql, pending);
    if (merged.size === 0) break;
    for (const [id, now] of current) {
      const next = merged.get(now);
      if (next) current.set(id, next);
    }
    pending = [...new Set(merged.values())];
  }
  return current;
}
