import type { Migration } from '@footprint/record';

/**
 * The server's own tables, beside the record's: OAuth clients, Bulk Data export jobs and revoked access tokens.
 * Each migration is one statement (PGlite runs them through the extended protocol). Applied on start through the record's migration runner under the namespace `server`.
 */
export const serverMigrations: Migration[] = [
  {
    version: 1,
    name: 'oauth clients',
    sql: `
      CREATE TABLE oauth_client (
        id            text PRIMARY KEY,
        name          text NOT NULL,
        secret_hash   text NOT NULL,
        organisation  text,
        ods_code      text,
        scopes        text NOT NULL,
        purpose       text NOT NULL DEFAULT 'TREAT',
        administrator boolean NOT NULL DEFAULT false,
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    version: 2,
    name: 'bulk export jobs',
    sql: `
      CREATE TABLE bulk_export_job (
        id               text PRIMARY KEY,
        client_id        text NOT NULL,
        status           text NOT NULL CHECK (status IN ('accepted', 'in-progress', 'completed', 'failed', 'cancelled')),
        request_url      text NOT NULL,
        level            text NOT NULL CHECK (level IN ('system', 'patient', 'group')),
        group_id         text,
        types            text[],
        since            text,
        access_context   jsonb NOT NULL,
        transaction_time text NOT NULL,
        progress         text,
        output           jsonb,
        error            text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      );`,
  },
  { version: 3, name: 'bulk export jobs by status', sql: 'CREATE INDEX bulk_export_job_status ON bulk_export_job (status)' },
  {
    // The denylist of revoked access tokens (RFC 7009 /oauth/revoke, `footprint token revoke`): by token id, kept until the token would have expired.
    version: 4,
    name: 'revoked access tokens',
    sql: `
      CREATE TABLE revoked_access_token (
        jti        text PRIMARY KEY,
        subject    text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now(),
        revoked_by text NOT NULL CHECK (revoked_by IN ('client', 'administrator'))
      );`,
  },
];
