import type { Migration } from '@footprint/record';

/** The web app's own tables (namespace 'web'): staff users and their server-side sessions. */
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
];
