import type { Migration } from '@footprint/record';

/**
 * The `engage-content` namespace: the public's pages, news and questions. Each item has one draft
 * (the row in `engage_content`, which staff edit) and every version ever published, kept whole in
 * `engage_content_version` with who published it, when, and what changed. The public sees only
 * published versions: the latest one, and the history of the rest.
 */
export const contentMigrations: Migration[] = [
  {
    version: 1,
    name: 'public content: drafts and every published version',
    sql: `
CREATE TABLE engage_content (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('page', 'news', 'question')),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 500),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  position integer NOT NULL DEFAULT 0,
  illustrative boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  UNIQUE (kind, slug)
);
CREATE TABLE engage_content_version (
  content_id bigint NOT NULL REFERENCES engage_content (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  summary text NOT NULL,
  body text NOT NULL,
  position integer NOT NULL,
  illustrative boolean NOT NULL,
  change text NOT NULL CHECK (length(change) BETWEEN 1 AND 500),
  changed_fields text[] NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL,
  PRIMARY KEY (content_id, version)
);
`,
  },
];
