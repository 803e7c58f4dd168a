import { runMigrations, type SqlClient } from '@footprint/record';
import { serverMigrations } from './migrations';

/** Applies the server's migrations (OAuth clients, export jobs); safe to call on every start. */
export async function runServerMigrations(sql: SqlClient): Promise<void> {
  await runMigrations(sql, 'server', serverMigrations);
}
