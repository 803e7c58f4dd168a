import type { SqlClient } from '@footprint/record';

/**
 * Progressive delays on refused sign-ins, counted per address (and per address and username) in
 * the database, so every server process sees the same counts. Nothing here is keyed on the account
 * alone: a stranger can slow down only their own address, never lock another person out. The check
 * runs before the username is looked up, so its answer says nothing about which usernames exist.
 */
export interface SignInThrottlePolicy {
  /** How far back refused sign-ins count. */
  windowSeconds: number;
  /** Refusals for one username from one address before each further try must wait. */
  freePerUsername: number;
  /** Refusals from one address (any usernames) before each further try must wait. */
  freePerAddress: number;
  /** The longest wait; the delay doubles with each refusal past the free ones up to this. */
  maxDelaySeconds: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = { windowSeconds: 15 * 60, freePerUsername: 3, freePerAddress: 20, maxDelaySeconds: 15 * 60 };

/** The wait after `failures` refusals when `free` are allowed: 0, then 1, 2, 4, 8 … seconds, capped. */
export function progressiveDelay(failures: number, free: number, maxSeconds: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free, 30), maxSeconds);
}

/** Seconds this address must still wait before trying this username again (0 when it may try now). */
export async function signInRetryAfter(sql: SqlClient, address: string, username: string, policy: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE): Promise<number> {
  const { rows } = await sql.query<{ same: string | number; total: string | number; same_age: number | null; total_age: number | null }>(
    `SELECT count(*) FILTER (WHERE username = $2) AS same, count(*) AS total,
            extract(epoch FROM now() - max(failed_at) FILTER (WHERE username = $2))::float8 AS same_age,
            extract(epoch FROM now() - max(failed_at))::float8 AS total_age
       FROM web_sign_in_failures
      WHERE address = $1 AND failed_at > now() - make_interval(secs => $3)`,
    [address, normaliseUsername(username), policy.windowSeconds],
  );
  const row = rows[0];
  const waits = [
    row.same_age === null ? 0 : progressiveDelay(Number(row.same), policy.freePerUsername, policy.maxDelaySeconds) - row.same_age,
    row.total_age === null ? 0 : progressiveDelay(Number(row.total), policy.freePerAddress, policy.maxDelaySeconds) - row.total_age,
  ];
  const wait = Math.max(0, ...waits);
  return wait > 0 ? Math.ceil(wait) : 0;
}

/** Counts a refused sign-in (unknown user, wrong password, disabled account alike) and forgets refusals older than the window. */
export async function recordSignInFailure(sql: SqlClient, address: string, username: string, policy: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE): Promise<void> {
  await sql.query(
    `WITH expired AS (DELETE FROM web_sign_in_failures WHERE failed_at < now() - make_interval(secs => $3))
     INSERT INTO web_sign_in_failures (address, username) VALUES ($1, $2)`,
    [address, normaliseUsername(username), policy.windowSeconds],
  );
}

/** After a successful sign-in, this address's refusals for that username no longer count. */
export async function clearSignInFailures(sql: SqlClient, address: string, username: string): Promise<void> {
  await sql.query(`DELETE FROM web_sign_in_failures WHERE address = $1 AND username = $2`, [address, normaliseUsername(username)]);
}

function normaliseUsername(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}
