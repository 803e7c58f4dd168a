import type { SqlClient } from '@footprint/record';
import { referenceRegister, type ReferenceRegister } from './reference';

const loaded = new WeakMap<SqlClient, { checksum: string; pending: Promise<void> }>();

/**
 * Makes the database hold the shipped register: if its checksum differs from the files', replaces
 * every row in one transaction (under an advisory lock, so two processes starting together load it
 * once), so a re-load never duplicates and a corrected file reaches every instance. Runs at most
 * once per process, database and version of the files; a failure is retried on the next call.
 */
export function loadFootprintRegister(sql: SqlClient, register: ReferenceRegister = referenceRegister()): Promise<void> {
  const known = loaded.get(sql);
  if (known?.checksum === register.checksum) return known.pending;
  const pending = load(sql, register).catch((error: unknown) => {
    loaded.delete(sql);
    throw error;
  });
  loaded.set(sql, { checksum: register.checksum, pending });
  return pending;
}

async function load(sql: SqlClient, register: ReferenceRegister): Promise<void> {
  const current = await sql.query<{ checksum: string }>('SELECT checksum FROM partnership_footprint_dataset WHERE id = 1');
  if (current.rows[0]?.checksum === register.checksum) return;
  await sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('partnership-footprints'))");
    const again = await tx.query<{ checksum: string }>('SELECT checksum FROM partnership_footprint_dataset WHERE id = 1');
    if (again.rows[0]?.checksum === register.checksum) return;
    for (const table of ['partnership_footprint_link', 'partnership_footprint_fact', 'partnership_footprint', 'partnership_footprint_source']) await tx.query(`DELETE FROM ${table}`);
    await insertRows(tx, 'partnership_footprint_source', ['id', 'title', 'url', 'note'], register.sources.map((s) => [s.id, s.title, s.url ?? null, s.note ?? null]));
    await insertRows(tx, 'partnership_footprint', ['code', 'start_date', 'end_date'], register.footprints.map((f) => [f.code, f.start, f.end ?? null]));
    await insertRows(tx, 'partnership_footprint_fact', ['code', 'fact', 'value', 'start_date', 'end_date', 'source_id'], register.facts.map((f) => [f.code, f.fact, f.value, f.start, f.end ?? null, f.source]));
    await insertRows(tx, 'partnership_footprint_link', ['from_code', 'to_code', 'change', 'effective', 'source_id'], register.links.map((l) => [l.from, l.to, l.change, l.date, l.source]));
    await tx.query(
      `INSERT INTO partnership_footprint_dataset (id, checksum, loaded_at) VALUES (1, $1, now())
       ON CONFLICT (id) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = EXCLUDED.loaded_at`,
      [register.checksum],
    );
  });
}

/** Multi-row INSERTs of up to 100 rows each (a few hundred rows in all). */
async function insertRows(tx: SqlClient, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    const values = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}
