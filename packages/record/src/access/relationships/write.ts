import type { Statement } from '../../db/statement';
import { COUNCIL_TYPE_CODES } from './codes';
import type { CareRelationship } from './derive';

/**
 * The basis of a row as stored: a social care episode managed by an organisation that is not
 * (or not yet) a council in the record counts as an ordinary episode of care.
 */
function basisSql(row: string, stmt: Statement): string {
  return `CASE WHEN ${row}.basis = 'social-care-episode' AND NOT EXISTS (
      SELECT 1 FROM resource o JOIN search_token ot ON ot.rid = o.rid
      WHERE o.resource_type = 'Organization' AND 'Organization/' || o.id = ${row}.organisation AND NOT o.deleted
        AND ot.resource_type = 'Organization' AND ot.code = 'type' AND ot.value = ANY(${stmt.add(COUNCIL_TYPE_CODES)}::text[]))
    THEN 'episode-of-care' ELSE ${row}.basis END`;
}

/**
 * Adds to a write's statement the replacement of the care relationships its resources imply:
 * the rows whose source is one of `sources` are deleted and `rows` inserted, in the same
 * statement (one snapshot, so the delete never sees the new rows). With `after`, a CTE that
 * returns a row only when the write happened, nothing changes unless it did.
 */
export function addRelationshipWrites(stmt: Statement, sources: readonly string[], rows: readonly CareRelationship[], after?: string): void {
  if (sources.length === 0) return;
  const guard = after ? ` AND EXISTS (SELECT 1 FROM ${after})` : '';
  stmt.cte('crdel', `DELETE FROM care_relationship WHERE source = ANY(${stmt.add(sources)}::text[])${guard}`);
  addRelationshipInserts(stmt, rows, after);
}

/** Adds the insert of `rows` (only when `after`, if given, returned a row). */
export function addRelationshipInserts(stmt: Statement, rows: readonly CareRelationship[], after?: string): void {
  if (rows.length === 0) return;
  const u = relationshipUnnest(stmt, rows);
  stmt.cte(
    'crins',
    `INSERT INTO care_relationship (patient_id, organisation, basis, source, effective, ends)
     SELECT u.patient_id, u.organisation, ${basisSql('u', stmt)}, u.source, u.effective, u.ends FROM ${u}${after ? ` WHERE EXISTS (SELECT 1 FROM ${after})` : ''}`,
  );
}

/** The rows as a FROM item `unnest(…) AS u(patient_id, organisation, basis, source, effective, ends)`. */
function relationshipUnnest(stmt: Statement, rows: readonly CareRelationship[]): string {
  const col = <T>(f: (r: CareRelationship) => T) => stmt.add(rows.map(f));
  return `unnest(${col((r) => r.patientId)}::text[], ${col((r) => r.organisation)}::text[], ${col((r) => r.basis)}::text[], ${col((r) => r.source)}::text[],
      ${col((r) => r.effective)}::timestamptz[], ${col((r) => r.ends)}::timestamptz[]) AS u(patient_id, organisation, basis, source, effective, ends)`;
}
