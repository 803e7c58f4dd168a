import type { Migration } from '@footprint/record';

/**
 * The `engage-outcomes` namespace: "We asked, you said, we did". Each outcome belongs to one
 * consultation and links to the plan's items it affected (a priority, an ambition, a programme or
 * a governance decision, by the partnership store's item id), so the plan's pages can show it.
 */
export const outcomeMigrations: Migration[] = [
  {
    version: 1,
    name: 'outcomes of consultations and their links to the plan',
    sql: `
CREATE TABLE engage_outcome (
  id bigserial PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES engage_consultation (id) ON DELETE CASCADE,
  position integer NOT NULL,
  we_asked text NOT NULL CHECK (length(we_asked) BETWEEN 1 AND 2000),
  you_said text NOT NULL CHECK (length(you_said) BETWEEN 1 AND 4000),
  we_did text NOT NULL CHECK (length(we_did) BETWEEN 1 AND 4000),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  UNIQUE (consultation_id, position)
);
CREATE TABLE engage_outcome_link (
  outcome_id bigint NOT NULL REFERENCES engage_outcome (id) ON DELETE CASCADE,
  item_kind text NOT NULL CHECK (item_kind IN ('priority', 'ambition', 'programme', 'decision')),
  item_id text NOT NULL,
  PRIMARY KEY (outcome_id, item_kind, item_id)
);
CREATE INDEX engage_outcome_link_item_idx ON engage_outcome_link (item_kind, item_id);
`,
  },
];
