import type { Migration } from '@footprint/record';

/**
 * The `coordination-notifications` namespace: FHIR Subscription delivery. The Subscriptions
 * themselves are FHIR resources in the record; these tables hold who each one notifies for (the
 * partner system that asked, captured from the record's provenance), how far the dispatcher has
 * read the record's change feed, and the delivery queue (an outbox: one row per notification,
 * its attempts, its next try and its last failure, never the resource's content).
 */
export const notificationsMigrations: Migration[] = [
  {
    version: 1,
    name: 'subscription subscribers, the change-feed cursor and the notification outbox',
    sql: `
CREATE TABLE coordination_subscription (
  id text PRIMARY KEY,
  subscriber_kind text NOT NULL,
  subscriber_id text NOT NULL,
  organisation text,
  state text NOT NULL CHECK (state IN ('active', 'error', 'off')),
  error text,
  since_seq bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE coordination_notification_cursor (
  name text PRIMARY KEY,
  watermark bigint NOT NULL
);

CREATE TABLE coordination_notification (
  id bigserial PRIMARY KEY,
  subscription_id text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  version integer NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (subscription_id, resource_type, resource_id, version)
);
CREATE INDEX coordination_notification_due_idx ON coordination_notification (next_attempt_at, id) WHERE status = 'pending';
`,
  },
  {
    version: 2,
    name: 'email notices of referrals: the last state each referral Task was told of',
    sql: `
CREATE TABLE coordination_task_notice (
  task_id text PRIMARY KEY,
  status text NOT NULL,
  organisation text,
  mail_id bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Notices begin from now: what the record already holds was never waiting for one.
INSERT INTO coordination_notification_cursor (name, watermark)
  SELECT 'email-notices', CASE WHEN is_called THEN last_value ELSE 0 END FROM change_seq;
`,
  },
];
