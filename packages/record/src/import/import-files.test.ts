import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import { stringifyFhirJson } from '@footprint/fhir';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemContext } from '../access-context';
import { testEngines } from '../../test/engines';
import type { OpenRecord } from '../create-record';
import { PostgresRepository } from '../repo/postgres-repository';
import { importFiles } from './import-files';
import { listImportRuns } from './runs';

const ctx = systemContext();
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const nhsNumbers = ['9990000018', '9434765919', '4010232137'];

const patient = (i: number, extra: Record<string, unknown> = {}): Resource => ({
  resourceType: 'Patient',
  id: `p${i}`,
  meta: { tag: [{ system: ODS, code: 'A81001' }] },
  identifier: [{ system: NHS, value: nhsNumbers[i % nhsNumbers.length] }],
  birthDate: '1980-01-01',
  ...extra,
} as Resource);

const observation = (patientId: string, value: number): Resource => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006' }] },
  subject: { reference: `Patient/${patientId}` },
  valueQuantity: { value, unit: 'mmHg' },
} as Resource);

const ndjson = (lines: Array<Resource | string>) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

for (const engine of testEngines()) {
  describe(`footprint import on ${engine.name}`, () => {
    let record: OpenRecord;
    let dir: string;
    beforeEach(async () => {
      record = await engine.open();
      dir = await mkdtemp(path.join(tmpdir(), 'footprint-import-'));
    });
    afterEach(async () => {
      await record.close();
      await rm(dir, { recursive: true, force: true });
    });

    const total = async (type: string) => (await record.repo.search(ctx, type, [['_total', 'accurate'], ['_count', '0']])).total;

    it('imports NDJSON, reports bad lines precisely, and creates nothing on a second import', async () => {
      const file = path.join(dir, 'Patient.ndjson');
      await writeFile(file, ndjson([
        patient(0),
        patient(1),
        '{"resourceType":"Patient", "id": "p9",',
        '',
        patient(2, { identifier: [{ system: NHS, value: '9990000019' }] }),
        observation('p0', 140), // no id: derived from the content
        patient(3, { birthDate: '2021-02-30' }),
      ]));
      const first = await importFiles(record.repo, ctx, [file], { sql: record.sql, batchSize: 2 });
      expect(first).toMatchObject({ read: 6, created: 3, updated: 0, unchanged: 0, failed: 3 });
      expect(first.files[0].failures).toEqual([
        { file, line: 3, message: expect.stringMatching(/^Malformed JSON at line 1, column \d+/) },
        { file, line: 5, path: 'Patient.identifier[0].value', message: 'Invalid NHS number: the NHS number fails the Modulus 11 check digit' },
        { file, line: 7, path: 'Patient.birthDate', message: '"2021-02-30" is not a valid date: no such date or time on the calendar' },
      ]);
      expect(await total('Patient')).toBe(2);
      expect(await total('Observation')).toBe(1);

      // The same file again is recognised and skipped; forced, it is read but changes nothing.
      const again = await importFiles(record.repo, ctx, [file], { sql: record.sql });
      expect(again.files[0].status).toBe('skipped');
      const forced = await importFiles(record.repo, ctx, [file], { sql: record.sql, force: true });
      expect(forced).toMatchObject({ read: 6, created: 0, updated: 0, unchanged: 3, failed: 3 });
      expect(await total('Patient')).toBe(2);
      expect(await total('Observation')).toBe(1);

      const runs = await listImportRuns(record.sql);
      expect(runs).toHaveLength(2);
      expect(runs[1]).toMatchObject({
        fileName: 'Patient.ndjson', status: 'completed', format: 'ndjson', read: 6, created: 3, failed: 3, position: 7,
        resourceTypes: { Patient: 4, Observation: 1 },
      });
      expect(runs[1].organisations).toEqual({ A81001: { read: 4, failed: 2 }, unknown: { read: 2, failed: 1 } }); // the malformed line has no organisation
      expect(runs[1].failures.map((f) => f.line)).toEqual([3, 5, 7]);
    });

    it('stores decimals as written (1.00, 0.001530, 1.000000000000000000E-245) from NDJSON and Bundle files', async () => {
      const text = (id: string, value: string) =>
        `{"resourceType":"Observation","id":"${id}","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p0"},"valueQuantity":{"value":${value},"unit":"mg"}}`;
      const values = ['1.00', '0.001530', '1.000000000000000000E-245'];
      const file = path.join(dir, 'decimals.ndjson');
      await writeFile(file, values.map((v, i) => text(`d${i}`, v)).join('\n') + '\n');
      const bundleFile = path.join(dir, 'decimals.json');
      await writeFile(bundleFile, `{"resourceType":"Bundle","type":"collection","entry":[{"resource":${text('b0', '2.50')}}]}`);
      const result = await importFiles(record.repo, ctx, [file, bundleFile], { sql: record.sql });
      expect(result).toMatchObject({ created: 4, failed: 0 });
      const stored = async (id: string) => stringifyFhirJson(await record.repo.read(ctx, 'Observation', id));
      for (const [i, v] of values.entries()) expect(await stored(`d${i}`)).toContain(`"valueQuantity":{"value":${v},"unit":"mg"}`);
      expect(await stored('b0')).toContain('"value":2.50,');
      // Unchanged on a forced re-import; 1.0 instead of 1.00 is a change.
      expect(await importFiles(record.repo, ctx, [file], { sql: record.sql, force: true })).toMatchObject({ unchanged: 3, updated: 0 });
      await writeFile(file, text('d0', '1.0') + '\n');
      expect(await importFiles(record.repo, ctx, [file], { sql: record.sql, force: true })).toMatchObject({ unchanged: 0, updated: 1 });
      expect(await stored('d0')).toContain('"value":1.0,');
    });

    it('resumes an interrupted import where it stopped, without duplicates', async () => {
      const file = path.join(dir, 'big.ndjson');
      const lines = Array.from({ length: 10 }, (_, i) => observation(`p${i}`, 100 + i));
      await writeFile(file, ndjson(lines));
      const stop = new AbortController();
      const first = await importFiles(record.repo, ctx, [file], {
        sql: record.sql,
        batchSize: 3,
        signal: stop.signal,
        onProgress: (p) => p.created >= 3 && stop.abort(),
      });
      expect(first.interrupted).toBe(true);
      expect(first.files[0].status).toBe('interrupted');
      const interrupted = (await listImportRuns(record.sql))[0];
      expect(interrupted.status).toBe('failed');
      expect(interrupted.position).toBeGreaterThan(0);
      expect(interrupted.position).toBeLessThan(10);

      const second = await importFiles(record.repo, ctx, [file], { sql: record.sql, batchSize: 3 });
      expect(second.files[0]).toMatchObject({ status: 'completed', resumedFrom: interrupted.position, unchanged: 0 });
      expect(first.created + second.created).toBe(10);
      expect(second.read).toBe(10 - interrupted.position);
      expect(await total('Observation')).toBe(10);
      const [run] = await listImportRuns(record.sql);
      expect(run).toMatchObject({ id: interrupted.id, status: 'completed', read: 10, created: 10, position: 10 });
    });

    it('commits each batch with its progress when given a transaction-bound repository', async () => {
      const file = path.join(dir, 'atomic.ndjson.gz');
      await writeFile(file, gzipSync(ndjson([patient(0), patient(1), patient(2)])));
      const result = await importFiles(record.repo, ctx, [file], { sql: record.sql, batchSize: 2, repositoryIn: (tx) => new PostgresRepository(tx) });
      expect(result).toMatchObject({ read: 3, created: 3, failed: 0 });
      expect((await listImportRuns(record.sql))[0]).toMatchObject({ status: 'completed', position: 3, created: 3 });
    });

    it('imports transaction Bundles: urn:uuid and conditional creates resolved, idempotent when forced again', async () => {
      const pat = 'urn:uuid:0b7c3f0e-5d2a-4c1b-9e8f-1a2b3c4d5e6f';
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:aaaaaaaa-5d2a-4c1b-9e8f-1a2b3c4d5e6f', request: { method: 'POST', url: 'Organization', ifNoneExist: `identifier=${ODS}|A81001` },
            resource: { resourceType: 'Organization', identifier: [{ system: ODS, value: 'A81001' }], name: 'Haworth Practice' } },
          { fullUrl: pat, request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient', identifier: [{ system: NHS, value: '9990000018' }],
            managingOrganization: { reference: 'urn:uuid:aaaaaaaa-5d2a-4c1b-9e8f-1a2b3c4d5e6f' } } },
          { request: { method: 'POST', url: 'Observation' }, resource: observation('x', 120) },
          { request: { method: 'DELETE', url: 'Patient/old' } },
        ],
      };
      (bundle.entry![2].resource as Observation).subject = { reference: pat };
      const existing = await record.repo.create(ctx, { resourceType: 'Organization', identifier: [{ system: ODS, value: 'A81001' }], name: 'Haworth' } as Resource);
      const folder = path.join(dir, 'feed', 'nested');
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'bundle.json.gz'), gzipSync(JSON.stringify(bundle)));
      await writeFile(path.join(folder, 'notes.txt'), 'not FHIR');

      const first = await importFiles(record.repo, ctx, [path.join(dir, 'feed')], { sql: record.sql });
      expect(first.files).toHaveLength(1);
      expect(first).toMatchObject({ read: 4, created: 2, unchanged: 1, failed: 1 });
      expect(first.files[0].failures).toEqual([{ file: path.join(folder, 'bundle.json.gz'), entry: 3, path: 'Bundle.entry[3].request.method', message: expect.stringMatching(/DELETE entries are not imported/) }]);
      const patientId = pat.slice('urn:uuid:'.length);
      const stored = await record.repo.read(ctx, 'Patient', patientId);
      expect((stored as { managingOrganization?: { reference?: string } }).managingOrganization?.reference).toBe(`Organization/${existing.resource.id}`);
      const obs = await record.repo.search(ctx, 'Observation', [['subject', `Patient/${patientId}`]]);
      expect(obs.matches).toHaveLength(1);

      const again = await importFiles(record.repo, ctx, [path.join(dir, 'feed')], { sql: record.sql, force: true });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 1 });
      expect(await total('Observation')).toBe(1);
      expect(await total('Organization')).toBe(1);
    });

    it('reads files that start with a byte order mark, counting them under the ODS code they are named after', async () => {
      await writeFile(path.join(dir, 'RBQ.ndjson'), '\uFEFF' + ndjson([observation('p0', 120), observation('p1', 130)]));
      await writeFile(path.join(dir, 'bom.json'), '\uFEFF' + JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient(2) }] }));
      const result = await importFiles(record.repo, ctx, [dir], { sql: record.sql });
      expect(result).toMatchObject({ read: 3, created: 3, failed: 0 });
      const runs = await listImportRuns(record.sql);
      const rbq = runs.find((r) => r.fileName === 'RBQ.ndjson');
      expect(rbq).toMatchObject({ organisation: 'RBQ', organisations: { RBQ: { read: 2, failed: 0 } } });
      // A resource's own ODS tag wins over the file name.
      expect(runs.find((r) => r.fileName === 'bom.json')?.organisations).toEqual({ A81001: { read: 1, failed: 0 } });
    });

    it('refuses paths that are not import files', async () => {
      await writeFile(path.join(dir, 'x.csv'), 'a,b');
      await expect(importFiles(record.repo, ctx, [path.join(dir, 'x.csv')], { sql: record.sql })).rejects.toThrow(/expected a \.ndjson/);
      await expect(importFiles(record.repo, ctx, [path.join(dir, 'missing')], { sql: record.sql })).rejects.toThrow(/no such file or folder/);
    });
  });
}
