import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { openPlatform } from '../src/platform';

describe('openPlatform', () => {
  it('opens embedded storage under the data directory, and keeps what was written across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'footprint-platform-'));
    try {
      const first = await openPlatform({ dataDir, embedded: true });
      expect(first.storage).toContain(dataDir);
      const created = await first.record.create<Organization>(systemContext(), { resourceType: 'Organization', name: 'Riverside Practice' });
      await first.close();
      expect((await stat(join(dataDir, 'record'))).isDirectory()).toBe(true);

      const second = await openPlatform({ dataDir, embedded: true });
      const read = await second.record.read(systemContext(), 'Organization', created.resource.id!);
      expect(read).toMatchObject({ name: 'Riverside Practice' });
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  const url = process.env.FOOTPRINT_TEST_DATABASE_URL;
  it.runIf(!!url)('opens a PostgreSQL server from a URL, without putting its credentials in messages', async () => {
    const schema = `fp_cli_${randomBytes(5).toString('hex')}`;
    const dataDir = await mkdtemp(join(tmpdir(), 'footprint-platform-'));
    const withPassword = url!.replace('postgres://postgres@', 'postgres://postgres:not-shown@');
    try {
      const platform = await openPlatform({ dataDir, databaseUrl: withPassword, schema });
      expect(platform.storage).toMatch(/^PostgreSQL at 127\.0\.0\.1:5432\/test$/);
      expect(platform.sql.kind).toBe('postgres');
      await platform.record.create(systemContext(), { resourceType: 'Organization', name: 'Trust' });
      await platform.close();
    } finally {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
