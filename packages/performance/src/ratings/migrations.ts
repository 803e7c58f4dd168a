import type { Migration } from '@footprint/record';

/**
 * The `performance-ratings` namespace: ratings as NHS England (or a partnership) published them,
 * stored as data with their source and never recomputed; and the partnership's ICS maturity
 * self-assessments, one row per assessment, kept as history.
 */
export const ratingMigrations: Migration[] = [
  {
    version: 1,
    name: 'published ratings and maturity self-assessments',
    sql: `
CREATE TABLE performance_published_rating (
  footprint_code text NOT NULL CHECK (footprint_code ~ '^E[0-9]{8}$'),
  footprint_name text NOT NULL,
  scheme text NOT NULL CHECK (scheme IN ('stp-progress-dashboard', 'nhs-oversight-framework', 'ics-maturity')),
  period text NOT NULL,
  rating text NOT NULL,
  rating_label text NOT NULL,
  source text NOT NULL CHECK (length(source) > 0),
  source_url text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  PRIMARY KEY (footprint_code, scheme, period)
);
CREATE TABLE performance_maturity_assessment (
  id bigserial PRIMARY KEY,
  footprint_code text NOT NULL CHECK (footprint_code ~ '^E[0-9]{8}$'),
  assessed_on date NOT NULL,
  answers jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL
);
CREATE INDEX performance_maturity_assessment_footprint_idx ON performance_maturity_assessment (footprint_code, assessed_on DESC, id DESC);
`,
  },
];
