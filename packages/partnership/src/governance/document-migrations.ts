import type { Migration } from '@footprint/record';

/**
 * The `partnership-governance` namespace: documents uploaded for meeting papers (PDF, Word,
 * plain text). A paper item refers to its document by id; the document's bytes, type, size and
 * SHA-256 are kept here, never changed once written (a new version of a paper is a new upload).
 */
export const governanceDocumentMigrations: Migration[] = [
  {
    version: 1,
    name: 'uploaded meeting papers',
    sql: `
CREATE TABLE partnership_governance_document (
  id text PRIMARY KEY,
  footprint text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL,
  uploaded_by_id text NOT NULL,
  uploaded_by_name text NOT NULL
);
CREATE INDEX partnership_governance_document_footprint_idx ON partnership_governance_document (footprint);
`,
  },
];
