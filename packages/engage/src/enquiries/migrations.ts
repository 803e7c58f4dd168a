import type { Migration } from '@footprint/record';

/**
 * The `engage-enquiries` namespace: "get in touch". An enquiry (its personal data, name, email and
 * message, blanked by the retention job while its facts stay), the teams that handle enquiries (as
 * data), every action staff took on one (who, when, what), the outgoing mail (an outbox: each reply
 * by email, its attempts and last failure), the demo's mail sink, and each retention run's report.
 */
export const enquiryMigrations: Migration[] = [
  {
    version: 1,
    name: 'enquiries, teams, their history, the mail outbox, the demo mail sink and retention runs',
    sql: `
CREATE TABLE engage_team (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description text NOT NULL DEFAULT '',
  position integer NOT NULL,
  active boolean NOT NULL DEFAULT true
);
INSERT INTO engage_team (id, name, description, position) VALUES
  ('communications', 'Communications and engagement', 'The plan, news, the public pages and consultations', 1),
  ('patient-experience', 'Patient experience', 'Compliments, concerns and experiences of care', 2),
  ('primary-care', 'Primary care', 'GP practices, pharmacies, dentists and optometrists', 3),
  ('mental-health', 'Mental health', 'Mental health and learning disability services', 4),
  ('accessibility', 'Accessibility and inclusion', 'Accessible formats, interpreters and the website', 5),
  ('governance', 'Corporate governance', 'Board papers, freedom of information and data protection', 6),
  ('place-cheshire', 'Cheshire place teams', 'Cheshire East, Cheshire West and Chester, Halton and Warrington', 7),
  ('place-merseyside', 'Merseyside place teams', 'Knowsley, Liverpool, Sefton, St Helens and Wirral', 8);

CREATE SEQUENCE engage_enquiry_number;
CREATE TABLE engage_enquiry (
  id bigserial PRIMARY KEY,
  reference text NOT NULL UNIQUE CHECK (reference ~ '^FP-E-[0-9]{4}-[0-9]{6,}-[A-Z0-9]{5}$'),
  topic text NOT NULL,
  message text CHECK (length(message) BETWEEN 1 AND 5000),
  name text CHECK (length(name) <= 200),
  email text CHECK (length(email) <= 254),
  consent_to_contact boolean NOT NULL DEFAULT false,
  channel text NOT NULL CHECK (channel IN ('web', 'api')),
  state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'open', 'closed')),
  team_id text REFERENCES engage_team (id),
  outcome text CHECK (outcome IN ('answered', 'referred', 'no-reply-needed', 'not-for-us', 'spam')),
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  personal_data_removed_at timestamptz,
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((state = 'closed') = (outcome IS NOT NULL)),
  CHECK (message IS NOT NULL OR personal_data_removed_at IS NOT NULL)
);
CREATE INDEX engage_enquiry_inbox_idx ON engage_enquiry (state, received_at DESC);
CREATE INDEX engage_enquiry_retention_idx ON engage_enquiry (closed_at) WHERE personal_data_removed_at IS NULL;

CREATE TABLE engage_enquiry_event (
  id bigserial PRIMARY KEY,
  enquiry_id bigint NOT NULL REFERENCES engage_enquiry (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('received', 'assigned', 'replied', 'noted', 'closed', 'reopened', 'mail-sent', 'mail-failed', 'personal-data-removed')),
  at timestamptz NOT NULL DEFAULT now(),
  by_id text,
  by_name text,
  details jsonb NOT NULL DEFAULT '{}',
  body text
);
CREATE INDEX engage_enquiry_event_idx ON engage_enquiry_event (enquiry_id, id);

CREATE TABLE engage_mail_outbox (
  id bigserial PRIMARY KEY,
  enquiry_id bigint REFERENCES engage_enquiry (id) ON DELETE SET NULL,
  event_id bigint REFERENCES engage_enquiry_event (id) ON DELETE SET NULL,
  recipient text,
  subject text NOT NULL,
  body text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  sent_at timestamptz
);
CREATE INDEX engage_mail_outbox_due_idx ON engage_mail_outbox (status, id) WHERE status <> 'sent';

CREATE TABLE engage_mail_sink_message (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now(),
  envelope_from text,
  envelope_to text[] NOT NULL DEFAULT '{}',
  from_header text,
  to_header text,
  subject text,
  message_id text,
  text_body text,
  size integer NOT NULL
);

CREATE TABLE engage_retention_run (
  id bigserial PRIMARY KEY,
  ran_at timestamptz NOT NULL DEFAULT now(),
  trigger text NOT NULL CHECK (trigger IN ('server', 'command-line')),
  days integer NOT NULL CHECK (days >= 1),
  cutoff timestamptz NOT NULL,
  removed jsonb NOT NULL
);
`,
  },
];
