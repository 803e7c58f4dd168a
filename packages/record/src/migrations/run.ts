import type { Migration, SqlClient } from '../db/sql-client';

/**
 * Applies `migrations` of one namespace (e.g. `record`, `oauth`, `import`) in version order,
 * each once and in its own transaction, recording them in `schema_migration`. An advisory lock
 * per namespace lets several processes start against one server safely.
 * Returns the versions applied by this call.
 */
export async function runMigrations(sql: SqlClient, namespace: string, migrations: readonly Migration[]): Promise<number[]> {
  await sql.query(`CREATE TABLE IF NOT EXISTS schema_migration (
    namespace text NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (namespace, version)
  )`);
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const seen = new Set<number>();
  for (const m of sorted) {
    if (seen.has(m.version)) throw new Error(`Migration version ${m.version} appears twice in namespace ${namespace}`);
    seen.add(m.version);
  }
  const applied: number[] = [];
  for (const migration of sorted) {
    const done = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`footprint-migrations:${namespace}`]);
      const existing = await tx.query('SELECT 1 FROM schema_migration WHERE namespace = $1 AND version = $2', [namespace, migration.version]);
      if (existing.rows.length > 0) return false;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migration (namespace, version, name) VALUES ($1, $2, $3)', [namespace, migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
