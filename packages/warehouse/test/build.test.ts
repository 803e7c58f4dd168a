import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouseFromNdjson, loadWarehouseKey, openWarehouse, Pseudonymiser, tableList, type Warehouse, type WarehouseRunResult } from '../src';
import { enginesUnderTest, type EngineUnderTest } from './engines';
import { identifyingStrings, writeNdjson } from './fixtures';

for (const { name, create } of enginesUnderTest()) {
  describe(`warehouse build from NDJSON (${name})`, () => {
    let dir: string;
    let engine: EngineUnderTest;
    let warehouse: Warehouse;
    let result: WarehouseRunResult;
    let keys: Pseudonymiser;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-'));
      engine = create();
      await writeNdjson(join(dir, 'ndjson'));
      const options = { dataDir: dir, engine: engine.name, databaseUrl: engine.databaseUrl, schema: engine.schema };
      result = await buildWarehouseFromNdjson(join(dir, 'ndjson'), options);
      warehouse = await openWarehouse(options);
      keys = new Pseudonymiser(await loadWarehouseKey(dir));
    });

    afterAll(async () => {
      await warehouse?.close();
      await engine?.cleanUp();
      await rm(dir, { recursive: true, force: true });
    });

    const key = (id: string) => keys.patientKey(id);

    it('reports what it read and wrote', () => {
      expect(result.mode).toBe('build');
      expect(result.resources).toBe(31);
      expect(result.tables.patients).toBe(3);
      expect(result.optedOutPatients).toBe(1);
    });

    it('keeps only pseudonymised, coarsened demographics in patients', async () => {
      const rows = await warehouse.query('SELECT * FROM patients ORDER BY date_of_birth');
      expect(rows).toEqual([
        {
          patient_key: key('pat-1'), sex: 'female', date_of_birth: '1950-07-01', ethnicity: 'White', ethnicity_code: 'A', lsoa_code: 'E01006512',
          imd_decile: 5, place_code: 'E08000012', practice_code: 'N82001', pcn_code: 'U12345', date_of_death: null, death_cause_code: null,
        },
        {
          patient_key: key('pat-2'), sex: 'male', date_of_birth: '1972-11-01', ethnicity: 'Asian', ethnicity_code: 'J', lsoa_code: 'E01006513',
          imd_decile: 4, place_code: 'E08000012', practice_code: 'N82001', pcn_code: 'U12345', date_of_death: '2024-03-14', death_cause_code: 'I21.9',
        },
        {
          patient_key: key('pat-3'), sex: 'unknown', date_of_birth: '1990-01-01', ethnicity: 'Black', ethnicity_code: 'N', lsoa_code: 'E01018386',
          imd_decile: 9, place_code: 'E06000049', practice_code: 'N82001', pcn_code: 'U12345', date_of_death: null, death_cause_code: null,
        },
      ]);
    });

    it('flattens diagnoses, observation components, immunisations and allergies into clinical_events', async () => {
      const rows = await warehouse.query(
        'SELECT patient_key, date, system, code, numeric_value, unit, source, organisation_code FROM clinical_events ORDER BY date, code',
      );
      const sct = 'http://snomed.info/sct';
      expect(rows).toEqual([
        { patient_key: key('pat-1'), date: '2001-05-06', system: sct, code: '91936005', numeric_value: null, unit: null, source: 'AllergyIntolerance', organisation_code: null },
        { patient_key: key('pat-1'), date: '2019-04-02', system: sct, code: '38341003', numeric_value: null, unit: null, source: 'Condition', organisation_code: 'N82001' },
        { patient_key: key('pat-2'), date: '2022-02-10', system: sct, code: '999791000000106', numeric_value: 49.5, unit: 'mmol/mol', source: 'Observation', organisation_code: null },
        { patient_key: key('pat-2'), date: '2023-01-05', system: 'http://hl7.org/fhir/sid/icd-10', code: 'R07.4', numeric_value: null, unit: null, source: 'Condition', organisation_code: null },
        { patient_key: key('pat-1'), date: '2023-06-01', system: sct, code: '1091811000000102', numeric_value: 94, unit: 'mm[Hg]', source: 'Observation', organisation_code: 'N82001' },
        { patient_key: key('pat-1'), date: '2023-06-01', system: sct, code: '72313002', numeric_value: 152, unit: 'mm[Hg]', source: 'Observation', organisation_code: 'N82001' },
        { patient_key: key('pat-1'), date: '2023-06-01', system: sct, code: '75367002', numeric_value: null, unit: null, source: 'Observation', organisation_code: 'N82001' },
        { patient_key: key('pat-2'), date: '2023-10-01', system: sct, code: '39114911000001105', numeric_value: null, unit: null, source: 'Immunization', organisation_code: null },
        { patient_key: key('pat-3'), date: '2024-03-01', system: sct, code: '410606002', numeric_value: null, unit: null, source: 'Procedure', organisation_code: 'LCC01' },
        { patient_key: key('pat-2'), date: '2024-03-14', system: sct, code: '184305005', numeric_value: null, unit: null, source: 'Observation', organisation_code: null },
      ]);
    });

    it('derives the care setting of each encounter', async () => {
      const rows = await warehouse.query('SELECT patient_key, start_date, end_date, setting, class_code, organisation_code, diagnosis_code FROM encounters ORDER BY start_date, setting');
      expect(rows).toEqual([
        { patient_key: key('pat-2'), start_date: '2023-01-05', end_date: '2023-01-05', setting: 'emergency', class_code: 'EMER', organisation_code: 'REM', diagnosis_code: 'R07.4' },
        { patient_key: key('pat-2'), start_date: '2023-01-05', end_date: '2023-01-09', setting: 'inpatient_emergency', class_code: 'IMP', organisation_code: 'REM', diagnosis_code: 'I21.9' },
        { patient_key: key('pat-1'), start_date: '2023-06-01', end_date: '2023-06-01', setting: 'gp', class_code: 'AMB', organisation_code: 'N82001', diagnosis_code: null },
        { patient_key: key('pat-3'), start_date: '2024-02-01', end_date: null, setting: 'mental_health', class_code: 'AMB', organisation_code: 'RW4', diagnosis_code: null },
      ]);
    });

    it('loads prescriptions and social care', async () => {
      expect(await warehouse.query('SELECT patient_key, date, code, status, organisation_code FROM medications')).toEqual([
        { patient_key: key('pat-1'), date: '2019-04-02', code: '318475005', status: 'active', organisation_code: 'N82001' },
      ]);
      expect(await warehouse.query('SELECT patient_key, date, kind, code, organisation_code FROM social_care ORDER BY date')).toEqual([
        { patient_key: key('pat-3'), date: '2024-02-20', kind: 'referral', code: '308440001', organisation_code: 'LCC01' },
        { patient_key: key('pat-3'), date: '2024-03-01', kind: 'assessment', code: '410606002', organisation_code: 'LCC01' },
      ]);
    });

    it('lists organisations with their kind and parent, and places with their footprint', async () => {
      const organisations = await warehouse.query('SELECT organisation_code, kind, parent_code FROM organisations ORDER BY organisation_code');
      expect(organisations).toEqual([
        { organisation_code: 'LCC01', kind: 'local_authority', parent_code: null },
        { organisation_code: 'N82001', kind: 'gp_practice', parent_code: 'U12345' },
        { organisation_code: 'REM', kind: 'acute_trust', parent_code: null },
        { organisation_code: 'RW4', kind: 'mental_health_provider', parent_code: null },
        { organisation_code: 'U12345', kind: 'pcn', parent_code: null },
      ]);
      const places = await warehouse.query('SELECT place_code, name, footprint_id, delivery_system FROM places WHERE place_code IN ($1, $2) ORDER BY place_code', ['E06000049', 'E08000012']);
      expect(places).toEqual([
        { place_code: 'E06000049', name: 'Cheshire East', footprint_id: 'cheshire-and-merseyside', delivery_system: 'Cheshire and Wirral' },
        { place_code: 'E08000012', name: 'Liverpool', footprint_id: 'cheshire-and-merseyside', delivery_system: 'North Mersey' },
      ]);
    });

    it('leaves the patient with a national data opt-out out of every patient table', async () => {
      for (const table of tableList.filter((t) => t.perPatient)) {
        const rows = await warehouse.query(`SELECT count(*) AS n FROM ${table.name} WHERE patient_key = $1`, [key('pat-4')]);
        expect(rows[0].n, table.name).toBe(0);
      }
      expect(result.tables.clinical_events).toBe(10);
    });

    it('holds no names, NHS numbers, addresses, record ids or free text in any column', async () => {
      const forbidden = identifyingStrings();
      for (const table of tableList) {
        const rows = await warehouse.query(`SELECT * FROM ${table.name}`);
        expect(rows.length, table.name).toBeGreaterThan(0);
        for (const row of rows) {
          for (const value of Object.values(row)) {
            if (typeof value !== 'string') continue;
            for (const text of forbidden) expect(value.includes(text), `${table.name} holds "${text}"`).toBe(false);
            expect(value, `${table.name} holds free text`).not.toMatch(/Alice|Discussed|prefers/);
          }
        }
      }
    });

    it('keeps the pseudonymisation key secret and stable', async () => {
      const info = await stat(join(dir, 'warehouse-key'));
      expect(info.mode & 0o777).toBe(0o600);
      const again = new Pseudonymiser(await loadWarehouseKey(dir));
      expect(again.patientKey('pat-1')).toBe(key('pat-1'));
      const otherDir = await mkdtemp(join(tmpdir(), 'footprint-other-key-'));
      const other = new Pseudonymiser(await loadWarehouseKey(otherDir));
      expect(other.patientKey('pat-1')).not.toBe(key('pat-1'));
      await rm(otherDir, { recursive: true, force: true });
    });
  });
}

