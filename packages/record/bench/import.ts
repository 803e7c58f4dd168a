/**
 * Measures `footprint import` end to end: NDJSON files of a typical mix (Patient, Encounter,
 * Condition, Observation) imported through importFiles into a fresh schema on the PostgreSQL
 * server (FOOTPRINT_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) or, with
 * `--pglite`, embedded PGlite. Prints resources/s including validation, search indexing and audit.
 * Run: npx tsx packages/record/bench/import.ts [resources=40000] [--pglite]
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { nhsNumberCheckDigit } from '@footprint/fhir';
import { createRecord, importFiles, PostgresRepository, systemContext } from '../src/index';

const total = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 40_000);
const usePglite = process.argv.includes('--pglite');
const url = process.env.FOOTPRINT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function nhsNumber(i: number): string {
  for (let n = i; ; n++) {
    const stem = String(900_000_000 + n).slice(0, 9);
    const check = nhsNumberCheckDigit(stem);
    if (check !== null) return stem + check;
  }
}

/** One patient and their events: 1 Patient, 2 Encounters, 2 Conditions, 5 Observations. */
function person(i: number): object[] {
  const pid = `pat-${i}`;
  const out: object[] = [{
    resourceType: 'Patient', id: pid, meta: { tag: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', code: 'A81001' }] },
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber(i) }],
    name: [{ family: `Family${i % 997}`, given: [`Given${i % 113}`] }], gender: i % 2 ? 'female' : 'male', birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    address: [{ postalCode: `LS${i % 30} ${i % 9}AB`, city: 'Leeds' }], generalPractitioner: [{ reference: 'Organization/org-a81001' }],
  }];
  for (let e = 0; e < 2; e++) {
    out.push({ resourceType: 'Encounter', id: `enc-${i}-${e}`, status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: `Patient/${pid}` }, period: { start: `2023-0${1 + e}-1${i % 9}T09:00:00Z`, end: `2023-0${1 + e}-1${i % 9}T09:15:00Z` }, serviceProvider: { reference: 'Organization/org-a81001' } });
    out.push({ resourceType: 'Condition', id: `cond-${i}-${e}`, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: e ? '44054006' : '38341003' }] }, subject: { reference: `Patient/${pid}` }, onsetDateTime: `20${10 + (i % 10)}-05-0${1 + e}` });
  }
  for (let o = 0; o < 5; o++) {
    out.push({ resourceType: 'Observation', id: `obs-${i}-${o}`, status: 'final', code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006', display: 'Systolic blood pressure' }] },
      subject: { reference: `Patient/${pid}` }, encounter: { reference: `Encounter/enc-${i}-${o % 2}` }, effectiveDateTime: `2023-0${1 + (o % 9)}-1${i % 9}T09:0${o}:00Z`,
      valueQuantity: { value: 110 + ((i + o) % 60), unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } });
  }
  return out;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'footprint-import-bench-'));
const people = Math.ceil(total / 10);
const files = [0, 1, 2, 3].map((k) => path.join(dir, `part-${k}.ndjson`));
const lines: string[][] = [[], [], [], []];
for (let i = 0; i < people; i++) lines[i % 4].push(...person(i).map((r) => JSON.stringify(r)));
await Promise.all(files.map((f, k) => writeFile(f, lines[k].join('\n') + '\n')));

const schema = `import_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const record = usePglite ? await createRecord({ dataDir: 'memory://' }) : await createRecord({ databaseUrl: url, schema, maxConnections: 4 });
try {
  const started = performance.now();
  const result = await importFiles(record.repo, systemContext(), [dir], { sql: record.sql, batchSize: 500, repositoryIn: (tx) => new PostgresRepository(tx) });
  const seconds = (performance.now() - started) / 1000;
  console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}; engine ${record.sql.kind}; load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`imported ${result.read} resources (${result.created} created, ${result.failed} failed) in ${seconds.toFixed(1)} s: ${Math.round(result.read / seconds)} resources/s`);
  const again = performance.now();
  const forced = await importFiles(record.repo, systemContext(), [dir], { sql: record.sql, batchSize: 500, force: true });
  const s2 = (performance.now() - again) / 1000;
  console.log(`re-import of the same files: ${forced.unchanged} unchanged, ${forced.created} created in ${s2.toFixed(1)} s: ${Math.round(forced.read / s2)} resources/s`);
} finally {
  await record.close();
  await rm(dir, { recursive: true, force: true });
  if (!usePglite) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}
