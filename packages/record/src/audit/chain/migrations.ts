import type { Migration } from '../../db/sql-client';
import { GENESIS_HASH, linkHashSql, type ChainedFields } from './canonical';

/** The chain fields of row `r` numbered `s`, as SQL text. */
const fieldsOf = (r: string, s: string): Record<keyof ChainedFields, string> => ({
  chainSeq: `${s}::text`,
  id: `${r}.id`,
  organisation: `${r}.organisation`,
  patientId: `${r}.patient_id`,
  action: `${r}.action`,
  outcome: `${r}.outcome`,
  sensitive: `${r}.sensitive::text`,
  content: `${r}.content`,
});

/**
 * The `audit` namespace: the hash chain over `audit_event` (docs/audit.md).
 *
 * - `chain_seq`, `prev_hash`, `hash` on every row: a gapless sequence, the previous entry's
 *   hash and this entry's hash over its canonical content (audit/chain/canonical.ts).
 * - `audit_chain_head`: one row holding the last entry's number and hash; it cannot be deleted
 *   or truncated, and the application role may only read it.
 * - `audit_event_chain`: a constraint trigger deferred to COMMIT links each inserted row: it
 *   advances the head and seals the row's chain columns. The head row stays locked only from
 *   then until the commit is done, so a long transaction never holds up other people's audit,
 *   entries are numbered in commit order, and a rolled-back transaction leaves no gap. It runs
 *   as the owner (SECURITY DEFINER), so the application needs no right to the head or to UPDATE.
 * - The append-only guard on `audit_event` lets through exactly that one update (from inside the
 *   chain trigger, of a row not yet sealed, changing only the chain columns) and nothing else.
 * - Rows written before the chain existed are chained now, in rid order.
 */
export const auditMigrations: Migration[] = [
  {
    version: 1,
    name: 'hash chain over the audit trail, linked at commit, and its head',
    sql: `
ALTER TABLE audit_event ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text;
CREATE TABLE audit_chain_head (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  seq bigint NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE TRIGGER audit_chain_head_kept BEFORE DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION reject_audit_change();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_change();
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
DO $$
DECLARE
  r record;
  s bigint := 0;
  p text := '${GENESIS_HASH}';
  h text := '${GENESIS_HASH}';
BEGIN
  FOR r IN SELECT rid, id, organisation, patient_id, action, outcome, sensitive, content FROM audit_event ORDER BY rid LOOP
    s := s + 1;
    p := h;
    h := ${linkHashSql('p', fieldsOf('r', 's'))};
    UPDATE audit_event SET chain_seq = s, prev_hash = p, hash = h WHERE rid = r.rid;
  END LOOP;
  INSERT INTO audit_chain_head (seq, prev_hash, hash) VALUES (s, p, h);
END $$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
CREATE UNIQUE INDEX audit_event_chain_idx ON audit_event (chain_seq);

CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
     AND NEW.rid = OLD.rid AND NEW.id = OLD.id AND NEW.seq = OLD.seq AND NEW.last_updated = OLD.last_updated
     AND NEW.organisation IS NOT DISTINCT FROM OLD.organisation AND NEW.patient_id IS NOT DISTINCT FROM OLD.patient_id
     AND NEW.action = OLD.action AND NEW.outcome = OLD.outcome AND NEW.sensitive = OLD.sensitive AND NEW.content = OLD.content THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_guard();

CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  h record;
BEGIN
  UPDATE audit_chain_head SET seq = seq + 1, prev_hash = hash, hash = ${linkHashSql('hash', fieldsOf('NEW', '(seq + 1)'))}
    RETURNING seq, prev_hash, hash INTO h;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the audit chain head (audit_chain_head) is missing' USING ERRCODE = 'data_corrupted';
  END IF;
  UPDATE audit_event SET chain_seq = h.seq, prev_hash = h.prev_hash, hash = h.hash WHERE rid = NEW.rid;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER audit_event_chain AFTER INSERT ON audit_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
`,
  },
];
