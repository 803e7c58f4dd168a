import type { Organization } from '@footprint/fhir';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecord } from '../create-record';
import { systemContext } from '../access-context';
import { recordMigrations } from './record-migrations';
import { pendingMigrations, recordMigrationSets, runMigrationSets } from './registry';
import { runMigrations } from './run';

const setOf = (namespace: string) => recordMigrationSets.find((s) => s.namespace === namespace)!;

describe('createRecord on embedded PGlite and runMigrations', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-record-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('persists under <dataDir>/record and applies migrations once', async () => {
    const first = await createRecord({ dataDir: dir });
    const { resource } = await first.repo.create<Organization>(systemContext(), { resourceType: 'Organization', name: 'Persisted' });
    await first.close();
    const second = await createRecord({ dataDir: dir });
    try {
      expect((await second.repo.read(systemContext(), 'Organization', resource.id!)).id).toBe(resource.id);
      const { rows } = await second.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM schema_migration WHERE namespace = 'record'");
      expect(Number(rows[0].n)).toBe(recordMigrations.length);
    } finally {
      await second.close();
    }
  });

  it('refuses a data directory another live process holds, and takes over a stale lock', async () => {
    const locked = mkdtempSync(join(tmpdir(), 'footprint-lock-'));
    try {
      // PID 1 is always alive: the directory looks held by another process.
      writeFileSync(join(locked, 'record.lock'), '1');
      await expect(createRecord({ dataDir: locked })).rejects.toThrow(/in use by process 1/);
      writeFileSync(join(locked, 'record.lock'), '999999999'); // no such process
      const record = await createRecord({ dataDir: locked });
      expect(readFileSync(join(locked, 'record.lock'), 'utf8')).toBe(String(process.pid));
      await record.close();
      expect(existsSync(join(locked, 'record.lock'))).toBe(false);
    } finally {
      rmSync(locked, { recursive: true, force: true });
    }
  });

  it('runs other namespaces once each, in order, and rolls back a failing migration whole', async () => {
    const record = await createRecord({ dataDir: 'memory://' });
    try {
      const migrations = [
        { version: 2, name: 'add column', sql: 'ALTER TABLE oauth_client ADD COLUMN label text' },
        { version: 1, name: 'create table', sql: 'CREATE TABLE oauth_client (id text PRIMARY KEY); CREATE INDEX oauth_client_id ON oauth_client (id)' },
      ];
      expect(await runMigrations(record.sql, 'oauth', migrations)).toEqual([1, 2]);
      expect(await runMigrations(record.sql, 'oauth', migrations)).toEqual([]);
      await record.sql.query("INSERT INTO oauth_client (id, label) VALUES ('a', 'b')");
      const broken = [...migrations, { version: 3, name: 'half', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function()' }];
      await expect(runMigrations(record.sql, 'oauth', broken)).rejects.toThrow();
      const { rows } = await record.sql.query<{ t: string | null }>("SELECT to_regclass('half_done')::text AS t");
      expect(rows[0].t).toBeNull();
      await expect(runMigrations(record.sql, 'dup', [migrations[0], { ...migrations[0] }])).rejects.toThrow(/twice/);
    } finally {
      await record.close();
    }
  });

  it('applies a list of migration sets once, in order, and says what a database still lacks', async () => {
    const oauth = { namespace: 'oauth', migrations: [{ version: 1, name: 'clients', sql: 'CREATE TABLE oauth_client (id text PRIMARY KEY)' }] };
    // `labels` builds on `oauth`'s table, so the list's order matters.
    const labels = { namespace: 'labels', migrations: [{ version: 1, name: 'label', sql: 'ALTER TABLE oauth_client ADD COLUMN label text' }] };
    const platform = [...recordMigrationSets, oauth, labels];
    const plain = await createRecord({ dataDir: 'memory://' });
    try {
      expect(await pendingMigrations(plain.sql, platform)).toEqual(['oauth 1', 'labels 1']);
      expect(await pendingMigrations(plain.sql, recordMigrationSets)).toEqual([]);
    } finally {
      await plain.close();
    }
    const dir = mkdtempSync(join(tmpdir(), 'footprint-registry-'));
    try {
      const first = await createRecord({ dataDir: dir, migrations: platform });
      await first.sql.query("INSERT INTO oauth_client (id, label) VALUES ('a', 'b')");
      expect(await pendingMigrations(first.sql, platform)).toEqual([]);
      await first.close();
      const second = await createRecord({ dataDir: dir, migrations: platform });
      try {
        expect(await runMigrationSets(second.sql, platform)).toEqual({ record: [], import: [], matching: [], access: [], audit: [], oauth: [], labels: [] });
        const { rows } = await second.sql.query<{ namespace: string; n: number }>('SELECT namespace, count(*)::int AS n FROM schema_migration GROUP BY namespace ORDER BY namespace');
        expect(rows.map((r) => [r.namespace, Number(r.n)])).toEqual([
          ['access', setOf('access').migrations.length],
          ['audit', setOf('audit').migrations.length],
          ['import', setOf('import').migrations.length],
          ['labels', 1],
          ['matching', setOf('matching').migrations.length],
          ['oauth', 1],
          ['record', recordMigrations.length],
        ]);
        await expect(runMigrationSets(second.sql, [oauth, { ...oauth }])).rejects.toThrow(/listed twice/);
      } finally {
        await second.close();
      }
      await expect(createRecord({ dataDir: 'memory://', migrations: [oauth] })).rejects.toThrow(/must begin with the record's own sets/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
