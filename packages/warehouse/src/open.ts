import { resolveEngine, type WarehouseOptions } from './build';
import type { WarehouseConnection } from './engines';
import { readMeta, type WarehouseMeta } from './meta';

/** A built warehouse, open for queries (INSIGHT and the web app run their SQL through `query`). */
export interface Warehouse {
  readonly engine: string;
  readonly location: string;
  /** Runs SQL (`$1` placeholders) and returns rows as plain objects: numbers, strings, ISO dates. */
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Watermark and build times. */
  meta(): Promise<WarehouseMeta | null>;
  /** The underlying connection (engine-specific bulk access). */
  readonly connection: WarehouseConnection;
  close(): Promise<void>;
}

/** Opens the warehouse built in `dataDir` (DuckDB) or on the server (postgres); throws WarehouseNotBuiltError if there is none. */
export async function openWarehouse(options: Omit<WarehouseOptions, 'onProgress' | 'batchSize'>): Promise<Warehouse> {
  const engine = resolveEngine(options);
  const connection = await engine.open();
  return {
    engine: engine.name,
    location: engine.location,
    connection,
    query: (sql, params) => connection.query(sql, params),
    meta: () => readMeta(connection),
    close: () => connection.close(),
  };
}
