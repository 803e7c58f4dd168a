import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './database';
import { postgresKinds, reserveTestSchema, testServerUrl } from './server';
import { openOnTestStorage } from './storage';

/** The names of the server's schemas that start with `prefix`. */
async function schemasLike(prefix: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string }>('SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY 1', [prefix]);
    return rows.map((r) => r.name);
  } finally {
    await admin.end();
  }
}

describe.each(postgresKinds())('a test database on %s', { timeout: 180_000 }, (kind) => {
  it('is empty, holds what a test writes, and is gone after close', async () => {
    const db = await openTestDatabase(kind, 'testing_self');
    await db.exec('CREATE TABLE place (code text PRIMARY KEY); CREATE INDEX place_code ON place (code)');
    await db.query('INSERT INTO place (code) VALUES ($1), ($2)', ['E08000012', 'E06000049']);
    expect((await db.query('SELECT code FROM place ORDER BY code')).rows).toEqual([{ code: 'E06000049' }, { code: 'E08000012' }]);
    if (kind === 'postgres') {
      // A second test's schema on the same server does not see the first one's tables.
      const other = await openTestDatabase(kind, 'testing_self');
      try {
        expect((await other.query("SELECT to_regclass('place')::text AS t")).rows).toEqual([{ t: null }]);
      } finally {
        await other.close();
      }
    }
    await db.close();
    if (kind === 'postgres') expect(await schemasLike(db.schema)).toEqual([]);
  });
});

describe.runIf(postgresKinds().includes('postgres'))('a reserved schema on the server', () => {
  const reserved = reserveTestSchema('testing_self');
  afterAll(() => reserved.drop());

  it('drops the schema and its `__` companions, and nothing else', async () => {
    const neighbour = reserveTestSchema('testing_self');
    const admin = new pg.Client({ connectionString: reserved.url });
    await admin.connect();
    try {
      for (const name of [reserved.schema, `${reserved.schema}__building`, neighbour.schema]) await admin.query(`CREATE SCHEMA "${name}"`);
      await reserved.drop();
      expect(await schemasLike(reserved.schema)).toEqual([]);
      expect(await schemasLike(neighbour.schema)).toEqual([neighbour.schema]);
    } finally {
      await admin.end();
      await neighbour.drop();
    }
  });

  it('drops the schema when the code under test fails to open', async () => {
    let schema = '';
    await expect(
      openOnTestStorage('postgres', 'testing_self', async (location) => {
        if (!('schema' in location)) throw new Error('expected a server location');
        schema = location.schema;
        const client = new pg.Client({ connectionString: location.databaseUrl });
        await client.connect();
        await client.query(`CREATE SCHEMA "${schema}"`);
        await client.end();
        throw new Error('could not open');
      }),
    ).rejects.toThrow('could not open');
    expect(await schemasLike(schema)).toEqual([]);
  });
});
