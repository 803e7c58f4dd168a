import { OperationOutcomeError } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { auditContext } from '../access/break-glass/audit-purpose';
import type { SqlClient } from '../db/sql-client';
import type { AuditFacts } from './audit-event';
import { writeAudit } from './write';

/** What an audited piece of work reports so its AuditEvent can name what it touched. */
export interface AuditedResult<T> {
  result: T;
  /** Patients whose records were touched. */
  patients: readonly string[];
  entities?: readonly string[];
  /** Set false when the work already wrote its AuditEvent in its own statement (writes). */
  audit?: boolean;
}

/** How the audited work touches the database. */
export interface AuditedOptions {
  /**
   * True when the work only reads, or makes all its changes in one atomic statement. On a
   * client that commits each query on its own (`inTransaction === false`) it then runs without
   * BEGIN/COMMIT and its AuditEvent is written by one further statement, committed (durably)
   * before the result is returned: two round trips fewer for a read. PostgreSQL's READ COMMITTED
   * gives each statement its own snapshot inside a transaction too, so reads see the same data.
   */
  singleStatement?: boolean;
}

/**
 * Runs `work` in a transaction and appends its AuditEvent in the same transaction, so the
 * data and the record of who touched it commit together. When the work fails (403, 404, 410,
 * 412, a bad request…), the transaction rolls back and a failure AuditEvent is written on its
 * own, so refused and failed attempts are recorded too. With `singleStatement` (see
 * AuditedOptions) and an autocommitting client the transaction is left out; the result is still
 * returned only once its AuditEvent has committed.
 */
export async function audited<T>(
  sql: SqlClient,
  ctx: AccessContext,
  facts: Omit<AuditFacts, 'outcome' | 'patients' | 'entities'> & { entities?: readonly string[] },
  work: (tx: SqlClient) => Promise<AuditedResult<T>>,
  options: AuditedOptions = {},
): Promise<T> {
  const finish = async (tx: SqlClient): Promise<T> => {
    const done = await work(tx);
    if (done.audit !== false) {
      await writeAudit(tx, await auditContext(tx, ctx, done.patients), { ...facts, entities: done.entities ?? facts.entities ?? [], patients: done.patients, outcome: '0' });
    }
    return done.result;
  };
  try {
    return options.singleStatement && sql.inTransaction === false ? await finish(sql) : await sql.transaction(finish);
  } catch (error) {
    const status = error instanceof OperationOutcomeError ? error.status : 500;
    const outcome = status < 500 ? '4' : '8';
    const desc = error instanceof OperationOutcomeError ? `${status} ${error.outcome.issue?.[0]?.code ?? 'error'}` : '500 exception';
    await writeAudit(sql, ctx, { ...facts, entities: facts.entities ?? [], patients: [], outcome, outcomeDesc: desc }).catch(() => undefined);
    throw error;
  }
}
