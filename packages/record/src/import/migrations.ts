import type { Migration } from '../db/sql-client';

/**
 * The `import` namespace: one `import_run` row per file per import, holding its progress (so an
 * interrupted import resumes where it stopped) and what arrived (counts, per-organisation and
 * per-type tallies, the first validation failures) for the Data Feeds page.
 */
export const importMigrations: Migration[] = [
  {
    version: 1,
    name: 'import_run',
    sql: `
CREATE TABLE import_run (
  id bigserial PRIMARY KEY,
  path text NOT NULL,
  file_name text NOT NULL,
  file_size bigint NOT NULL,
  file_sha256 text NOT NULL,
  format text NOT NULL,
  organisation text,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  position bigint NOT NULL DEFAULT 0,
  byte_offset bigint NOT NULL DEFAULT 0,
  read_count integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  failed_count integer NOT NULL DEFAULT 0,
  organisations jsonb NOT NULL DEFAULT '{}'::jsonb,
  resource_types jsonb NOT NULL DEFAULT '{}'::jsonb,
  failures jsonb NOT NULL DEFAULT '[]'::jsonb,
  error text
);
CREATE INDEX import_run_file ON import_run (file_sha256, status);
CREATE INDEX import_run_started ON import_run (started_at DESC);
`,
  },
];
