import type { Migration } from '@footprint/record';

/**
 * The `partnership` namespace: the versioned items every part of the partnership's register and
 * plan is made of (places, delivery systems, governance bodies, meetings, decisions, actions,
 * plans, priorities, programmes, milestones, risks, ambitions). `partnership_item` holds each
 * item's current version; `partnership_item_version` every version ever written, with who
 * changed it, when and which fields, so history can always be shown and nothing is lost.
 */
export const partnershipStoreMigrations: Migration[] = [
  {
    version: 1,
    name: 'versioned partnership items',
    sql: `
CREATE TABLE partnership_item (
  id text PRIMARY KEY,
  kind text NOT NULL,
  footprint text NOT NULL,
  parent_id text REFERENCES partnership_item (id),
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by_id text NOT NULL,
  updated_by_name text NOT NULL
);
CREATE INDEX partnership_item_kind_idx ON partnership_item (footprint, kind) WHERE NOT deleted;
CREATE INDEX partnership_item_parent_idx ON partnership_item (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE partnership_item_version (
  id text NOT NULL REFERENCES partnership_item (id),
  version integer NOT NULL,
  kind text NOT NULL,
  footprint text NOT NULL,
  parent_id text,
  data jsonb NOT NULL,
  deleted boolean NOT NULL,
  change text NOT NULL CHECK (change IN ('created', 'updated', 'deleted', 'restored', 'imported')),
  changed_fields jsonb NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by_id text NOT NULL,
  changed_by_name text NOT NULL,
  changed_by_role text NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE INDEX partnership_item_version_recent_idx ON partnership_item_version (footprint, changed_at DESC);
`,
  },
];
