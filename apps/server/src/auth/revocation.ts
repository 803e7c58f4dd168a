import type { SqlClient } from '@footprint/record';

/** Who revoked a token: the client it was issued to (RFC 7009 /oauth/revoke) or an administrator (`footprint token revoke`). */
export type RevokedBy = 'client' | 'administrator';

/**
 * The denylist of revoked access tokens (`revoked_access_token`, by `jti`): a revoked token is
 * refused until it would have expired anyway, after which its row is pruned. Revoking twice is
 * harmless.
 */
export async function revokeAccessToken(sql: SqlClient, revoked: { jti: string; subject: string; expiresAt: Date; by: RevokedBy }): Promise<void> {
  await sql.query(
    `INSERT INTO revoked_access_token (jti, subject, expires_at, revoked_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (jti) DO NOTHING`,
    [revoked.jti, revoked.subject, revoked.expiresAt.toISOString(), revoked.by],
  );
  // Rows of tokens past their expiry protect nothing any more.
  await sql.query("DELETE FROM revoked_access_token WHERE expires_at < now() - interval '5 minutes'");
}

/** True when the token with this id has been revoked. */
export async function isRevoked(sql: SqlClient, jti: string): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM revoked_access_token WHERE jti = $1', [jti]);
  return rows.length > 0;
}
