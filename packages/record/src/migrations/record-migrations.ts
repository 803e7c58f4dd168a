import type { Migration } from '../db/sql-client';

const indexKinds = ['string', 'token', 'date', 'number', 'quantity', 'reference', 'uri'] as const;

/** Rejects UPDATE/DELETE/TRUNCATE so the audit trail is append-only even for the database owner's own code. */
const appendOnly = `
CREATE FUNCTION reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
`;

/**
 * The record's schema. Resources: `resource` holds the current version (one row per resource, a
 * bigint `rid` as its compact identity), `resource_history` every version. Search values live in
 * one narrow table per parameter type keyed by `rid`, so each search condition is an indexed
 * semi-join. AuditEvents live in their own append-only table shaped like `resource`.
 * See docs/record-storage.md for the reasoning.
 */
export const recordMigrations: Migration[] = [
  {
    version: 1,
    name: 'resources, history, search indexes and the audit trail',
    sql: `
CREATE SEQUENCE resource_rid_seq;
CREATE SEQUENCE change_seq;

CREATE TABLE resource (
  rid bigint PRIMARY KEY,
  resource_type text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL,
  seq bigint NOT NULL,
  last_updated timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  organisation text,
  patient_id text,
  content_hash text,
  content text,
  CONSTRAINT resource_identity UNIQUE (resource_type, id)
);
CREATE UNIQUE INDEX resource_seq_idx ON resource (seq);
CREATE INDEX resource_type_updated_idx ON resource (resource_type, last_updated);
CREATE INDEX resource_patient_idx ON resource (patient_id, rid) WHERE patient_id IS NOT NULL;

CREATE TABLE resource_history (
  rid bigint NOT NULL,
  resource_type text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL,
  seq bigint NOT NULL,
  last_updated timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  method text NOT NULL,
  organisation text,
  patient_id text,
  content text,
  PRIMARY KEY (rid, version)
);
CREATE UNIQUE INDEX resource_history_seq_idx ON resource_history (seq);
CREATE INDEX resource_history_type_seq_idx ON resource_history (resource_type, seq);
CREATE INDEX resource_history_patient_idx ON resource_history (patient_id, seq) WHERE patient_id IS NOT NULL;

CREATE TABLE audit_event (
  rid bigint PRIMARY KEY,
  resource_type text NOT NULL DEFAULT 'AuditEvent' CHECK (resource_type = 'AuditEvent'),
  id text NOT NULL UNIQUE,
  version integer NOT NULL DEFAULT 1,
  seq bigint NOT NULL,
  last_updated timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false CHECK (NOT deleted),
  organisation text,
  patient_id text,
  action text NOT NULL,
  outcome text NOT NULL,
  content text NOT NULL
);
CREATE INDEX audit_event_updated_idx ON audit_event (last_updated);
CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, rid) WHERE patient_id IS NOT NULL;
${appendOnly}
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION reject_audit_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_change();

CREATE TABLE search_string (rid bigint NOT NULL, resource_type text NOT NULL, code text NOT NULL, value text NOT NULL, normalized text NOT NULL);
CREATE INDEX search_string_value_idx ON search_string (resource_type, code, normalized text_pattern_ops);

CREATE TABLE search_token (rid bigint NOT NULL, resource_type text NOT NULL, code text NOT NULL, system text, value text, text text);
CREATE INDEX search_token_value_idx ON search_token (resource_type, code, value, system);

CREATE TABLE search_date (rid bigint NOT NULL, resource_type text NOT NULL, code text NOT NULL, lo timestamptz NOT NULL, hi timestamptz NOT NULL);
CREATE INDEX search_date_lo_idx ON search_date (resource_type, code, lo);
CREATE INDEX search_date_hi_idx ON search_date (resource_type, code, hi);

CREATE TABLE search_number (rid bigint NOT NULL, resource_type text NOT NULL, code text NOT NULL, value numeric NOT NULL);
CREATE INDEX search_number_value_idx ON search_number (resource_type, code, value);

CREATE TABLE search_quantity (rid bigint NOT NULL, resource_type text NOT NULL, code text NOT NULL, value numeric NOT NULL, system text, unit text);
CREATE INDEX search_quantity_value_idx ON search_quantity (resource_type, code, value);

CREATE TABLE search_reference (rid bigint NOT NULL, resource_type text NOT NULL, code text NOT NULL, target_type text, target_id text, reference text NOT NULL);
CREATE INDEX search_reference_target_idx ON search_reference (target_id, target_type, resource_type, code);

CREATE TABLE search_uri (rid bigint NOT NULL, resource_type text NOT NULL, code text NOT NULL, value text NOT NULL);
CREATE INDEX search_uri_value_idx ON search_uri (resource_type, code, value);

${indexKinds
  .map(
    (k) => `CREATE INDEX search_${k}_rid_idx ON search_${k} (rid, code);
CREATE TRIGGER search_${k}_audit_append_only BEFORE UPDATE OR DELETE ON search_${k} FOR EACH ROW WHEN (OLD.resource_type = 'AuditEvent') EXECUTE FUNCTION reject_audit_change();`,
  )
  .join('\n')}
`,
  },
  {
    version: 2,
    name: 'live resources of a type in rid order, for unsorted searches over large types',
    sql: 'CREATE INDEX resource_type_rid_idx ON resource (resource_type, rid) WHERE NOT deleted',
  },
  {
    version: 3,
    name: 'care relationships derived at write time, and sensitive rows',
    sql: `
CREATE TABLE care_relationship (
  patient_id text NOT NULL,
  organisation text NOT NULL,
  basis text NOT NULL,
  source text NOT NULL,
  effective timestamptz,
  ends timestamptz
);
CREATE INDEX care_relationship_access_idx ON care_relationship (organisation, patient_id, basis, effective);
CREATE INDEX care_relationship_source_idx ON care_relationship (source);
CREATE INDEX care_relationship_patient_idx ON care_relationship (patient_id);
ALTER TABLE resource ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
ALTER TABLE resource_history ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
ALTER TABLE audit_event ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
`,
  },
];
