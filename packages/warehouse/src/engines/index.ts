import { join } from 'node:path';
import { DuckDbEngine } from './duckdb';
import type { EngineName, WarehouseEngine } from './engine';
import { PostgresEngine } from './postgres';

export type { BuildSession, EngineName, TableWriter, WarehouseConnection, WarehouseEngine } from './engine';
export { SqlDialect } from './engine';
export { DuckDbEngine, WarehouseNotBuiltError } from './duckdb';
export { PostgresEngine } from './postgres';

export interface EngineOptions {
  /** The data directory; the DuckDB file is `<dataDir>/warehouse.duckdb`. */
  dataDir: string;
  /** PostgreSQL connection string for the postgres engine (default WAREHOUSE_DATABASE_URL, then DATABASE_URL). */
  databaseUrl?: string;
  /** PostgreSQL schema for the warehouse (default `warehouse`). */
  schema?: string;
}

/** Each engine by name: adding one is one entry here, not a branch in shared code. */
const engineFactories: Record<EngineName, (options: EngineOptions) => WarehouseEngine> = {
  duckdb: (options) => new DuckDbEngine(join(options.dataDir, 'warehouse.duckdb')),
  postgres: (options) => {
    const url = options.databaseUrl ?? process.env.WAREHOUSE_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error('The postgres warehouse engine needs a database URL (--database-url, WAREHOUSE_DATABASE_URL or DATABASE_URL)');
    return new PostgresEngine(url, options.schema);
  },
};

export const engineNames = Object.keys(engineFactories) as EngineName[];

export function createEngine(name: EngineName, options: EngineOptions): WarehouseEngine {
  const factory = engineFactories[name];
  if (!factory) throw new Error(`Unknown warehouse engine "${String(name)}": choose ${engineNames.join(' or ')}`);
  return factory(options);
}
