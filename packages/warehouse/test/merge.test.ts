import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecord, systemContext, type OpenRecord } from '@footprint/record';
import { openOnTestStorage } from '@footprint/testing';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, loadWarehouseKey, openWarehouse, Pseudonymiser, refreshWarehouse } from '../src';
import { enginesUnderTest, type EngineUnderTest } from './engines';
import { allResources } from './fixtures';

const ctx = systemContext('SYSADMIN', 'warehouse-merge-test');

for (const { name, create } of enginesUnderTest()) {
  describe(`the warehouse follows a merge and an unmerge (${name})`, () => {
    let dir: string;
    let engine: EngineUnderTest;
    let record: OpenRecord;
    let keys: Pseudonymiser;
    let options: { dataDir: string; engine: EngineUnderTest['name']; databaseUrl?: string; schema?: string };

    const perPatient = async () => {
      const warehouse = await openWarehouse(options);
      try {
        const patients = (await warehouse.query('SELECT patient_key FROM patients ORDER BY patient_key')).map((r) => String(r.patient_key));
        const events = await warehouse.query('SELECT patient_key, count(*) AS n FROM clinical_events GROUP BY patient_key ORDER BY patient_key');
        return { patients, events: Object.fromEntries(events.map((r) => [String(r.patient_key), Number(r.n)])) };
      } finally {
        await warehouse.close();
      }
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-merge-'));
      engine = create();
      options = { dataDir: dir, engine: engine.name, databaseUrl: engine.databaseUrl, schema: engine.schema };
      record = await openOnTestStorage('pglite', 'wh_merge', (at) => createRecord(at));
      await record.repo.importBatch(ctx, allResources() as unknown as Resource[]);
      keys = new Pseudonymiser(await loadWarehouseKey(dir));
      await buildWarehouse({ ...options, record: record.repo });
    });

    afterAll(async () => {
      await record?.close();
      await engine?.cleanUp();
      await rm(dir, { recursive: true, force: true });
    });

    it('counts the merged record as no person of its own, moves its entries to the survivor, and restores both on unmerge', async () => {
      const [survivor, merged] = [keys.patientKey('pat-1'), keys.patientKey('pat-3')];
      const before = await perPatient();
      expect(before.patients).toContain(merged);
      expect(before.events[merged]).toBeGreaterThan(0);

      await record.repo.merge(ctx, { sourceId: 'pat-3', targetId: 'pat-1' });
      expect((await refreshWarehouse({ ...options, record: record.repo })).mode).toBe('refresh');
      const after = await perPatient();
      expect(after.patients).toEqual(before.patients.filter((k) => k !== merged));
      expect(after.events[merged]).toBeUndefined();
      expect(after.events[survivor]).toBe(before.events[survivor] + before.events[merged]);

      await record.repo.unmerge(ctx, { sourceId: 'pat-3', targetId: 'pat-1' });
      await refreshWarehouse({ ...options, record: record.repo });
      expect(await perPatient()).toEqual(before);
    });
  });
}
