import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The environment variable naming the PostgreSQL server the suites also run on (CI sets it). */
export const TEST_DATABASE_URL_VARIABLE = 'FOOTPRINT_TEST_DATABASE_URL';

/** Where a database suite runs: embedded PGlite in memory, or a fresh schema on the PostgreSQL server. */
export type PostgresKind = 'pglite' | 'postgres';

/** The test server's URL, or undefined when it is not configured (a developer's machine). */
export function testServerUrl(): string | undefined {
  return process.env[TEST_DATABASE_URL_VARIABLE] || undefined;
}

/**
 * The kinds every PostgreSQL suite runs on: PGlite always, and the server when
 * FOOTPRINT_TEST_DATABASE_URL is set. In CI (`CI` set) a missing URL is an error, so the
 * server suites fail there instead of quietly leaving themselves out.
 */
export function postgresKinds(): PostgresKind[] {
  if (testServerUrl()) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error(`CI must set ${TEST_DATABASE_URL_VARIABLE} so the PostgreSQL server suites run`);
  return ['pglite'];
}

/** A schema name no other test (of any engineer or process) is using: `<prefix>_<pid>_<random>`. */
export function uniqueSchemaName(prefix: string): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`schema prefix must be a short lower-case identifier, got ${prefix}`);
  return `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;
}

/** A schema reserved on the test server for one test; `drop()` removes it and its companions. */
export interface TestSchema {
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/**
 * Drops `schema` and every companion schema named `<schema>__…` (the warehouse builds into
 * `<schema>__building` before swapping it in), with everything in them.
 */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname = $1 OR starts_with(nspname, $1 || '__')",
      [schema],
    );
    for (const { name } of rows) await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await admin.end();
  }
}

/**
 * Reserves a fresh schema name on the test server (the code under test creates it, as it would
 * in production); `drop()` removes whatever was made. Throws when no server is configured.
 */
export function reserveTestSchema(prefix: string): TestSchema {
  const url = testServerUrl();
  if (!url) throw new Error(`${TEST_DATABASE_URL_VARIABLE} is not set`);
  const schema = uniqueSchemaName(prefix);
  return { url, schema, drop: () => dropSchema(url, schema) };
}
