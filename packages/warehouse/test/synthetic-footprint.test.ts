import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeFootprint } from '@footprint/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouseFromNdjson, contractTables, loadWarehouseKey, openWarehouse, Pseudonymiser, type Warehouse, type WarehouseRunResult } from '../src';

/**
 * The generator's output (docs/synth.md) through the warehouse: every person arrives, every
 * encounter gets a setting, social care, hospital diagnoses and causes of death are linked, and
 * no name, NHS number or street from the files reaches any table.
 */
describe('warehouse built from a generated footprint', () => {
  let dir: string;
  let warehouse: Warehouse;
  let result: WarehouseRunResult;
  let keys: Pseudonymiser;
  const truth: Array<{ patient: string; lsoa: string; imdDecile: number; died?: string }> = [];
  const identifying = new Set<string>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-synth-'));
    await writeFootprint({ footprint: 'cheshire-and-merseyside', people: 400, seed: 11, outDir: join(dir, 'out') });
    for await (const line of createInterface({ input: createReadStream(join(dir, 'out', 'ground-truth.ndjson')) })) if (line) truth.push(JSON.parse(line));
    for (const file of await readdir(join(dir, 'out'))) {
      if (!file.endsWith('.ndjson') || file.startsWith('ground-truth')) continue;
      for await (const line of createInterface({ input: createReadStream(join(dir, 'out', file)) })) {
        if (!line.includes('"resourceType":"Patient"')) continue;
        const patient = JSON.parse(line) as { name: Array<{ family: string; given: string[] }>; identifier: Array<{ value: string }>; address: Array<{ line?: string[] }> };
        for (const name of patient.name) [name.family, ...name.given].forEach((part) => identifying.add(part));
        for (const identifier of patient.identifier) identifying.add(identifier.value);
        for (const address of patient.address) for (const line of address.line ?? []) identifying.add(line);
      }
    }
    result = await buildWarehouseFromNdjson(join(dir, 'out'), { dataDir: dir });
    warehouse = await openWarehouse({ dataDir: dir });
    keys = new Pseudonymiser(await loadWarehouseKey(dir));
  });

  afterAll(async () => {
    await warehouse?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has one row per generated person, with their LSOA, IMD decile and death', async () => {
    expect(result.tables.patients).toBe(truth.length);
    const rows = await warehouse.query<{ patient_key: string; lsoa_code: string; imd_decile: number; date_of_death: string | null; death_cause_code: string | null; pcn_code: string | null }>(
      'SELECT patient_key, lsoa_code, imd_decile, date_of_death, death_cause_code, pcn_code FROM patients',
    );
    const byKey = new Map(rows.map((r) => [r.patient_key, r]));
    for (const person of truth) {
      const row = byKey.get(keys.patientKey(person.patient));
      expect(row, person.patient).toBeDefined();
      expect(row?.lsoa_code).toBe(person.lsoa);
      expect(row?.imd_decile).toBe(person.imdDecile);
      expect(row?.date_of_death ?? undefined).toBe(person.died);
      if (person.died) expect(row?.death_cause_code).toMatch(/^[A-Z]\d\d(\.\d)?$/);
      expect(row?.pcn_code).toMatch(/^ZU\d+$/);
    }
  });

  it('gives every encounter a setting and hospital attendances their ICD-10 diagnosis', async () => {
    const rows = await warehouse.query<{ setting: string | null; n: number; diagnosed: number }>(
      'SELECT setting, count(*) AS n, count(diagnosis_code) AS diagnosed FROM encounters GROUP BY setting ORDER BY setting',
    );
    expect(rows.map((r) => r.setting)).toEqual(['community', 'emergency', 'gp', 'inpatient_emergency', 'mental_health', 'outpatient']);
    for (const row of rows) if (row.setting === 'emergency' || row.setting === 'inpatient_emergency') expect(row.diagnosed).toBe(row.n);
  });

  it('collects social care referrals, assessments and packages with their organisation', async () => {
    const rows = await warehouse.query<{ kind: string; n: number; missing: number }>(
      'SELECT kind, count(*) AS n, count(*) - count(organisation_code) AS missing FROM social_care GROUP BY kind ORDER BY kind',
    );
    expect(rows.map((r) => r.kind)).toEqual(['assessment', 'package', 'referral']);
    expect(rows.every((r) => r.missing === 0)).toBe(true);
  });

  it('holds no names, NHS numbers or street addresses from the files', async () => {
    expect(identifying.size).toBeGreaterThan(400);
    // Fixed vocabularies can coincide with a surname (White, Black): check they are only the vocabulary.
    const ethnicities = await warehouse.query<{ ethnicity: string }>('SELECT DISTINCT ethnicity FROM patients');
    expect(ethnicities.every((r) => ['White', 'Mixed', 'Asian', 'Black', 'Other', 'Unknown'].includes(r.ethnicity))).toBe(true);
    for (const table of contractTables) {
      for (const row of await warehouse.query(`SELECT * FROM ${table.name}`)) {
        for (const [column, value] of Object.entries(row)) {
          if (column === 'ethnicity') continue;
          if (typeof value === 'string' && identifying.has(value)) throw new Error(`${table.name}.${column} holds an identifying value`);
        }
      }
    }
  });
});
