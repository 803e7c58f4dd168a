/**
 * Search latency at scale against a PostgreSQL server: ingests a synthetic footprint (default
 * 300,000 resources, about 16,700 people), runs ANALYZE, then times typical searches.
 *
 *   npx tsx packages/record/bench/search.ts [resources=300000]
 *
 * Uses FOOTPRINT_BENCH_DATABASE_URL, else DATABASE_URL, else the local server, in a throwaway schema.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Resource } from '@footprint/fhir';
import { createRecord } from '../src/create-record';
import { systemContext } from '../src/access-context';
import type { SearchParams } from '../src/repository';
import { personRecord } from './synthetic';

const url = process.env.FOOTPRINT_BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const total = Number(process.argv[2] ?? 300_000);
/** BENCH_SCHEMA reuses a schema kept by an earlier run (BENCH_KEEP=1) instead of ingesting again. */
const reuse = process.env.BENCH_SCHEMA;
const schema = reuse ?? `bench_search_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const runId = 'b';
const record = await createRecord({ databaseUrl: url, schema, maxConnections: 2 });
const ctx = systemContext('TREAT', 'bench');

try {
  const people = Math.ceil(total / 18);
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < people) {
      const batch: Resource[] = [];
      while (batch.length < 500 && next < people) batch.push(...personRecord(next++, runId));
      await record.repo.importBatch(ctx, batch);
      done += batch.length;
      const rate = done / ((performance.now() - started) / 1000);
      if (done % 20_000 < 1000) process.stdout.write(`\ringested ${done}  ${rate.toFixed(0)}/s  ETA ${((people * 18 - done) / rate).toFixed(0)}s   `);
    }
  };
  if (!reuse) await Promise.all([worker(), worker()]);
  process.stdout.write('\n');
  await record.sql.query('ANALYZE');

  const sample = personRecord(1234, runId);
  const patient = sample[0] as { id: string; identifier: Array<{ value: string }>; name: Array<{ family: string }> };
  const searches: Array<[string, string, SearchParams]> = [
    ['NHS number lookup', 'Patient', [['identifier', `https://fhir.nhs.uk/Id/nhs-number|${patient.identifier[0].value}`]]],
    ['family name prefix, first page', 'Patient', [['family', patient.name[0].family.slice(0, 3)]]],
    ['family name prefix, sorted by birthdate', 'Patient', [['family', patient.name[0].family.slice(0, 3)], ['_sort', 'birthdate']]],
    ['one patient\'s observations', 'Observation', [['subject', `Patient/${patient.id}`]]],
    ['code and date range', 'Observation', [['code', 'http://snomed.info/sct|1049301000000100'], ['date', 'ge2022-01-01'], ['date', 'lt2022-03-01']]],
    ['code and value, newest first', 'Observation', [['code', '1049301000000100'], ['value-quantity', 'gt85'], ['_sort', '-date']]],
    ['chained: observations by patient NHS number', 'Observation', [['subject:Patient.identifier', patient.identifier[0].value]]],
    ['type only, first page', 'Encounter', []],
    ['with _total=accurate (counts ~1/3 of observations)', 'Observation', [['code', '1049301000000100'], ['_total', 'accurate'], ['_count', '1']]],
    ['revinclude conditions of a patient', 'Patient', [['_id', patient.id], ['_revinclude', 'Condition:subject']]],
  ];
  console.log(`\n${total} resources; median of 15 runs after 2 warm-ups (ms)`);
  for (const [label, type, params] of searches) {
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < 17; i++) {
      const t = performance.now();
      const result = await record.repo.search(ctx, type, params);
      if (i >= 2) times.push(performance.now() - t);
      matches = result.matches.length;
    }
    times.sort((a, b) => a - b);
    console.log(`${times[7].toFixed(1).padStart(8)}  ${label} (${matches} on the page)`);
  }
  const t = performance.now();
  await record.repo.everything(ctx, patient.id, { count: 100 });
  console.log(`${(performance.now() - t).toFixed(1).padStart(8)}  Patient/$everything (one run)`);
} finally {
  await record.close();
  if (process.env.BENCH_KEEP || reuse) {
    console.log(`kept schema ${schema}`);
    process.exit(0);
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}
