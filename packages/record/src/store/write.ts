import { conflict, copyLexicalNumbers, extractSearchValues, stringifyFhirJson, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import type { SqlClient } from '../db/sql-client';
import { Statement } from '../db/statement';
import { addAudit } from '../audit/write';
import { addConsentDerivation } from '../access/consent/derive';
import { consentImplication } from '../access/consent/implication';
import type { AuditFacts } from '../audit/audit-event';
import { CHANGE_LOCK } from './change-lock';
import { patientKey } from './compartment';
import { contentHash } from './content-hash';
import { stampProvenance } from './provenance';
import type { CurrentRow } from './current';
import { addIndexDeletes, addIndexInserts } from './index-values';
import { RELATIONSHIP_SOURCE_TYPES } from '../access/relationships/codes';
import { deriveRelationships } from '../access/relationships/derive';
import { addRelationshipWrites } from '../access/relationships/write';
import { isSensitive } from '../access/sensitivity';

export interface VersionWrite {
  ctx: AccessContext;
  resourceType: string;
  id: string;
  /** The current row, locked by the caller (FOR UPDATE), or undefined for a new resource. */
  existing: CurrentRow | undefined;
  /** The new content (already validated), or undefined for a delete. */
  resource: Resource | undefined;
  method: 'POST' | 'PUT' | 'DELETE';
  /** Audit facts for this interaction, written in the same statement. */
  audit: Omit<AuditFacts, 'patients' | 'entities' | 'outcome'> & { entities?: readonly string[] };
  /**
   * Take the change-feed lock (see enterWrite) inside this statement, before it draws its change
   * sequence number, instead of in a round trip of its own: for a new resource written as one
   * atomic statement, with or without a surrounding transaction.
   */
  lockInStatement?: boolean;
  /**
   * The recording organisation to keep on the row, instead of the writer's (a merge moving
   * references, or an unmerge restoring them, does not make the administrator the recorder);
   * the content's provenance (meta.source, contributing organisation) is then kept as it is.
   */
  organisation?: string | null;
}

/**
 * Writes a new version of one resource in a single statement: the current row (insert or
 * update), its history row, its search values (replacing the old ones) and the AuditEvent.
 * Returns the stored resource with server-set meta.versionId, meta.lastUpdated and provenance
 * (meta.source and the contributing organisation, from the context: provenance.ts).
 */
export async function writeVersion(sql: SqlClient, w: VersionWrite): Promise<Resource | undefined> {
  const version = (w.existing?.version ?? 0) + 1;
  const lastUpdated = new Date().toISOString();
  let stored: Resource | undefined;
  let content: string | null = null;
  let hash: string | null = null;
  let patient: string | null = w.existing?.patient_id ?? null;
  const values = w.resource ? extractSearchValues(w.resource) : [];
  const organisation = w.organisation !== undefined ? w.organisation : (w.ctx.organisation?.reference ?? null);
  if (w.resource) {
    // A write that keeps the recording organisation (a merge moving references) keeps the provenance too.
    const provenance = w.organisation !== undefined ? w.resource.meta : stampProvenance(w.resource.meta, w.ctx, organisation);
    const meta = { ...provenance, versionId: String(version), lastUpdated };
    stored = copyLexicalNumbers(w.resource, { ...w.resource, id: w.id, meta } as Resource);
    content = stringifyFhirJson(stored);
    hash = contentHash(stored);
    patient = patientKey(stored, values) ?? null;
  }
  // Sharing choices, voluntary sharing and opt-outs are checked before anything is written.
  const implication = stored ? consentImplication(stored, w.id) : undefined;
  const stmt = new Statement();
  const p = {
    type: stmt.add(w.resourceType),
    id: stmt.add(w.id),
    version: stmt.add(version),
    updated: stmt.add(lastUpdated),
    deleted: stmt.add(w.resource === undefined),
    org: stmt.add(organisation),
    patient: stmt.add(patient),
    hash: stmt.add(hash),
    content: stmt.add(content),
    sensitive: stmt.add(isSensitive(stored)),
  };
  let cur: string;
  if (w.existing) {
    const rid = stmt.add(w.existing.rid);
    cur = stmt.cte(
      'cur',
      `UPDATE resource SET version = ${p.version}, seq = nextval('change_seq'), last_updated = ${p.updated}, deleted = ${p.deleted},
         organisation = ${p.org}, patient_id = ${p.patient}, content_hash = ${p.hash}, content = ${p.content}, sensitive = ${p.sensitive}
       WHERE rid = ${rid}::bigint RETURNING rid, seq`,
    );
    addIndexDeletes(stmt, w.existing.rid);
  } else {
    // The lock CTE calls a volatile function, so PostgreSQL evaluates it once, on its own, and
    // the INSERT's row (with its nextval) is produced only after the lock is held.
    const lock = w.lockInStatement ? stmt.cte('lock', `SELECT pg_advisory_xact_lock_shared(${stmt.add(CHANGE_LOCK)}::bigint)`) : undefined;
    cur = stmt.cte(
      'cur',
      `INSERT INTO resource (rid, resource_type, id, version, seq, last_updated, deleted, organisation, patient_id, content_hash, content, sensitive)
       SELECT nextval('resource_rid_seq'), ${p.type}, ${p.id}, ${p.version}, nextval('change_seq'), ${p.updated}, ${p.deleted}, ${p.org}, ${p.patient}, ${p.hash}, ${p.content}, ${p.sensitive}
       ${lock ? `FROM ${lock}` : ''}
       ON CONFLICT (resource_type, id) DO NOTHING RETURNING rid, seq`,
    );
  }
  stmt.cte(
    'hist',
    `INSERT INTO resource_history (rid, resource_type, id, version, seq, last_updated, deleted, method, organisation, patient_id, content, sensitive)
     SELECT rid, ${p.type}, ${p.id}, ${p.version}, seq, ${p.updated}, ${p.deleted}, ${stmt.add(w.method)}, ${p.org}, ${p.patient}, ${p.content}, ${p.sensitive} FROM ${cur}`,
  );
  if (w.resourceType === 'Consent') addConsentDerivation(stmt, [w.id], implication ? [implication] : [], () => `CROSS JOIN ${cur} c`);
  const reference = `${w.resourceType}/${w.id}`;
  // The care relationships this resource implies replace those it implied before, in this statement.
  if (RELATIONSHIP_SOURCE_TYPES.has(w.resourceType)) addRelationshipWrites(stmt, [reference], deriveRelationships(stored, patient), cur);
  if (values.length) addIndexInserts(stmt, [{ resourceType: w.resourceType, values }], cur);
  addAudit(stmt, w.ctx, {
    ...w.audit,
    entities: w.audit.entities ?? [reference],
    patients: patient !== null ? [patient] : [],
    outcome: '0',
  });
  const { rows } = await stmt.run<{ rid: string }>(sql, `SELECT rid::text AS rid FROM ${cur}`);
  if (rows.length === 0) throw conflict(`${reference} was created by another request at the same time; retry`);
  return stored;
}
