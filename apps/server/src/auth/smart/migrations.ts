import type { Migration } from '@footprint/record';

/**
 * The tables of SMART App Launch (namespace `smart`): the apps people may connect to their
 * record, the authorisation requests waiting for the person's approval, the one-time
 * authorisation codes and the refresh tokens. Codes and refresh tokens are stored only as
 * SHA-256 hashes; a confidential app's secret only as an scrypt hash.
 */
export const smartMigrations: Migration[] = [
  {
    version: 1,
    name: 'smart apps',
    sql: `
      CREATE TABLE smart_app (
        id            text PRIMARY KEY,
        name          text NOT NULL,
        client_type   text NOT NULL CHECK (client_type IN ('public', 'confidential')),
        secret_hash   text,
        redirect_uris text[] NOT NULL,
        scopes        text NOT NULL,
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK ((client_type = 'confidential') = (secret_hash IS NOT NULL))
      );`,
  },
  {
    version: 2,
    name: 'smart authorisation requests',
    sql: `
      CREATE TABLE smart_authorization_request (
        id             text PRIMARY KEY,
        client_id      text NOT NULL REFERENCES smart_app (id),
        redirect_uri   text NOT NULL,
        scopes         text NOT NULL,
        state          text NOT NULL,
        code_challenge text NOT NULL,
        expires_at     timestamptz NOT NULL,
        decided_at     timestamptz
      );`,
  },
  {
    version: 3,
    name: 'smart authorisation codes',
    sql: `
      CREATE TABLE smart_authorization_code (
        code_hash      text PRIMARY KEY,
        client_id      text NOT NULL REFERENCES smart_app (id),
        redirect_uri   text NOT NULL,
        code_challenge text NOT NULL,
        scopes         text NOT NULL,
        patient_id     text NOT NULL,
        nhs_number     text NOT NULL,
        expires_at     timestamptz NOT NULL,
        used_at        timestamptz
      );`,
  },
  {
    version: 4,
    name: 'smart refresh tokens',
    sql: `
      CREATE TABLE smart_refresh_token (
        token_hash  text PRIMARY KEY,
        client_id   text NOT NULL REFERENCES smart_app (id),
        code_hash   text NOT NULL,
        scopes      text NOT NULL,
        patient_id  text NOT NULL,
        nhs_number  text NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        revoked_at  timestamptz
      );`,
  },
];
