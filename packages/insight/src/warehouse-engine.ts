import { createSqlEngine, type RunnerEngine, type SqlDialectName } from '@footprint/cohort';

/**
 * What insight needs from the platform's warehouse handle (`WarehouseHandle` in
 * @footprint/warehouse): the SQL dialect its engine speaks, a key naming the current build and
 * refresh, and a way to run SQL. Insight itself opens no database.
 */
export interface WarehouseLike {
  readonly engine: SqlDialectName;
  cacheKey(): Promise<string>;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * A cohort engine over the warehouse as it is now (DuckDB or PostgreSQL alike): its cache key is
 * the current build and refresh, read when the engine is made, so take a new one for each request
 * and cached figures never outlive the data they came from.
 */
export async function engineForWarehouse(warehouse: WarehouseLike): Promise<RunnerEngine> {
  const cacheKey = await warehouse.cacheKey();
  return createSqlEngine(warehouse.engine, (sql) => warehouse.query(sql), { cacheKey });
}
