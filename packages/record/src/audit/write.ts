import { extractSearchValues, type AuditEvent } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import type { SqlClient } from '../db/sql-client';
import { Statement } from '../db/statement';
import { addIndexInserts } from '../store/index-values';
import { buildAuditEvent, type AuditFacts } from './audit-event';

/**
 * Adds to `stmt` the append-only AuditEvent row for one interaction and its search values (so
 * audit is searchable as FHIR), to commit with the audited work. The `audit_event` table and
 * AuditEvent index rows reject UPDATE and DELETE. At COMMIT a trigger links each row into the hash
 * chain (audit/chain/migrations.ts, docs/audit.md).
 */
export function addAudit(stmt: Statement, ctx: AccessContext, facts: AuditFacts): void {
  const event = buildAuditEvent(ctx, facts, new Date().toISOString());
  addAuditEventRow(stmt, event, ctx.organisation?.reference ?? null, facts.patients.length === 1 ? facts.patients[0] : null);
}

/** Adds to `stmt` the append-only row (and search values) of an AuditEvent already built. */
export function addAuditEventRow(stmt: Statement, event: AuditEvent, organisation: string | null, patient: string | null): void {
  const row = stmt.cte(
    'audit',
    `INSERT INTO audit_event (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content)
     SELECT n, ${stmt.add(event.id)}, n, ${stmt.add(event.recorded)}, ${stmt.add(organisation)}, ${stmt.add(patient)},
       ${stmt.add(event.action)}, ${stmt.add(event.outcome)}, ${stmt.add(JSON.stringify(event))}
     FROM (SELECT nextval('resource_rid_seq') AS n) s
     RETURNING rid`,
  );
  addIndexInserts(stmt, [{ resourceType: 'AuditEvent', values: extractSearchValues(event) }], row);
}

/** Writes one AuditEvent on its own (e.g. for a refused or failed interaction, after its transaction rolled back). */
export async function writeAudit(sql: SqlClient, ctx: AccessContext, facts: AuditFacts): Promise<void> {
  const stmt = new Statement();
  addAudit(stmt, ctx, facts);
  await stmt.run(sql);
}
