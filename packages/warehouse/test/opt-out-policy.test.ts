import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSENT_SCOPE_SYSTEM, createRecord, DATA_OPT_OUT_SYSTEM, systemContext, type AccessContext, type DataOptOut, type OpenRecord } from '@footprint/record';
import { openOnTestStorage } from '@footprint/testing';
import type { Consent, Observation, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, loadWarehouseKey, openWarehouse, Pseudonymiser, refreshWarehouse } from '../src';
import { enginesUnderTest, type EngineUnderTest } from './engines';
import { allResources } from './fixtures';

const ctx = systemContext('SYSADMIN', 'warehouse-test');
const atPractice: AccessContext = { ...ctx, organisation: { reference: 'Organization/gp-1', odsCode: 'N82001' } };

function optOut(id: string, patientId: string, kind: DataOptOut, status: Consent['status'] = 'active'): Consent {
  return {
    resourceType: 'Consent',
    id,
    status,
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'research' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: `Patient/${patientId}` },
    ...(kind === 'type-1-opt-out' ? { organization: [{ reference: 'Organization/gp-1' }] } : {}),
    policyRule: { coding: [{ system: DATA_OPT_OUT_SYSTEM, code: kind }] },
    provision: { type: 'deny' },
  };
}

const practiceObservation = (id: string): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/pat-1' },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006', display: 'Systolic blood pressure' }] },
  effectiveDateTime: '2025-02-01T09:00:00Z',
  valueQuantity: { value: 141, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
});

for (const { name, create } of enginesUnderTest()) {
  describe(`opt-outs leave the warehouse at the next refresh, through the record's policy (${name})`, () => {
    let dir: string;
    let engine: EngineUnderTest;
    let record: OpenRecord;
    let keys: Pseudonymiser;
    let options: { dataDir: string; engine: EngineUnderTest['name']; databaseUrl?: string; schema?: string };

    const query = async (sql: string, params?: unknown[]) => {
      const warehouse = await openWarehouse(options);
      try {
        return await warehouse.query(sql, params);
      } finally {
        await warehouse.close();
      }
    };
    const rowsOf = async (patientId: string) => {
      const key = keys.patientKey(patientId);
      const [p] = await query('SELECT count(*) AS n FROM patients WHERE patient_key = $1', [key]);
      const [e] = await query('SELECT count(*) AS n FROM clinical_events WHERE patient_key = $1', [key]);
      return { patients: Number(p.n), events: Number(e.n) };
    };
    const eventKeys = async () => new Set((await query('SELECT resource_key FROM clinical_events')).map((r) => String(r.resource_key)));
    const patientCount = async () => Number((await query('SELECT count(*) AS n FROM patients'))[0].n);

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-opt-out-'));
      engine = create();
      options = { dataDir: dir, engine: engine.name, databaseUrl: engine.databaseUrl, schema: engine.schema };
      record = await openOnTestStorage('pglite', 'wh_opt_out', (at) => createRecord(at));
      await record.repo.importBatch(ctx, allResources() as unknown as Resource[]);
      await record.repo.importBatch(atPractice, [practiceObservation('gp-obs-1')]);
      keys = new Pseudonymiser(await loadWarehouseKey(dir));
    });
    afterAll(async () => {
      await record?.close();
      await engine?.cleanUp();
      await rm(dir, { recursive: true, force: true });
    });

    let before: { patients: number; events: number };
    let everyone: number;

    it('builds with everyone who has not opted out', async () => {
      await buildWarehouse({ ...options, record: record.repo });
      before = await rowsOf('pat-2');
      expect(before.patients).toBe(1);
      everyone = await patientCount();
      expect((await eventKeys()).has(String(keys.resourceKey('Observation', 'gp-obs-1')))).toBe(true);
    });

    it('a national data opt-out removes the person from every table and count at the next refresh; withdrawn, they return', async () => {
      await record.repo.create(ctx, optOut('nat-1', 'pat-2', 'national-data-opt-out'), { keepId: true });
      const refreshed = await refreshWarehouse({ ...options, record: record.repo });
      expect(refreshed.mode).toBe('refresh');
      expect(await rowsOf('pat-2')).toEqual({ patients: 0, events: 0 });
      expect(await patientCount()).toBe(everyone - 1);
      // A change to their record while opted out does not reach the warehouse: the policy withholds it in SQL.
      await record.repo.create(ctx, { ...practiceObservation('pat-2-obs'), subject: { reference: 'Patient/pat-2' } }, { keepId: true });
      expect((await refreshWarehouse({ ...options, record: record.repo })).mode).toBe('refresh');
      expect(await rowsOf('pat-2')).toEqual({ patients: 0, events: 0 });

      await record.repo.update(ctx, optOut('nat-1', 'pat-2', 'national-data-opt-out', 'inactive'));
      const back = await refreshWarehouse({ ...options, record: record.repo });
      expect(back.mode).toBe('build');
      expect(await rowsOf('pat-2')).toEqual({ patients: 1, events: before.events + 1 });
      expect(await patientCount()).toBe(everyone);
    });

    it('a Type 1 opt-out removes what its practice recorded at the next refresh, keeping the rest; withdrawn, it returns', async () => {
      const alice = await rowsOf('pat-1');
      const practiceKey = String(keys.resourceKey('Observation', 'gp-obs-1'));
      await record.repo.create(atPractice, optOut('t1-1', 'pat-1', 'type-1-opt-out'), { keepId: true });
      await refreshWarehouse({ ...options, record: record.repo });
      expect(await rowsOf('pat-1')).toEqual({ patients: 1, events: alice.events - 1 });
      expect((await eventKeys()).has(practiceKey)).toBe(false);
      // New practice entries stay out, incrementally as well.
      await record.repo.importBatch(atPractice, [practiceObservation('gp-obs-2')]);
      expect((await refreshWarehouse({ ...options, record: record.repo })).mode).toBe('refresh');
      expect((await eventKeys()).has(String(keys.resourceKey('Observation', 'gp-obs-2')))).toBe(false);
      // A full build applies it in the record's SQL too.
      await buildWarehouse({ ...options, record: record.repo });
      expect(await rowsOf('pat-1')).toEqual({ patients: 1, events: alice.events - 1 });

      await record.repo.update(atPractice, optOut('t1-1', 'pat-1', 'type-1-opt-out', 'inactive'));
      await refreshWarehouse({ ...options, record: record.repo });
      expect(await rowsOf('pat-1')).toEqual({ patients: 1, events: alice.events + 1 });
      expect((await eventKeys()).has(practiceKey)).toBe(true);
    });
  });
}