describe('pseudonymiser', () => {
  it('computes standard HMAC-SHA256 (RFC 2104) for ASCII and non-ASCII ids', async () => {
    const { createHmac, randomBytes } = await import('node:crypto');
    const key = randomBytes(32);
    const pseudonymiser = new Pseudonymiser(key);
    for (const message of ['Patient/pat-1', 'Observation/0f9e8d7c-1234', 'Patient/Zoë-ü']) {
      expect(pseudonymiser.hmac(message).toString('hex')).toBe(createHmac('sha256', key).update(message).digest('hex'));
    }
    expect(pseudonymiser.patientKey('pat-1')).toBe(createHmac('sha256', key).update('Patient/pat-1').digest().subarray(0, 16).toString('base64url'));
  });
});

describe('a build fed resource by resource (a generator writing straight to the warehouse)', () => {
  it('gives the same tables as the NDJSON build', async () => {
    const { startWarehouseBuild } = await import('../src');
    const { allResources } = await import('./fixtures');
    const dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-direct-'));
    try {
      const builder = await startWarehouseBuild({ dataDir: dir });
      for (const resource of allResources()) builder.add(resource);
      await builder.flush();
      const result = await builder.finish();
      expect(result.tables).toMatchObject({ patients: 3, clinical_events: 10, medications: 1, encounters: 4, social_care: 2, organisations: 5 });
      const warehouse = await openWarehouse({ dataDir: dir });
      const keys = new Pseudonymiser(await loadWarehouseKey(dir));
      expect(await warehouse.query('SELECT count(*) AS n FROM encounters WHERE patient_key = $1', [keys.patientKey('pat-4')])).toEqual([{ n: 0 }]);
      await warehouse.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parallel NDJSON builds', () => {
  it('give the same tables on worker threads as on one thread', async () => {
    const { writeNdjson } = await import('./fixtures');
    const dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-parallel-'));
    const tablesOf = async (dataDir: string) => {
      const warehouse = await openWarehouse({ dataDir });
      const out: Record<string, string[]> = {};
      for (const table of tableList) out[table.name] = (await warehouse.query(`SELECT * FROM ${table.name}`)).map((row) => JSON.stringify(row)).sort();
      await warehouse.close();
      return out;
    };
    try {
      await writeNdjson(join(dir, 'ndjson'));
      await mkdir(join(dir, 'one'));
      await mkdir(join(dir, 'many'));
      const key = await loadWarehouseKey(join(dir, 'one'));
      await writeFile(join(dir, 'many', 'warehouse-key'), `${key.toString('hex')}\n`, { mode: 0o600 });
      const single = await buildWarehouseFromNdjson(join(dir, 'ndjson'), { dataDir: join(dir, 'one'), workers: 0 });
      const parallel = await buildWarehouseFromNdjson(join(dir, 'ndjson'), { dataDir: join(dir, 'many'), workers: 3, batchSize: 2 });
      expect(parallel.tables).toEqual(single.tables);
      expect(parallel.resources).toBe(single.resources);
      expect(await tablesOf(join(dir, 'many'))).toEqual(await tablesOf(join(dir, 'one')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a long-lived DuckDB reader', () => {
  it('sees the new warehouse after a rebuild swaps the file', async () => {
    const { writeNdjson, allResources } = await import('./fixtures');
    const dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-reader-'));
    try {
      await writeNdjson(join(dir, 'first'), allResources().filter((r) => r.id !== 'pat-3'));
      await writeNdjson(join(dir, 'second'));
      await buildWarehouseFromNdjson(join(dir, 'first'), { dataDir: dir });
      const reader = await openWarehouse({ dataDir: dir });
      expect(await reader.query('SELECT count(*) AS n FROM patients')).toEqual([{ n: 2 }]);
      await buildWarehouseFromNdjson(join(dir, 'second'), { dataDir: dir });
      expect(await reader.query('SELECT count(*) AS n FROM patients')).toEqual([{ n: 3 }]);
      await reader.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
