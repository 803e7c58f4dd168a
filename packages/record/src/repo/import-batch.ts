import { randomUUID } from 'node:crypto';
import { badRequest, conflict, copyLexicalNumbers, extractSearchValues, ID_PATTERN, isStorable, OperationOutcomeError, stringifyFhirJson, validateResource, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { stampProvenance } from '../store/provenance';
import { addConsentDerivation } from '../access/consent/derive';
import { consentImplication, type ConsentImplication } from '../access/consent/implication';
import { addAudit } from '../audit/write';
import type { SqlClient } from '../db/sql-client';
import { Statement } from '../db/statement';
import type { ImportBatchResult } from '../repository';
import { patientKey } from '../store/compartment';
import { enterWrite } from '../store/change-lock';
import { contentHash } from '../store/content-hash';
import { addIndexDeletes, addIndexInserts, type IndexEntry } from '../store/index-values';
import { RELATIONSHIP_SOURCE_TYPES } from '../access/relationships/codes';
import { deriveRelationships, type CareRelationship } from '../access/relationships/derive';
import { addRelationshipWrites } from '../access/relationships/write';
import { isSensitive } from '../access/sensitivity';

interface Existing {
  rid: string;
  resource_type: string;
  id: string;
  version: number;
  deleted: boolean;
  content_hash: string | null;
  organisation: string | null;
  patient_id: string | null;
  sensitive: boolean;
  [key: string]: unknown;
}

/** Names the failing resource in a validation error, so a bad line in a file can be found. */
function validateOne(resource: Resource, position: number): void {
  try {
    validateResource(resource);
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      const where = `resource ${position + 1} of the batch (${String(resource?.resourceType)}/${String(resource?.id)})`;
      throw new OperationOutcomeError(err.status, {
        ...err.outcome,
        issue: (err.outcome.issue ?? []).map((issue) => ({ ...issue, diagnostics: `${where}: ${issue.diagnostics ?? issue.code}` })),
      });
    }
    throw err;
  }
}

/** The shape checks needed before looking resources up; full validation follows for those that will be written. */
function checkShape(resources: readonly Resource[]): Array<{ resource: Resource; position: number }> {
  return resources.map((resource, i) => {
    if (typeof resource !== 'object' || resource === null || typeof resource.resourceType !== 'string') {
      throw badRequest(`resource ${i + 1} of the batch is not a FHIR resource (no resourceType)`, 'resourceType');
    }
    if (!isStorable(resource.resourceType)) throw badRequest(`resource ${i + 1}: ${resource.resourceType} resources cannot be imported`, 'resourceType');
    if (resource.id !== undefined && (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id))) {
      throw badRequest(`resource ${i + 1}: "${String(resource.id)}" is not a valid id`, 'id');
    }
    return { resource: resource.id === undefined ? copyLexicalNumbers(resource, { ...resource, id: randomUUID() }) : resource, position: i };
  });
}

/**
 * Bulk write for imports, set-based: one SELECT … FOR UPDATE for the current rows, one
 * statement that upserts resources, appends history, replaces search values and appends one
 * AuditEvent (all arrays unnested server-side). Resources whose content equals the current
 * version are left unchanged, so importing a file twice creates nothing new (and, being
 * identical to content validated when it was stored, they are not validated again). Every
 * resource that will be written is validated before anything is written. The transaction
 * commits without waiting for the WAL flush (synchronous_commit off): a crash can lose only
 * the last moments of an import, which is resumable and idempotent, never corrupt it.
 */
