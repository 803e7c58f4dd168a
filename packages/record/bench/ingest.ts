/**
 * Bulk ingest benchmark against a PostgreSQL server: resources/s through Repository.importBatch,
 * including validation, search indexing, history and one AuditEvent per batch.
 *
 *   npx tsx packages/record/bench/ingest.ts [resources=50000] [batch=500] [concurrency=2]
 *
 * Uses FOOTPRINT_BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test,
 * in a throwaway schema that is dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { extractSearchValues, validateResource, type Resource } from '@footprint/fhir';
import { createRecord } from '../src/create-record';
import { systemContext } from '../src/access-context';
import { PostgresRepository } from '../src/repo/postgres-repository';
import { personRecord } from './synthetic';
import { TimedSqlClient } from './timed-sql';
import { BackendCpu } from './backend-cpu';

const url = process.env.FOOTPRINT_BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const total = Number(process.argv[2] ?? 50_000);
const batchSize = Number(process.argv[3] ?? 500);
/** Batches in flight at once: one validates and indexes in JS while another is written by PostgreSQL. */
const concurrency = Number(process.argv[4] ?? 2);
const schema = `bench_ingest_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const runId = randomUUID().slice(0, 8);

const resources: Resource[] = [];
for (let i = 0; resources.length < total; i++) resources.push(...personRecord(i, runId));
resources.length = total;

// CPU-only costs per resource, measured on a sample, so the figure can be explained.
const sample = resources.slice(0, 2000);
for (const r of resources.slice(2000, 2500)) { validateResource(r); extractSearchValues(r); } // warm-up: definitions load, JIT
let t = performance.now();
for (const r of sample) validateResource(r);
const validateMs = (performance.now() - t) / sample.length;
t = performance.now();
for (const r of sample) extractSearchValues(r);
const extractMs = (performance.now() - t) / sample.length;

const applicationName = `footprint-bench-${runId}`;
const record = await createRecord({ databaseUrl: url, schema, maxConnections: Math.max(2, concurrency), applicationName });
const ctx = systemContext('SYSADMIN', 'bench');
const timed = new TimedSqlClient(record.sql);
const repo = new PostgresRepository(timed);
try {
  // Warm up: open the pooled connections and load definitions before timing.
  await Promise.all([repo.importBatch(ctx, []), record.sql.query('SELECT 1'), record.sql.query('SELECT 1')]);
  const backend = new BackendCpu(record.sql, applicationName);
  await backend.start();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let done = 0;
  let nextBatch = 0;
  const worker = async () => {
    for (;;) {
      const i = nextBatch;
      nextBatch += batchSize;
      if (i >= resources.length) return;
      const result = await repo.importBatch(ctx, resources.slice(i, i + batchSize));
      done += result.created + result.updated + result.unchanged;
      const rate = done / ((performance.now() - started) / 1000);
      process.stdout.write(`\r${done}/${total} resources  ${rate.toFixed(0)}/s  ETA ${((total - done) / rate).toFixed(0)}s   `);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const secs = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const dbMs = timed.timer.ms;
  const dbCpuSeconds = await backend.used();
  const nodeCpuMs = (cpu.user + cpu.system) / 1000 / total;
  const dbCpuMs = (dbCpuSeconds * 1000) / total;
  process.stdout.write('\n');
  if (process.env.BENCH_VERBOSE) for (const [k, v] of timed.timer.byStatement) console.log(`${v.toFixed(0).padStart(8)} ms  ${k}`);
  const again = performance.now();
  for (let i = 0; i < Math.min(resources.length, 10_000); i += batchSize) await record.repo.importBatch(ctx, resources.slice(i, i + batchSize));
  const unchangedRate = Math.min(resources.length, 10_000) / ((performance.now() - again) / 1000);
  const { rows } = await record.sql.query<{ n: number }>('SELECT (SELECT count(*) FROM search_token)::int + (SELECT count(*) FROM search_string)::int + (SELECT count(*) FROM search_date)::int + (SELECT count(*) FROM search_reference)::int + (SELECT count(*) FROM search_quantity)::int AS n');
  console.log(JSON.stringify({
    machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`,
    resources: total,
    batchSize,
    concurrency,
    seconds: Number(secs.toFixed(2)),
    resourcesPerSecond: Math.round(total / secs),
    reimportUnchangedPerSecond: Math.round(unchangedRate),
    indexRows: Number(rows[0].n),
    nodeCpuMsPerResource: Number(nodeCpuMs.toFixed(3)),
    postgresCpuMsPerResource: Number(dbCpuMs.toFixed(3)),
    // With Node and PostgreSQL each on its own core (concurrency 2), the slower of the two bounds throughput.
    cpuBoundResourcesPerSecondOnTwoIdleCores: Math.round(1000 / Math.max(nodeCpuMs, dbCpuMs, (nodeCpuMs + dbCpuMs) / 2)),
    databaseWaitMsPerResource: Number((dbMs / total).toFixed(3)),
    cpuPerResourceMs: { validate: Number(validateMs.toFixed(3)), extractSearchValues: Number(extractMs.toFixed(3)) },
  }, null, 2));
} finally {
  await record.close();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}
