import { describe, expect, it } from 'vitest';
import { createRecord, pendingMigrations } from '@footprint/record';
import { openWarehouseHandle } from '@footprint/warehouse';
import { buildServer } from '../src/app';
import { platformMigrations } from '../src/migrations';
import { openTestPlatform, storageKinds } from './support';

describe.each(storageKinds)('the migration registry on %s', (kind) => {
  it('opens test storage with every registered set applied, as `footprint serve` does', async () => {
    const { platform, close } = await openTestPlatform(kind);
    try {
      expect(platformMigrations.map((s) => s.namespace)).toEqual(['record', 'import', 'matching', 'access', 'audit', 'server', 'web', 'identity', 'smart', 'partnership', 'partnership-footprints', 'partnership-governance', 'performance', 'performance-ratings', 'engage-content', 'engage-enquiries', 'engage-consultations', 'engage-moderation', 'engage-outcomes', 'engage-analytics', 'coordination-referrals', 'coordination-care-plans', 'coordination-meetings', 'coordination-social-prescribing', 'coordination-notifications']);
      expect(await pendingMigrations(platform.sql, platformMigrations)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a server on storage opened without the registry', () => {
  it('refuses to start, naming what is missing', async () => {
    const opened = await createRecord({ dataDir: 'memory://' });
    const app = buildServer({ record: opened.repo, sql: opened.sql, dataDir: 'unused', warehouse: openWarehouseHandle({ dataDir: 'unused' }) }, { logger: false });
    try {
      await expect(app.ready()).rejects.toThrow(/opened without the platform's migrations \(missing server 1/);
    } finally {
      await app.close().catch(() => undefined);
      await opened.close();
    }
  });
});
