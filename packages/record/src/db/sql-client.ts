/**
 * The one SQL connection abstraction over PostgreSQL: embedded PGlite or a server through `pg`.
 * One dialect (PostgreSQL), so nothing above this line branches on the engine.
 */
export interface SqlClient {
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: R[]; rowCount: number }>;
  /** Runs `fn` inside BEGIN/COMMIT on one connection; rolls back if it throws. Nested calls use savepoints. */
  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'pglite' or 'postgres', for messages and benchmarks only: never branch on it. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * False when each query commits on its own (a pool, or embedded PGlite outside a transaction),
   * true inside `transaction()`. Unknown (undefined) counts as true: callers may skip BEGIN/COMMIT
   * only for work that is one atomic statement or only reads, and only when this is false.
   */
  readonly inTransaction?: boolean;
}

/** Hints for one query; a client may ignore them. */
export interface QueryOptions {
  /**
   * Keep the statement prepared on the connection (a server parses and plans it once per
   * connection, not per call). For the record's own fixed-shape statements (writes, audit, read
   * by id), not for searches, whose best plan depends on their values.
   */
  prepare?: boolean;
}

/** A versioned schema change. Migrations are applied in order, once, inside a transaction, tracked per namespace. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
