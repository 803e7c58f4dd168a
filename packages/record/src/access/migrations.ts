import type { Migration } from '../db/sql-client';

/**
 * The `access` namespace: what the access policy joins to besides the resources themselves.
 *
 * - `break_glass_grant`: one row per break-glass (who, for whom, why, until when) with its
 *   privacy officer review (open → reviewed → closed). Expiry is applied at query time.
 * - `sharing_choice`, `voluntary_share`, `data_opt_out`: what each Consent written with the trust
 *   codes (trust-codes.ts) implies, derived at write time (access/consent/derive.ts). A write
 *   deletes the rows of the Consent written and inserts what it now implies, in the same statement.
 */
export const accessMigrations: Migration[] = [
  {
    version: 1,
    name: 'break-glass grants and reviews; consent-derived sharing choices, voluntary sharing and opt-outs',
    sql: `
CREATE TABLE break_glass_grant (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  user_display text,
  user_role text NOT NULL,
  organisation text NOT NULL,
  organisation_code text,
  patient_id text NOT NULL,
  reason text NOT NULL,
  explanation text NOT NULL,
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  overrides_dissent boolean NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reviewed', 'closed')),
  review_outcome text CHECK (review_outcome IN ('appropriate', 'inappropriate')),
  review_note text,
  reviewed_by text,
  reviewed_by_display text,
  reviewed_at timestamptz,
  closed_by text,
  closed_by_display text,
  closed_at timestamptz,
  CHECK (expires_at > granted_at)
);
CREATE INDEX break_glass_grant_active_idx ON break_glass_grant (patient_id, user_id, expires_at);
CREATE INDEX break_glass_grant_review_idx ON break_glass_grant (organisation, status, granted_at DESC);

CREATE TABLE sharing_choice (
  consent_id text NOT NULL,
  patient_id text NOT NULL,
  choice text NOT NULL CHECK (choice IN ('all-partners', 'gp-and-treating', 'recording-organisation')),
  effective timestamptz NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX sharing_choice_patient_idx ON sharing_choice (patient_id, effective DESC, seq DESC);
CREATE INDEX sharing_choice_consent_idx ON sharing_choice (consent_id);

CREATE TABLE voluntary_share (
  consent_id text NOT NULL,
  patient_id text NOT NULL,
  organisation text NOT NULL
);
CREATE INDEX voluntary_share_patient_idx ON voluntary_share (patient_id, organisation);
CREATE INDEX voluntary_share_consent_idx ON voluntary_share (consent_id);

CREATE TABLE data_opt_out (
  consent_id text NOT NULL,
  patient_id text NOT NULL,
  opt_out text NOT NULL CHECK (opt_out IN ('national-data-opt-out', 'type-1-opt-out')),
  practice text,
  CHECK (opt_out <> 'type-1-opt-out' OR practice IS NOT NULL)
);
CREATE INDEX data_opt_out_patient_idx ON data_opt_out (patient_id);
CREATE INDEX data_opt_out_consent_idx ON data_opt_out (consent_id);
`,
  },
];
