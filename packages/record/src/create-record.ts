import { join } from 'node:path';
import type { SqlClient } from './db/sql-client';
import { openPglite } from './db/pglite-client';
import { openPostgres } from './db/pg-client';
import { recordMigrationSets, runMigrationSets, type MigrationSet } from './migrations/registry';
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
  /**
   * Every migration set to apply on opening, in order: the platform's registry
   * (`platformMigrations` of @footprint/server). Default the record's own sets; a list must begin with them.
   */
  migrations?: readonly MigrationSet[];
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

/** Refuses a migration list that does not start with the record's own sets (everything else builds on them). */
function checkMigrationList(sets: readonly MigrationSet[]): void {
  const starts = recordMigrationSets.every((own, i) => sets[i] === own);
  if (!starts) throw new Error(`The migration list must begin with the record's own sets (${recordMigrationSets.map((s) => s.namespace).join(', ')})`);
}

/**
 * Opens the shared care record: connects (server or embedded), applies every migration set
 * once, in order (the record's own by default), and returns the Repository with the SqlClient
 * for other packages' tables.
 */
export async function createRecord(config: RecordConfig = {}): Promise<OpenRecord> {
  const migrations = config.migrations ?? recordMigrationSets;
  checkMigrationList(migrations);
  const dataDir = resolveDataDir(config.dataDir);
  const sql = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.schema, config.maxConnections, config.applicationName)
    : await openPglite(dataDir === 'memory://' ? undefined : join(dataDir, 'record'), config.schema);
  try {
    await runMigrationSets(sql, migrations);
  } catch (error) {
    await sql.close();
    throw error;
  }
  const close = () => sql.close();
  return { repo: new PostgresRepository(sql, close), sql, close };
}