export async function importBatch(sql: SqlClient, ctx: AccessContext, resources: readonly Resource[]): Promise<ImportBatchResult> {
  const policy = new AccessPolicy(ctx);
  for (const type of new Set(resources.map((r) => r?.resourceType))) {
    policy.require('c', String(type));
    policy.require('u', String(type));
  }
  // The last occurrence of a resource in the batch wins.
  const byKey = new Map<string, { resource: Resource; position: number }>();
  for (const entry of checkShape(resources)) byKey.set(`${entry.resource.resourceType}/${entry.resource.id}`, entry);
  const batch = [...byKey.values()];
  if (batch.length === 0) return { created: 0, updated: 0, unchanged: 0 };

  return sql.transaction(async (tx) => {
    await tx.query('SET LOCAL synchronous_commit = off');
    await enterWrite(tx);
    const { rows } = await tx.query<Existing>(
      `SELECT r.rid::text AS rid, r.resource_type, r.id, r.version, r.deleted, r.content_hash, r.organisation, r.patient_id, r.sensitive
       FROM resource r JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON r.resource_type = k.t AND r.id = k.i
       ORDER BY r.rid FOR UPDATE OF r`,
      [batch.map((e) => e.resource.resourceType), batch.map((e) => e.resource.id)],
    );
    const existing = new Map(rows.map((r) => [`${r.resource_type}/${r.id}`, r]));
    const lastUpdated = new Date().toISOString();
    const writes: Array<{ resource: Resource; hash: string; prior?: Existing }> = [];
    let unchanged = 0;
    for (const { resource, position } of batch) {
      const prior = existing.get(`${resource.resourceType}/${resource.id}`);
      const hash = contentHash(resource);
      if (prior && !prior.deleted && prior.content_hash === hash) unchanged++;
      else {
        validateOne(resource, position);
        writes.push({ resource, hash, prior });
      }
    }
    // An import replaces only what this organisation contributed (or stewards): stewardship.ts.
    for (const w of writes) {
      if (w.prior && !policy.platform && !(await policy.permits(tx, w.prior, w.resource.resourceType, 'u'))) {
        throw policy.writeRefusal(`${w.resource.resourceType}/${String(w.resource.id)}`);
      }
    }
    const created = writes.filter((w) => !w.prior).length;
    if (writes.length === 0) {
      const stmt = new Statement();
      addAudit(stmt, ctx, { interaction: 'batch', operation: '$import', entities: [], patients: [], query: `import: ${batch.length} unchanged`, outcome: '0' });
      await stmt.run(tx);
      return { created: 0, updated: 0, unchanged };
    }
    const { rows: ridRows } = await tx.query<{ rid: string }>("SELECT nextval('resource_rid_seq')::text AS rid FROM generate_series(1, $1::int)", [created]);
    let nextRid = 0;
    const cols = { rid: [] as string[], type: [] as string[], id: [] as string[], version: [] as number[], patient: [] as (string | null)[], hash: [] as string[], content: [] as string[], method: [] as string[], sensitive: [] as boolean[] };
    const relationshipSources: string[] = [];
    const relationships: CareRelationship[] = [];
    const index: IndexEntry[] = [];
    const patients = new Set<string>();
    const consents: ConsentImplication[] = [];
    for (const w of writes) {
      const rid = w.prior?.rid ?? ridRows[nextRid++].rid;
      const version = (w.prior?.version ?? 0) + 1;
      const meta = { ...stampProvenance(w.resource.meta, ctx, ctx.organisation?.reference ?? null), versionId: String(version), lastUpdated };
      const stored = copyLexicalNumbers(w.resource, { ...w.resource, meta } as Resource);
      const values = extractSearchValues(stored);
      const patient = patientKey(stored, values) ?? null;
      if (patient) patients.add(patient);
      const implication = consentImplication(stored, stored.id as string);
      if (implication) consents.push(implication);
      cols.rid.push(rid);
      cols.type.push(stored.resourceType);
      cols.id.push(stored.id as string);
      cols.version.push(version);
      cols.patient.push(patient);
      cols.hash.push(w.hash);
      cols.content.push(stringifyFhirJson(stored));
      cols.method.push(w.prior ? 'PUT' : 'POST');
      cols.sensitive.push(isSensitive(stored));
      if (RELATIONSHIP_SOURCE_TYPES.has(stored.resourceType)) {
        relationshipSources.push(`${stored.resourceType}/${stored.id}`);
        relationships.push(...deriveRelationships(stored, patient));
      }
      index.push({ rid, resourceType: stored.resourceType, values });
    }
    const stmt = new Statement();
    const updated = stmt.add(lastUpdated);
    const org = stmt.add(ctx.organisation?.reference ?? null);
    const rowsCte = stmt.cte(
      'rows',
      `SELECT u.rid, u.resource_type, u.id, u.version, nextval('change_seq') AS seq, u.patient_id, u.content_hash, u.content, u.method, u.sensitive
       FROM unnest(${stmt.add(cols.rid)}::bigint[], ${stmt.add(cols.type)}::text[], ${stmt.add(cols.id)}::text[], ${stmt.add(cols.version)}::int[],
         ${stmt.add(cols.patient)}::text[], ${stmt.add(cols.hash)}::text[], ${stmt.add(cols.content)}::text[], ${stmt.add(cols.method)}::text[], ${stmt.add(cols.sensitive)}::boolean[])
         AS u(rid, resource_type, id, version, patient_id, content_hash, content, method, sensitive)`,
    );
    // New resources are plain inserts (no speculative ON CONFLICT work); existing ones, locked above, are updated.
    stmt.cte(
      'ins',
      `INSERT INTO resource (rid, resource_type, id, version, seq, last_updated, deleted, organisation, patient_id, content_hash, content, sensitive)
       SELECT rid, resource_type, id, version, seq, ${updated}::timestamptz, false, ${org}, patient_id, content_hash, content, sensitive FROM ${rowsCte}
       WHERE method = 'POST'`,
    );
    stmt.cte(
      'upd',
      `UPDATE resource r SET version = u.version, seq = u.seq, last_updated = ${updated}::timestamptz, deleted = false, organisation = ${org},
         patient_id = u.patient_id, content_hash = u.content_hash, content = u.content, sensitive = u.sensitive
       FROM ${rowsCte} u WHERE u.method = 'PUT' AND r.rid = u.rid`,
    );
    stmt.cte(
      'hist',
      `INSERT INTO resource_history (rid, resource_type, id, version, seq, last_updated, deleted, method, organisation, patient_id, content, sensitive)
       SELECT rid, resource_type, id, version, seq, ${updated}::timestamptz, false, method, ${org}, patient_id, content, sensitive FROM ${rowsCte}`,
    );
    addRelationshipWrites(stmt, relationshipSources, relationships);
    const updatedRids = writes.flatMap((w) => (w.prior ? [w.prior.rid] : []));
    if (updatedRids.length) addIndexDeletes(stmt, updatedRids);
    addIndexInserts(stmt, index);
    const consentIds = writes.filter((w) => w.resource.resourceType === 'Consent').map((w) => w.resource.id as string);
    addConsentDerivation(stmt, consentIds, consents, (u) => `JOIN ${rowsCte} c ON c.resource_type = 'Consent' AND c.id = ${u}.consent_id`);
    addAudit(stmt, ctx, {
      interaction: 'batch',
      operation: '$import',
      entities: [],
      patients: [...patients],
      query: `import: ${created} created, ${writes.length - created} updated, ${unchanged} unchanged`,
      outcome: '0',
    });
    try {
      await stmt.run(tx);
    } catch (error) {
      // Another import created one of these resources after our SELECT … FOR UPDATE.
      if ((error as { code?: string }).code === '23505') throw conflict('Another import wrote some of these resources at the same moment; retry the batch');
      throw error;
    }
    return { created, updated: writes.length - created, unchanged };
  });
}
