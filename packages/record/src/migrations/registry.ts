import type { Migration, SqlClient } from '../db/sql-client';
import { accessMigrations } from '../access/migrations';
import { auditMigrations } from '../audit/chain/migrations';
import { importMigrations } from '../import/migrations';
import { matchingMigrations } from '../match/migrations';
import { recordMigrations } from './record-migrations';
import { runMigrations } from './run';

/**
 * One package's migrations under its namespace (`record`, `import`, `server`, `web`, …). The
 * namespace is what `schema_migration` remembers, so it never changes once released.
 */
export interface MigrationSet {
  namespace: string;
  migrations: readonly Migration[];
}

/** The record's own sets: its FHIR tables, then import progress, then what the access policy joins to (break-glass, consent), then the audit's hash chain. Every platform's list begins with these. */
export const recordMigrationSets: readonly MigrationSet[] = [
  { namespace: 'record', migrations: recordMigrations },
  { namespace: 'import', migrations: importMigrations },
  { namespace: 'matching', migrations: matchingMigrations },
  { namespace: 'access', migrations: accessMigrations },
  { namespace: 'audit', migrations: auditMigrations },
];

/**
 * Applies every set in order, each migration once, under its namespace's advisory lock, so
 * several processes opening one server at once are safe. Returns the versions applied per namespace.
 */
export async function runMigrationSets(sql: SqlClient, sets: readonly MigrationSet[]): Promise<Record<string, number[]>> {
  const namespaces = new Set<string>();
  for (const set of sets) {
    if (namespaces.has(set.namespace)) throw new Error(`Migration namespace ${set.namespace} is listed twice`);
    namespaces.add(set.namespace);
  }
  const applied: Record<string, number[]> = {};
  for (const set of sets) applied[set.namespace] = await runMigrations(sql, set.namespace, set.migrations);
  return applied;
}

/** The `namespace version` of every migration in `sets` not yet applied to this database (none once it is open). */
export async function pendingMigrations(sql: SqlClient, sets: readonly MigrationSet[]): Promise<string[]> {
  const { rows: table } = await sql.query<{ t: string | null }>("SELECT to_regclass('schema_migration')::text AS t");
  const { rows } = table[0]?.t ? await sql.query<{ namespace: string; version: number }>('SELECT namespace, version FROM schema_migration') : { rows: [] };
  const done = new Set(rows.map((r) => `${r.namespace} ${Number(r.version)}`));
  return sets.flatMap((set) => set.migrations.map((m) => `${set.namespace} ${m.version}`)).filter((key) => !done.has(key));
}
