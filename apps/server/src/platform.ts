import type { Repository } from '@footprint/record';
import type { SqlClient } from '@footprint/record';
import type { WarehouseHandle } from '@footprint/warehouse';

/** Everything the HTTP layer is composed from; built once at start-up by the CLI. */
export interface Platform {
  /** The shared care record. */
  record: Repository;
  /** The record's database, for the platform's own tables (OAuth clients, users, sessions). */
  sql: SqlClient;
  /** Where embedded data, credentials and the warehouse live (`.footprint/` by default). */
  dataDir: string;
  /** The pseudonymised warehouse (DuckDB file or PostgreSQL schema), opened once; it follows rebuilds. */
  warehouse: WarehouseHandle;
}
