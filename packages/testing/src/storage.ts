import { reserveTestSchema, type PostgresKind } from './server';

/** Where the code under test opens its own storage: in-memory PGlite, or the test server and a fresh schema. */
export type TestStorageLocation = { dataDir: 'memory://' } | { databaseUrl: string; schema: string };

/**
 * Opens something that owns its storage (a record, a platform) on a fresh location of `kind`, and
 * returns it (a plain object such as OpenRecord) with a `close()` that also drops the schema; a failed open drops it too.
 * `prefix` names the schema (`<prefix>_<pid>_<random>`) so a leftover one says which suite made it.
 */
export async function openOnTestStorage<T extends { close(): Promise<void> }>(kind: PostgresKind, prefix: string, open: (location: TestStorageLocation) => Promise<T>): Promise<T> {
  if (kind === 'pglite') return open({ dataDir: 'memory://' });
  const reserved = reserveTestSchema(prefix);
  let opened: T;
  try {
    opened = await open({ databaseUrl: reserved.url, schema: reserved.schema });
  } catch (error) {
    await reserved.drop();
    throw error;
  }
  return {
    ...opened,
    async close() {
      try {
        await opened.close();
      } finally {
        await reserved.drop();
      }
    },
  };
}
