import type { Migration } from '@footprint/record';

/**
 * The `engage-analytics` namespace: themes staff draw out of a consultation's free text, and the
 * free-text answers tagged with each (a response's answer to one question may carry several themes).
 */
export const analyticsMigrations: Migration[] = [
  {
    version: 1,
    name: 'themes and the free-text answers tagged with them',
    sql: `
CREATE TABLE engage_theme (
  id bigserial PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES engage_consultation (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);
CREATE UNIQUE INDEX engage_theme_name_idx ON engage_theme (consultation_id, lower(name));
CREATE TABLE engage_theme_tag (
  theme_id bigint NOT NULL REFERENCES engage_theme (id) ON DELETE CASCADE,
  response_id bigint NOT NULL REFERENCES engage_response (id) ON DELETE CASCADE,
  question_id text NOT NULL,
  tagged_at timestamptz NOT NULL DEFAULT now(),
  tagged_by text NOT NULL,
  PRIMARY KEY (theme_id, response_id, question_id)
);
CREATE INDEX engage_theme_tag_response_idx ON engage_theme_tag (response_id, question_id);
`,
  },
];
