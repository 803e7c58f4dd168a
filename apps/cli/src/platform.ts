import { join, resolve } from 'node:path';
import { createRecord } from '@footprint/record';
import { platformMigrations, type Platform } from '@footprint/server';

export interface PlatformOptions {
  /** Data directory (embedded database, credentials, signing key, exports, warehouse). Default FOOTPRINT_DATA_DIR or `.footprint`. */
  dataDir?: string;
  /** PostgreSQL server URL. Default DATABASE_URL; without one, embedded PGlite under the data directory. */
  databaseUrl?: string;
  /** Use embedded storage even when DATABASE_URL is set (`footprint demo`). */
  embedded?: boolean;
  /** A schema on the PostgreSQL server to use instead of `public` (benchmarks, tests). */
  schema?: string;
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
 * Opens storage from options and the environment (DATABASE_URL, FOOTPRINT_DATA_DIR), applies
 * every migration set of the registry (`platformMigrations`) once, in order, and returns the
 * Platform every command and the server are built from.
 * Shared by serve, demo, import, token, warehouse, query and generate --load.
 */
export async function openPlatform(options: PlatformOptions = {}): Promise<OpenPlatform> {
  const dataDir = dataDirectory(options.dataDir);
  const databaseUrl = options.embedded ? undefined : (options.databaseUrl ?? process.env.DATABASE_URL);
  const opened = await createRecord({
    dataDir,
    migrations: platformMigrations,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
  });
  const storage = databaseUrl ? describeServer(databaseUrl) : `embedded PGlite at ${join(dataDir, 'record')}`;
  return {
    record: opened.repo,
    sql: opened.sql,
    dataDir,
    storage,
    close: () => opened.close(),
  };
}
