import { join, resolve } from 'node:path';
import { createRecord, preparePrivateDataDir } from '@footprint/record';
import { platformMigrations, type Platform } from '@footprint/server';
import { engineNames, openWarehouseHandle, type EngineName } from '@footprint/warehouse';

export interface PlatformOptions {
  /** Data directory (embedded database, credentials, signing key, exports, warehouse). Default FOOTPRINT_DATA_DIR or `.footprint`. */
  dataDir?: string;
  /** PostgreSQL server URL. Default DATABASE_URL; without one, embedded PGlite under the data directory. */
  databaseUrl?: string;
  /** The owner role's URL on the same server, which runs migrations and grants the application role. Default FOOTPRINT_MIGRATION_DATABASE_URL. */
  migrationDatabaseUrl?: string;
  /** Use embedded storage even when DATABASE_URL is set (`footprint demo`). */
  embedded?: boolean;
  /** A schema on the PostgreSQL server to use instead of `public` (benchmarks, tests). */
  schema?: string;
  /** The warehouse engine. Default FOOTPRINT_WAREHOUSE_ENGINE or `duckdb` (the file in the data directory). */
  warehouseEngine?: EngineName;
}

/** The warehouse engine from options or FOOTPRINT_WAREHOUSE_ENGINE (PostgreSQL: WAREHOUSE_DATABASE_URL, then DATABASE_URL; schema FOOTPRINT_WAREHOUSE_SCHEMA or `warehouse`). */
function warehouseEngine(configured?: EngineName): EngineName {
  const engine = configured ?? process.env.FOOTPRINT_WAREHOUSE_ENGINE ?? 'duckdb';
  if (!engineNames.includes(engine as EngineName)) throw new Error(`FOOTPRINT_WAREHOUSE_ENGINE must be ${engineNames.join(' or ')}, not "${engine}"`);
  return engine as EngineName;
}

/** A Platform opened from configuration, with a way to close its storage. */
export interface OpenPlatform extends Platform {
  /** Where the record lives, for messages: `embedded PGlite at …` or the server's host and database (never its password). */
  storage: string;
  close(): Promise<void>;
}

/** The default data directory, resolved against the working directory. */
export function dataDirectory(configured?: string): string {
  return resolve(configured ?? process.env.FOOTPRINT_DATA_DIR ?? '.footprint');
}

/** FOOTPRINT_DATABASE_ROLE_CHECK: `warn` (default) or `refuse` when the application's role is a superuser or owns the tables. */
function roleCheck(): 'warn' | 'refuse' {
  const value = process.env.FOOTPRINT_DATABASE_ROLE_CHECK || 'warn';
  if (value !== 'warn' && value !== 'refuse') throw new Error(`FOOTPRINT_DATABASE_ROLE_CHECK must be warn or refuse, not "${value}"`);
  return value;
}

/** Describes a database URL without its credentials. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/**
 * Opens storage from options and the environment (DATABASE_URL, FOOTPRINT_DATA_DIR) in a private
 * data directory (created 0700; refused when other users can read it), applies
 * every migration set of the registry (`platformMigrations`) once, in order, and returns the
 * Platform every command and the server are built from.
 * Shared by serve, demo, import, token, warehouse, query and generate --load.
 */
export async function openPlatform(options: PlatformOptions = {}): Promise<OpenPlatform> {
  const dataDir = dataDirectory(options.dataDir);
  preparePrivateDataDir(dataDir);
  const databaseUrl = options.embedded ? undefined : (options.databaseUrl ?? process.env.DATABASE_URL);
  const ownerUrl = options.migrationDatabaseUrl ?? (process.env.FOOTPRINT_MIGRATION_DATABASE_URL || undefined);
  const warehouse = openWarehouseHandle({ dataDir, engine: warehouseEngine(options.warehouseEngine), schema: process.env.FOOTPRINT_WAREHOUSE_SCHEMA || undefined });
  const opened = await createRecord({
    dataDir,
    migrations: platformMigrations,
    ...(databaseUrl ? { databaseUrl, roleCheck: roleCheck() } : {}),
    ...(databaseUrl && ownerUrl ? { ownerDatabaseUrl: ownerUrl } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
  });
  if (opened.roleWarning) console.warn(`Warning: ${opened.roleWarning}`);
  const storage = databaseUrl ? describeServer(databaseUrl) : `embedded PGlite at ${join(dataDir, 'record')}`;
  return {
    record: opened.repo,
    sql: opened.sql,
    dataDir,
    warehouse,
    storage,
    close: async () => {
      await warehouse.close();
      await opened.close();
    },
  };
}
