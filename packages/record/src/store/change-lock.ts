import type { SqlClient } from '../db/sql-client';

/** The advisory lock key that orders writers against change-feed cuts ("Foot"). */
export const CHANGE_LOCK = 0x466f6f74;

/**
 * Every write transaction takes this lock shared before it draws change sequence numbers, and
 * holds it until it commits. Writers never wait for each other.
 */
export async function enterWrite(sql: SqlClient): Promise<void> {
  await sql.query('SELECT pg_advisory_xact_lock_shared($1::bigint)', [CHANGE_LOCK]);
}

/**
 * The highest change sequence number whose fate is settled: takes the lock exclusively (waiting
 * for the writers in flight to commit or roll back, which takes milliseconds) and reads the
 * sequence. Every version numbered at or below it is now committed or gone for good, so a
 * consumer that advances its watermark to it can never miss a late commit.
 */
export async function settledChangeSeq(sql: SqlClient): Promise<string> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [CHANGE_LOCK]);
    const { rows } = await tx.query<{ n: string }>('SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS n FROM change_seq');
    return rows[0].n;
  });
}

/**
 * The highest change sequence number drawn so far, settled or not: a cheap "has anything changed
 * since my watermark?" for a consumer that polls, before it reads the change feed (which waits for
 * a settled cut and is audited).
 */
export async function latestChangeSeq(sql: SqlClient): Promise<string> {
  const { rows } = await sql.query<{ n: string }>('SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS n FROM change_seq');
  return rows[0].n;
}
