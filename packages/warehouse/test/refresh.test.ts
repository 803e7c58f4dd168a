import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecord, systemContext, type OpenRecord, type Repository } from '@footprint/record';
import { openOnTestStorage } from '@footprint/testing';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, loadWarehouseKey, openWarehouse, Pseudonymiser, refreshWarehouse, type Warehouse } from '../src';
import { enginesUnderTest, type EngineUnderTest } from './engines';
import { allResources, clinical, optOutConsent } from './fixtures';

const ctx = systemContext('SYSADMIN', 'warehouse-test');

/** A snapshot of every table, to show a failed refresh changed nothing. */
async function snapshot(options: Parameters<typeof openWarehouse>[0]): Promise<string> {
  const warehouse = await openWarehouse(options);
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of ['patients', 'clinical_events', 'medications', 'encounters', 'social_care', 'organisations', 'warehouse_meta']) {
      out[table] = (await warehouse.query(`SELECT * FROM ${table}`)).map((row) => JSON.stringify(row)).sort();
    }
    return JSON.stringify(out);
  } finally {
    await warehouse.close();
  }
}

for (const { name, create } of enginesUnderTest()) {
  describe(`warehouse build and refresh from the record (${name})`, () => {
    let dir: string;
    let engine: EngineUnderTest;
    let record: OpenRecord;
    let keys: Pseudonymiser;
    let options: { dataDir: string; engine: EngineUnderTest['name']; databaseUrl?: string; schema?: string };

    const query = async (sql: string, params?: unknown[]) => {
      const warehouse: Warehouse = await openWarehouse(options);
      try {
        return await warehouse.query(sql, params);
      } finally {
        await warehouse.close();
      }
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-refresh-'));
      engine = create();
      options = { dataDir: dir, engine: engine.name, databaseUrl: engine.databaseUrl, schema: engine.schema };
      record = await openOnTestStorage('pglite', 'wh_source', (at) => createRecord(at));
      await record.repo.importBatch(ctx, allResources() as unknown as Resource[]);
      keys = new Pseudonymiser(await loadWarehouseKey(dir));
    });

    afterAll(async () => {
      await record?.close();
      await engine?.cleanUp();
      await rm(dir, { recursive: true, force: true });
    });

    it('builds from the change feed and records the watermark', async () => {
      const phases = new Set<string>();
      const result = await buildWarehouse({ ...options, record: record.repo, onProgress: (p) => phases.add(p.phase) });
      expect(result.tables).toMatchObject({ patients: 3, clinical_events: 10, encounters: 4, medications: 1, social_care: 2, organisations: 5 });
      expect(Number(result.watermark)).toBeGreaterThan(0);
      expect([...phases]).toEqual(['reference', 'resources', 'finishing', 'done']);
      const [meta] = await query("SELECT value FROM warehouse_meta WHERE key = 'watermark'");
      expect(meta.value).toBe(result.watermark);
    });

    it('refreshes only what changed: updated, deleted and new resources, and a new opt-out', async () => {
      const repo = record.repo;
      const condition = clinical().find((r) => r.id === 'cond-1') as unknown as Resource;
      await repo.update(ctx, { ...condition, code: { coding: [{ system: 'http://snomed.info/sct', code: '1201005' }] } } as Resource);
      await repo.delete(ctx, 'Observation', 'hba1c-1');
      await repo.create(ctx, { resourceType: 'Patient', id: 'pat-5', gender: 'male', birthDate: '2001-09-09', generalPractitioner: [{ reference: 'Organization/gp-1' }] } as Resource, { keepId: true });
      await repo.create(ctx, { resourceType: 'Condition', id: 'cond-5', subject: { reference: 'Patient/pat-5' }, code: { coding: [{ system: 'http://snomed.info/sct', code: '73211009' }] }, onsetDateTime: '2024-01-01' } as Resource, { keepId: true });
      await repo.create(ctx, optOutConsent('pat-3', 'consent-3') as unknown as Resource, { keepId: true });

      const result = await refreshWarehouse({ ...options, record: record.repo });
      expect(result.mode).toBe('refresh');
      expect(result.resources).toBe(5);

      const codes = await query('SELECT patient_key, code FROM clinical_events WHERE source = $1 AND system = $2 ORDER BY code', ['Condition', 'http://snomed.info/sct']);
      expect(codes).toEqual([
        { patient_key: keys.patientKey('pat-1'), code: '1201005' },
        { patient_key: keys.patientKey('pat-5'), code: '73211009' },
      ]);
      expect(await query('SELECT count(*) AS n FROM clinical_events WHERE code = $1', ['999791000000106'])).toEqual([{ n: 0 }]);
      const patients = await query('SELECT patient_key, pcn_code FROM patients ORDER BY patient_key');
      expect(patients.map((p) => p.patient_key).sort()).toEqual([keys.patientKey('pat-1'), keys.patientKey('pat-2'), keys.patientKey('pat-5')].sort());
      expect(patients.every((p) => p.pcn_code === 'U12345')).toBe(true);
      for (const table of ['encounters', 'social_care', 'clinical_events']) {
        expect(await query(`SELECT count(*) AS n FROM ${table} WHERE patient_key = $1`, [keys.patientKey('pat-3')])).toEqual([{ n: 0 }]);
      }
    });

    it('a second refresh with nothing changed reads nothing and changes nothing', async () => {
      const before = await snapshot(options);
      const result = await refreshWarehouse({ ...options, record: record.repo });
      expect(result.resources).toBe(0);
      const after = await snapshot(options);
      expect(JSON.parse(after).patients).toEqual(JSON.parse(before).patients);
      expect(JSON.parse(after).clinical_events).toEqual(JSON.parse(before).clinical_events);
    });

    it('an interrupted refresh leaves the previous warehouse as it was', async () => {
      await record.repo.delete(ctx, 'Encounter', 'enc-gp');
      await record.repo.delete(ctx, 'MedicationRequest', 'med-1');
      const before = await snapshot(options);
      const failing: Repository = Object.create(record.repo, {
        changes: {
          value: (c: typeof ctx, request: Parameters<Repository['changes']>[1]) =>
            (async function* () {
              let batches = 0;
              for await (const batch of record.repo.changes(c, { ...request, batchSize: 1 })) {
                yield batch;
                if (++batches === 1) throw new Error('connection lost');
              }
            })(),
        },
      });
      await expect(refreshWarehouse({ ...options, record: failing, batchSize: 1 })).rejects.toThrow('connection lost');
      expect(await snapshot(options)).toBe(before);
      const result = await refreshWarehouse({ ...options, record: record.repo });
      expect(result.resources).toBe(2);
      expect(await query('SELECT count(*) AS n FROM medications')).toEqual([{ n: 0 }]);
    });

    it('a withdrawn opt-out brings the patient back through a full build', async () => {
      await record.repo.delete(ctx, 'Consent', 'consent-3');
      const result = await refreshWarehouse({ ...options, record: record.repo });
      expect(result.mode).toBe('build');
      expect(await query('SELECT count(*) AS n FROM social_care WHERE patient_key = $1', [keys.patientKey('pat-3')])).toEqual([{ n: 2 }]);
    });
  });
}
