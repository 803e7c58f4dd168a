import type { Migration } from '@footprint/record';

/**
 * The `engage-moderation` namespace. One moderation item per free-text answer that its author
 * allowed to be published (the original stays untouched in engage_response); every redaction and
 * decision as an append-only event (who, when, which span, why); and the results' notes that
 * staff write (the themes the questions did not cover).
 */
export const moderationMigrations: Migration[] = [
  {
    version: 1,
    name: 'moderation items, the append-only moderation audit, and results notes',
    sql: `
CREATE TABLE engage_moderation_item (
  id bigserial PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES engage_consultation (id) ON DELETE CASCADE,
  response_id bigint NOT NULL REFERENCES engage_response (id) ON DELETE CASCADE,
  question_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_at timestamptz,
  decided_by text,
  queued_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (response_id, question_id),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX engage_moderation_item_consultation_idx ON engage_moderation_item (consultation_id, status);
CREATE TABLE engage_moderation_event (
  id bigserial PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES engage_moderation_item (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('redacted', 'approved', 'rejected')),
  span_start integer,
  span_end integer,
  reason text CHECK (reason IN ('personal-data', 'offensive', 'staff', 'other')),
  flagged_kind text,
  note text CHECK (length(note) <= 500),
  at timestamptz NOT NULL DEFAULT now(),
  by_user text NOT NULL,
  CHECK ((action = 'redacted') = (span_start IS NOT NULL AND span_end IS NOT NULL AND reason IS NOT NULL)),
  CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start))
);
CREATE INDEX engage_moderation_event_item_idx ON engage_moderation_event (item_id, id);
CREATE FUNCTION engage_moderation_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the moderation audit is append-only';
END $$;
CREATE TRIGGER engage_moderation_event_no_change BEFORE UPDATE ON engage_moderation_event
  FOR EACH ROW EXECUTE FUNCTION engage_moderation_event_append_only();
CREATE TABLE engage_results_note (
  consultation_id text PRIMARY KEY REFERENCES engage_consultation (id) ON DELETE CASCADE,
  themes_not_covered text NOT NULL DEFAULT '' CHECK (length(themes_not_covered) <= 8000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);
`,
  },
];
