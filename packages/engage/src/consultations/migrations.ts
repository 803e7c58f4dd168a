import type { Migration } from '@footprint/record';

/**
 * The `engage-consultations` namespace: consultations (their definition as JSON, with every saved
 * version kept) and responses. A response has three identifiers kept apart: the internal row id,
 * the public id shown beside published free text, and the respondent's reference (their receipt);
 * a draft also has a resume token, stored only as its SHA-256 hash.
 */
export const consultationMigrations: Migration[] = [
  {
    version: 1,
    name: 'consultations, their versions, and responses',
    sql: `
CREATE TABLE engage_consultation (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{2,79}$'),
  footprint_code text NOT NULL CHECK (footprint_code ~ '^E[0-9]{8}$'),
  definition jsonb NOT NULL,
  opens_on date NOT NULL,
  closes_on date NOT NULL CHECK (closes_on >= opens_on),
  published_at timestamptz,
  results_published_at timestamptz,
  results_published_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);
CREATE TABLE engage_consultation_version (
  consultation_id text NOT NULL REFERENCES engage_consultation (id) ON DELETE CASCADE,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  change text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text NOT NULL,
  PRIMARY KEY (consultation_id, version)
);
CREATE TABLE engage_response (
  id bigserial PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES engage_consultation (id),
  public_id text NOT NULL UNIQUE,
  reference text NOT NULL UNIQUE,
  resume_token_hash text UNIQUE,
  status text NOT NULL CHECK (status IN ('draft', 'submitted')),
  answers jsonb NOT NULL DEFAULT '{}',
  about_you jsonb NOT NULL DEFAULT '{}',
  contact jsonb,
  publish_free_text boolean NOT NULL DEFAULT false,
  channel text NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'api', 'paper')),
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX engage_response_consultation_idx ON engage_response (consultation_id, status, submitted_at);
`,
  },
];
