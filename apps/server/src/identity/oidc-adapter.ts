import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { SqlClient } from '@footprint/record';

/**
 * oidc-provider's storage on the platform's database (table `identity_oidc_model`): sessions,
 * interactions, authorization codes, grants and tokens survive a restart and are shared by every
 * server process on the same storage. Expired rows are ignored on read and swept on write.
 */
export class SqlOidcAdapter implements Adapter {
  constructor(
    private readonly sql: SqlClient,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO identity_oidc_model (model, id, payload, grant_id, user_code, uid, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
       ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
         user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
      [this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresIn && expiresIn > 0 ? Math.ceil(expiresIn) : null],
    );
    await this.sql.query(`DELETE FROM identity_oidc_model WHERE expires_at < now() - interval '1 hour'`);
  }

  private async findWhere(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    // PostgreSQL text cannot hold NUL, so no stored key has one: a client's `client_id=%00` finds nothing (it was a 500).
    if (typeof value !== 'string' || value.includes('\u0000')) return undefined;
    const { rows } = await this.sql.query<{ payload: AdapterPayload | string; consumed: number | null }>(
      `SELECT payload, extract(epoch FROM consumed_at)::int AS consumed FROM identity_oidc_model
        WHERE model = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [this.model, value],
    );
    const row = rows[0];
    if (!row) return undefined;
    const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as AdapterPayload) : row.payload;
    return row.consumed ? { ...payload, consumed: row.consumed } : payload;
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('id', id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('uid', uid);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    if (id.includes('\u0000')) return;
    await this.sql.query(`UPDATE identity_oidc_model SET consumed_at = now() WHERE model = $1 AND id = $2`, [this.model, id]);
  }

  async destroy(id: string): Promise<void> {
    if (id.includes('\u0000')) return;
    await this.sql.query(`DELETE FROM identity_oidc_model WHERE model = $1 AND id = $2`, [this.model, id]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    if (grantId.includes('\u0000')) return;
    await this.sql.query(`DELETE FROM identity_oidc_model WHERE grant_id = $1`, [grantId]);
  }
}
