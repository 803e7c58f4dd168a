import type { Migration } from '../db/sql-client';

/**
 * The matching namespace: the review queue of suspected duplicates (`match_review`), and what
 * each merge changed (`patient_merge`, `patient_merge_change`) so that an unmerge restores
 * every record exactly. Candidate retrieval needs no table of its own: it blocks on the record's
 * search indexes (NHS number token, birthdate, normalised family name and postcode strings).
 */
export const matchingMigrations: Migration[] = [
  {
    version: 1,
    name: 'match review queue and patient merges',
    sql: `
CREATE TABLE match_review (
  id text PRIMARY KEY,
  patient_id text NOT NULL,
  candidate_id text NOT NULL,
  grade text NOT NULL CHECK (grade IN ('certain', 'probable', 'possible')),
  score numeric NOT NULL,
  reasons text NOT NULL,
  found_by text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed-duplicate', 'not-duplicate')),
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text,
  merge_id text,
  CHECK (patient_id <> candidate_id)
);
CREATE UNIQUE INDEX match_review_pair_idx ON match_review (LEAST(patient_id, candidate_id), GREATEST(patient_id, candidate_id));
CREATE INDEX match_review_status_idx ON match_review (status, created_at);

CREATE TABLE patient_merge (
  id text PRIMARY KEY,
  source_id text NOT NULL,
  target_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('merged', 'unmerged')),
  merged_at timestamptz NOT NULL,
  merged_by text NOT NULL,
  unmerged_at timestamptz,
  unmerged_by text
);
CREATE UNIQUE INDEX patient_merge_active_source_idx ON patient_merge (source_id) WHERE status = 'merged';
CREATE INDEX patient_merge_target_idx ON patient_merge (target_id) WHERE status = 'merged';

CREATE TABLE patient_merge_change (
  merge_id text NOT NULL REFERENCES patient_merge (id),
  resource_type text NOT NULL,
  id text NOT NULL,
  version_before integer NOT NULL,
  version_after integer NOT NULL,
  PRIMARY KEY (merge_id, resource_type, id)
);
`,
  },
];
