import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { postgresKinds, reserveTestSchema } from '@footprint/testing';
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

  it.runIf(postgresKinds().includes('postgres'))('opens a PostgreSQL server from a URL, without putting its credentials in messages', async () => {
    const { url, schema, drop } = reserveTestSchema('fp_cli');
    const dataDir = await mkdtemp(join(tmpdir(), 'footprint-platform-'));
    const withPassword = url.replace('postgres://postgres@', 'postgres://postgres:not-shown@');
    try {
      const platform = await openPlatform({ dataDir, databaseUrl: withPassword, schema });
      expect(platform.storage).toMatch(/^PostgreSQL at 127\.0\.0\.1:5432\/test$/);
      expect(platform.sql.kind).toBe('postgres');
      await platform.record.create(systemContext(), { resourceType: 'Organization', name: 'Trust' });
      await platform.close();
    } finally {
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
