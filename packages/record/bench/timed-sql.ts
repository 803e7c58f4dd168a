import type { SqlClient } from '../src/db/sql-client';

/** Wraps a SqlClient to add up the wall time spent waiting for the database (benchmarks only). */
export class TimedSqlClient implements SqlClient {
  constructor(
    private readonly inner: SqlClient,
    readonly timer: { ms: number; byStatement: Map<string, number> } = { ms: 0, byStatement: new Map() },
  ) {}

  get kind() {
    return this.inner.kind;
  }

  async query<R extends Record<string, unknown>>(sql: string, params?: unknown[]) {
    const t = performance.now();
    try {
      return await this.inner.query<R>(sql, params);
    } finally {
      const ms = performance.now() - t;
      this.timer.ms += ms;
      const key = sql.replace(/\s+/g, ' ').slice(0, 60);
      this.timer.byStatement.set(key, (this.timer.byStatement.get(key) ?? 0) + ms);
    }
  }

  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    return this.inner.transaction((tx) => fn(new TimedSqlClient(tx, this.timer)));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
