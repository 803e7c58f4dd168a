import { describe, expect, it } from 'vitest';
import { SqlError } from '../../src/db/sql-error';
import { testEngines } from '../engines';

/** What a logger's error serialiser would write: every own enumerable property, the message and the stack. */
const serialised = (error: unknown) => {
  const e = error as Error;
  return JSON.stringify({ ...e, message: e.message, stack: e.stack });
};

for (const engine of testEngines()) {
  describe(`database errors on ${engine.name}`, { timeout: 120_000 }, () => {
    it('carry the code and where, never the SQL, the bound parameters, the detail or a quoted value', async () => {
      const record = await engine.open();
      try {
        const searched = 'Brontë 1980-02-29 9434765919';
        const bad = await record.sql.query('SELECT $1::date AS d', [searched]).catch((error: unknown) => error);
        expect(bad).toBeInstanceOf(SqlError);
        expect(bad).toMatchObject({ code: '22007' });
        expect((bad as Error).message).toMatch(/invalid input syntax for type date: "\*\*\*"/);
        const duplicate = await record.sql
          .query("INSERT INTO schema_migration (namespace, version, name) VALUES ('record', 1, $1)", [searched])
          .catch((error: unknown) => error);
        expect(duplicate).toMatchObject({ code: '23505', constraint: 'schema_migration_pkey', table: 'schema_migration' });
        const inTransaction = await record.sql
          .transaction((tx) => tx.query('SELECT $1::int AS n', [searched]))
          .catch((error: unknown) => error);
        expect(inTransaction).toMatchObject({ code: '22P02' });
        for (const error of [bad, duplicate, inTransaction]) {
          const text = serialised(error);
          expect(text).not.toContain('Bront');
          expect(text).not.toContain('9434765919');
          expect(text).not.toContain('1980');
          expect(text).not.toMatch(/SELECT|INSERT/);
          expect(error).not.toHaveProperty('params');
          expect(error).not.toHaveProperty('detail');
        }
      } finally {
        await record.close();
      }
    });
  });
}
