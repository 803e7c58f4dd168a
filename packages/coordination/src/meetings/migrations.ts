import type { Migration } from '@footprint/record';

/**
 * The `coordination-meetings` namespace. Multidisciplinary team meetings: the meeting, its
 * attendees and the people to discuss. Only references and who-added-whom live here; what is said
 * about a person is written to their record as FHIR (docs/coordination.md §3).
 */
export const meetingsMigrations: Migration[] = [
  {
    version: 1,
    name: 'team meetings, their attendees and the people to discuss',
    sql: `
CREATE TABLE coordination_meeting (
  id text PRIMARY KEY,
  host_organisation text NOT NULL,
  title text NOT NULL,
  held_on date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX coordination_meeting_host_idx ON coordination_meeting (host_organisation, held_on DESC);

CREATE TABLE coordination_meeting_attendee (
  meeting_id text NOT NULL REFERENCES coordination_meeting (id) ON DELETE CASCADE,
  position integer NOT NULL,
  organisation text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  PRIMARY KEY (meeting_id, position)
);

CREATE TABLE coordination_meeting_person (
  meeting_id text NOT NULL REFERENCES coordination_meeting (id) ON DELETE CASCADE,
  patient_id text NOT NULL,
  source text NOT NULL CHECK (source IN ('frailty', 'high-risk', 'recent-admission', 'by-hand')),
  added_by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  discussed_at timestamptz,
  outcome_refs text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (meeting_id, patient_id)
);
`,
  },
];
