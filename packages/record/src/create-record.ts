import { join } from 'node:path';
import type { SqlClient } from './db/sql-client';
import { openPglite } from './db/pglite-client';
import { openPostgres } from './db/pg-client';
import { preparePrivateDataDir } from './db/private-dir';
import { applicationRoleProblem, grantApplicationRole } from './db/roles';
import { recordMigrationSets, runMigrationSets, type MigrationSet } from './migrations/registry';
import { PostgresRepository } from './repo/postgres-repository';
import type { Repository } from './repository';

export interface RecordConfig {
  /** A PostgreSQL 15+ server (`postgres://…`); when absent, embedded PGlite is used. The application's role. */
  databaseUrl?: string;
  /**
   * The same server as the role that owns the tables (FOOTPRINT_MIGRATION_DATABASE_URL): when
   * given, migrations run through it and it grants the application role (databaseUrl's) only what
   * it needs, INSERT and SELECT on the audit (docs/audit.md). Without it, databaseUrl's role migrates and owns.
   */
  ownerDatabaseUrl?: string;
  /**
   * What to do when the application's role is a superuser or owns the tables: `warn` (default;
   * OpenRecord.roleWarning says why) or `refuse` to open (FOOTPRINT_DATABASE_ROLE_CHECK).
   */
  roleCheck?: 'warn' | 'refuse';
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
  /** On a PostgreSQL server: why the application's role could alter the audit, when it could (a superuser or the owner). */
  roleWarning?: string;
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

/** Runs every migration as the owner role, then grants the application role (`app`'s) what it needs. */
async function migrateAsOwner(ownerUrl: string, schema: string | undefined, migrations: readonly MigrationSet[], app: SqlClient): Promise<void> {
  const owner = await openPostgres(ownerUrl, schema, 1, 'footprint-migrations');
  try {
    await runMigrationSets(owner, migrations);
    const { rows } = await app.query<{ role: string }>('SELECT current_user AS role');
    await grantApplicationRole(owner, rows[0].role);
  } finally {
    await owner.close();
  }
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
  if (!config.databaseUrl && dataDir !== 'memory://') preparePrivateDataDir(dataDir);
  // The owner creates the schema before the application role (which may not create one) connects.
  if (config.databaseUrl && config.ownerDatabaseUrl && config.schema) await (await openPostgres(config.ownerDatabaseUrl, config.schema, 1)).close();
  const sql = config.databaseUrl
    ? await openPostgres(config.databaseUrl, config.schema, config.maxConnections, config.applicationName)
    : await openPglite(dataDir === 'memory://' ? undefined : join(dataDir, 'record'), config.schema);
  let roleWarning: string | undefined;
  try {
    if (config.databaseUrl && config.ownerDatabaseUrl) await migrateAsOwner(config.ownerDatabaseUrl, config.schema, migrations, sql);
    else await runMigrationSets(sql, migrations);
    if (config.databaseUrl) {
      roleWarning = await applicationRoleProblem(sql);
      if (roleWarning && config.roleCheck === 'refuse') throw new Error(roleWarning);
    }
  } catch (error) {
    await sql.close();
    throw error;
  }
  const close = () => sql.close();
  return { repo: new PostgresRepository(sql, close), sql, close, ...(roleWarning ? { roleWarning } : {}) };
}
