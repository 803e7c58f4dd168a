import { join } from 'node:path';
import type { SqlClient } from './db/sql-client';
import { openPglite } from './db/pglite-client';
import { openPostgres } from './db/pg-client';
import { recordMigrations } from './migrations/record-migrations';
import { runMigrations } from './migrations/run';
import { PostgresRepository } from './repo/postgres-repository';
import type { Repository } from './repository';

export interface RecordConfig {
  /** A PostgreSQL 15+ server (`postgres://…`); when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** Where embedded data lives (PGlite under `<dataDir>/record`); default FOOTPRINT_DATA_DIR or `.footprint`. Use `memory://` for an in-memory database. */
  dataDir?: string;
  /** A schema to hold the record's tables (created if missing); tests use a unique one each. */
  schema?: string;
  /** Maximum pooled server connections (default two per core plus one, at least four). */
  maxConnections?: number;
  /** The server connections' application_name, shown in pg_stat_activity (default `footprint`). */
  applicationName?: string;
}

export interface OpenRecord {
  repo: Repository;
  sql: SqlClient;
  close(): Promise<void>;
}

/** The data directory from configuration: explicit, FOOTPRINT_DATA_DIR, or `.footprint`. */
export function resolveDataDir(dataDir?: string): string {
  return dataDir ?? process.env.FOOTPRINT_DATA_DIR ?? '.footprint';
}

/**
 * Opens the shared care record: connects (server or embedded), applies the record's
 * migrations, and returns the Repository with the SqlClient for other packages' tables.
 */
export async function createRecord(config: RecordConfig = {}): Promise<OpenRecord> {
  const dataDir = resolveDataDir(config.dataDir);
  const sql = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.schema, config.maxConnections, config.applicationName)
    : await openPglite(dataDir === 'memory://' ? undefined : join(dataDir, 'record'), config.schema);
  try {
    await runMigrations(sql, 'record', recordMigrations);
  } catch (error) {
    await sql.close();
    throw error;
  }
  const close = () => sql.close();
  return { repo: new PostgresRepository(sql, close), sql, close };
}
