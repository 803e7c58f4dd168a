import { SqlParams } from './sql-params';
import type { SqlClient } from './sql-client';

/**
 * One SQL statement assembled from data-modifying CTEs (`WITH a AS (INSERT …), b AS (DELETE …)
 * SELECT …`), so a write, its history row, its search values and its AuditEvent reach the
 * database in a single round trip. PostgreSQL runs every CTE exactly once, atomically, against
 * the same snapshot.
 */
export class Statement {
  readonly params = new SqlParams();
  private readonly ctes: string[] = [];
  private counter = 0;

  /** Adds a CTE and returns its name. */
  cte(prefix: string, sql: string): string {
    const name = `${prefix}_${++this.counter}`;
    this.ctes.push(`${name} AS (${sql})`);
    return name;
  }

  add(value: unknown): string {
    return this.params.add(value);
  }

  /** The statement text, ending in `finalSelect` (which may name the CTEs). */
  toSql(finalSelect: string): string {
    return this.ctes.length ? `WITH ${this.ctes.join(',\n')}\n${finalSelect}` : finalSelect;
  }

  run<R extends Record<string, unknown>>(sql: SqlClient, finalSelect = 'SELECT 1 AS done'): Promise<{ rows: R[]; rowCount: number }> {
    return sql.query<R>(this.toSql(finalSelect), this.params.values, { prepare: true });
  }
}
