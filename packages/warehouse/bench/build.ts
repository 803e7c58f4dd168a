/**
 * Warehouse build rate, in resources per second, on the synthetic population in ./synthetic.ts.
 *
 *   npx tsx packages/warehouse/bench/build.ts [--people 20000] [--record-people 3000] [--engine duckdb|postgres] [--workers 0,2]
 *
 * 1. From NDJSON files (buildWarehouseFromNdjson): parsing, views, pseudonyms, engine writes.
 * 2. From the record (buildWarehouse): the record's change feed on embedded PGlite, or on the
 *    server in DATABASE_URL, plus all of the above. This is the issue's "build rate from the record".
 * Prints the machine and the figures; docs/benchmarks-warehouse.md records them.
 */
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRecord, systemContext } from '@footprint/record';
import type { Resource } from '@medplum/fhirtypes';
import { buildWarehouse, buildWarehouseFromNdjson, type EngineName, type WarehouseRunResult } from '../src';
import { cpuLoad } from './machine';
import { organisations, person, writeSyntheticNdjson } from './synthetic';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '20000' },
    'record-people': { type: 'string', default: '3000' },
    engine: { type: 'string', default: 'duckdb' },
    workers: { type: 'string', default: '0,2' },
  },
});
const engine = values.engine as EngineName;
const schema = `warehouse_bench_${process.pid}`;

/**
 * Wall-clock rate, and the rate per second of CPU this process used (all its threads): the second
 * figure is steadier on a shared machine, and is what two otherwise idle cores would approach.
 */
async function measure(label: string, run: () => Promise<WarehouseRunResult>): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = Math.round(result.resources / result.seconds);
  console.log(
    `${label}: ${result.resources.toLocaleString('en-GB')} resources → ${result.rows.toLocaleString('en-GB')} rows in ${result.seconds.toFixed(1)} s = ` +
      `${rate.toLocaleString('en-GB')} resources/s wall; ${cpuSeconds.toFixed(1)} CPU s = ${Math.round(result.resources / cpuSeconds).toLocaleString('en-GB')} resources per CPU-second`,
  );
}

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB, engine ${engine}, ${cpuLoad()}`);
const dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-bench-'));
try {
  const people = Number(values.people);
  if (people > 0) {
    const written = await writeSyntheticNdjson(join(dir, 'ndjson'), people);
    console.log(`wrote ${written.toLocaleString('en-GB')} resources for ${people.toLocaleString('en-GB')} people as NDJSON`);
    for (const workers of values.workers.split(',').map(Number)) {
      await measure(`build from NDJSON, ${workers === 0 ? 'one thread' : `${workers} worker threads`}`, () => buildWarehouseFromNdjson(join(dir, 'ndjson'), { dataDir: dir, engine, schema, workers }));
    }
  }

  const recordPeople = Number(values['record-people']);
  if (recordPeople > 0) {
    const record = await createRecord({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATABASE_URL ? undefined : join(dir, 'record'), schema: process.env.DATABASE_URL ? `record_bench_${process.pid}` : undefined });
    try {
      const ctx = systemContext('SYSADMIN', 'warehouse-bench');
      const started = performance.now();
      await record.repo.importBatch(ctx, organisations() as unknown as Resource[]);
      let batch: Resource[] = [];
      let imported = 0;
      for (let n = 0; n < recordPeople; n++) {
        batch.push(...(person(n) as unknown as Resource[]));
        if (batch.length >= 2000) {
          await record.repo.importBatch(ctx, batch);
          imported += batch.length;
          batch = [];
        }
      }
      if (batch.length) await record.repo.importBatch(ctx, batch);
      imported += batch.length;
      console.log(`imported ${imported.toLocaleString('en-GB')} resources into the record (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const feedCpu = process.cpuUsage();
      const feedStarted = performance.now();
      let fed = 0;
      for await (const batch of record.repo.changes(ctx, { since: '0', batchSize: 5000 })) fed += batch.items.length;
      const feedSeconds = (performance.now() - feedStarted) / 1000;
      const feedUsage = process.cpuUsage(feedCpu);
      const feedCpuSeconds = (feedUsage.user + feedUsage.system) / 1e6;
      console.log(
        `record change feed alone: ${fed.toLocaleString('en-GB')} resources in ${feedSeconds.toFixed(1)} s = ${Math.round(fed / feedSeconds).toLocaleString('en-GB')} resources/s wall; ` +
          `${Math.round(fed / feedCpuSeconds).toLocaleString('en-GB')} per CPU-second of this process`,
      );
      await measure('build from the record', () => buildWarehouse({ record: record.repo, dataDir: dir, engine, schema }));
    } finally {
      if (process.env.DATABASE_URL) await record.sql.query(`DROP SCHEMA IF EXISTS record_bench_${process.pid} CASCADE`).catch(() => {});
      await record.close();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
