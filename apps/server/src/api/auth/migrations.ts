import type { Migration } from '@footprint/record';

/**
 * The web app's own tables (namespace 'web'): staff users and their server-side sessions.
 * Version 2: a password may be temporary (must be changed at first sign-in) or absent (an account
 * that signs in only through OpenID Connect, linked by issuer and subject); accounts can be disabled.
 * Version 3: sessions carry a public id, the browser and address they were started from (so users can
 * see and end their other sessions), and refused sign-ins are counted per address and username
 * (progressive delays that slow a guesser down without letting anyone lock another person out).
 */
export const webMigrations: Migration[] = [
  {
    version: 1,
    name: 'staff users and sessions',
    sql: `
      CREATE TABLE web_users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        organisation_code TEXT,
        organisation_name TEXT,
        organisation_ref TEXT,
        password_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE web_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES web_users(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX web_sessions_user ON web_sessions (user_id);
      CREATE INDEX web_sessions_expires ON web_sessions (expires_at);
    `,
  },
  {
    version: 2,
    name: 'staff accounts: temporary passwords, disabling, external identities',
    sql: `
      ALTER TABLE web_users ALTER COLUMN password_hash DROP NOT NULL;
      ALTER TABLE web_users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;
      ALTER TABLE web_users ADD COLUMN disabled_at TIMESTAMPTZ;
      ALTER TABLE web_users ADD COLUMN identity_issuer TEXT;
      ALTER TABLE web_users ADD COLUMN identity_subject TEXT;
      ALTER TABLE web_users ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
      ALTER TABLE web_users ADD CONSTRAINT web_users_identity_pair CHECK ((identity_issuer IS NULL) = (identity_subject IS NULL));
      CREATE UNIQUE INDEX web_users_identity ON web_users (identity_issuer, identity_subject) WHERE identity_issuer IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: 'sessions users can see and end; sign-in failures counted per address',
    sql: `
      ALTER TABLE web_sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT gen_random_uuid()::text;
      ALTER TABLE web_sessions ADD COLUMN user_agent TEXT;
      ALTER TABLE web_sessions ADD COLUMN address TEXT;
      CREATE UNIQUE INDEX web_sessions_public_id ON web_sessions (public_id);
      CREATE TABLE web_sign_in_failures (
        address TEXT NOT NULL,
        username TEXT NOT NULL,
        failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX web_sign_in_failures_address ON web_sign_in_failures (address, failed_at);
      CREATE INDEX web_sign_in_failures_failed_at ON web_sign_in_failures (failed_at);
    `,
  },
];
