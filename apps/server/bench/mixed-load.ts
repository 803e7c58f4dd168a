/**
 * Mixed FHIR HTTP load against the PostgreSQL server: preloads patients with observations into a
 * throwaway schema, serves them over loopback and drives a bounded-time, bounded-concurrency mix of
 * reads, searches and writes with keep-alive connections, then prints req/s, p50 and p99.
 *
 *   npx tsx apps/server/bench/mixed-load.ts [--seconds 20] [--concurrency 32] [--patients 2000] [--connections N] [--direct] [--only 'read Patient']
 *
 * `--direct` also runs the same mix straight against the Repository (no HTTP), to show what the
 * HTTP layer adds.
 *
 * Uses FOOTPRINT_BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test.
 * The load generator runs in a child process, so it shares neither the server's event loop nor its
 * CPU accounting; CPU per request is measured for the server, its PostgreSQL backends (from /proc)
 * and the load generator separately, which stays meaningful on a machine shared with other work.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Observation, Patient, Resource } from '@footprint/fhir';
import { openWarehouseHandle } from '@footprint/warehouse';
import { createRecord, defaultPoolSize, systemContext, type AccessContext, type Repository, type SqlClient } from '@footprint/record';
import { buildServer } from '../src/app';
import { createClient } from '../src/auth/clients';
import { platformMigrations } from '../src/migrations';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    patients: { type: 'string', default: '2000' },
    connections: { type: 'string' },
    direct: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const patientCount = Number(values.patients);
const url = process.env.FOOTPRINT_BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `fp_bench_${randomBytes(4).toString('hex')}`;
const FAMILIES = ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Patel', 'Khan', 'Ahmed', 'Okafor', 'Nowak'];

function nhsNumber(n: number): string {
  for (let i = n; ; i++) {
    const digits = `9${String(i).padStart(8, '0')}`;
    const sum = [...digits].reduce((s, d, k) => s + Number(d) * (10 - k), 0);
    const check = 11 - (sum % 11);
    if (check !== 10) return digits + (check === 11 ? '0' : String(check));
  }
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-bench-'));
  const benchUrl = `${url}${url.includes('?') ? '&' : '?'}application_name=footprint-bench`;
  const opened = await createRecord({ databaseUrl: benchUrl, schema, migrations: platformMigrations, ...(values.connections ? { maxConnections: Number(values.connections) } : {}) });
  const { repo: record, sql } = opened;
  const app = buildServer({ record, sql, dataDir, warehouse: openWarehouseHandle({ dataDir }) }, { logger: false });
  try {
    await app.ready();

    // Preload: patients, five observations each, in batches through the record's bulk path.
    const started = Date.now();
    const patientIds: string[] = [];
    for (let offset = 0; offset < patientCount; offset += 500) {
      const batch: Resource[] = [];
      for (let i = offset; i < Math.min(offset + 500, patientCount); i++) {
        const id = randomUUID();
        patientIds.push(id);
        const patient: Patient = {
          resourceType: 'Patient',
          id,
          identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber(i * 7 + 1) }],
          name: [{ family: FAMILIES[i % FAMILIES.length], given: ['Sam'] }],
          gender: i % 2 ? 'female' : 'male',
          birthDate: `${1940 + (i % 70)}-0${1 + (i % 9)}-1${i % 10}`,
        };
        batch.push(patient);
        for (let k = 0; k < 5; k++) {
          const observation: Observation = {
            resourceType: 'Observation',
            id: randomUUID(),
            status: 'final',
            code: { coding: [{ system: 'http://snomed.info/sct', code: k % 2 ? '271649006' : '27113001' }] },
            subject: { reference: `Patient/${id}` },
            effectiveDateTime: `2024-0${1 + k}-15T10:00:00Z`,
            valueQuantity: { value: 60 + k * 10 + (i % 20), unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
          };
          batch.push(observation);
        }
      }
      await record.importBatch(systemContext(), batch);
    }
    // Fresh statistics after the bulk load, as autovacuum would gather shortly afterwards.
    await sql.query('ANALYZE');
    const preloadSeconds = (Date.now() - started) / 1000;
    console.log(`preloaded ${patientCount} patients and ${patientCount * 5} observations in ${preloadSeconds.toFixed(1)} s`);

    const { client, secret } = await createClient(sql, { name: 'bench', scopes: ['system/*.cruds'], organisation: 'Organization/bench' });
    const tokenResponse = await app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } });
    const token = (tokenResponse.json() as { access_token: string }).access_token;

    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const pgBefore = await backendCpu(sql);
    const cpuBefore = process.cpuUsage();
    const result = await runLoad({ port, token, patientIds, families: FAMILIES, seconds, concurrency, ...(values.only ? { only: values.only } : {}) });
    const cpuServer = process.cpuUsage(cpuBefore);
    const pgAfter = await backendCpu(sql);
    let pgMs = 0;
    for (const [pid, ms] of pgAfter) pgMs += ms - (pgBefore.get(pid) ?? 0);
    const perRequest = (ms: number) => ms / Math.max(result.count, 1);
    const serverMs = perRequest((cpuServer.user + cpuServer.system) / 1000);
    const backendMs = perRequest(pgMs);
    const clientMs = perRequest(result.clientCpuMs);
    const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, PostgreSQL server, pool ${values.connections ?? `default (${defaultPoolSize()})`}`;
    console.log(`\nmixed load: ${seconds} s, concurrency ${concurrency} (${machine})`);
    console.log(`  requests   ${result.count} (${result.errors} non-2xx)`);
    console.log(`  throughput ${(result.count / result.seconds).toFixed(0)} req/s`);
    console.log(`  latency    p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
    for (const [op, stats] of Object.entries(result.byOp)) {
      console.log(`    ${op.padEnd(16)} ${String(stats.count).padStart(7)} req  p50 ${stats.p50.toFixed(1)} ms  p99 ${stats.p99.toFixed(1)} ms`);
    }
    console.log(`  CPU per request: server ${serverMs.toFixed(2)} ms, PostgreSQL backends ${backendMs.toFixed(2)} ms, load generator ${clientMs.toFixed(2)} ms`);
    console.log(`  CPU-bound ceiling on ${cpus().length} idle cores: ~${Math.round((cpus().length * 1000) / (serverMs + backendMs + clientMs))} req/s (server alone ~${Math.round(1000 / serverMs)} req/s per core)`);
    if (values.direct) {
      const direct = await runDirect(record, patientIds, seconds, concurrency);
      console.log(`\nsame mix directly on the Repository (no HTTP): ${(direct.count / direct.seconds).toFixed(0)} calls/s, p50 ${direct.p50.toFixed(1)} ms, p99 ${direct.p99.toFixed(1)} ms`);
    }
  } finally {
    await app.close();
    await opened.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface LoadResult {
  count: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  byOp: Record<string, { count: number; p50: number; p99: number }>;
  clientCpuMs: number;
}

/** The load generator: plain JavaScript in a child process, node:http with a keep-alive agent. */
const LOAD_GENERATOR = `
const http = require('node:http');
const { port, token, patientIds, families, seconds, concurrency, only } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const headers = { authorization: 'Bearer ' + token, accept: 'application/fhir+json' };
const pick = (list) => list[Math.floor(Math.random() * list.length)];
function request(method, path, body) {
  return new Promise((resolve) => {
    const data = body ? JSON.stringify(body) : undefined;
    const req = http.request({ host: '127.0.0.1', port, method, path, agent,
      headers: data ? { ...headers, 'content-type': 'application/fhir+json', 'content-length': Buffer.byteLength(data) } : headers },
      (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('error', () => resolve(0));
    if (data) req.write(data);
    req.end();
  });
}
const ops = [
  [40, 'read Patient', () => ['GET', '/fhir/R4/Patient/' + pick(patientIds)]],
  [15, 'search obs', () => ['GET', '/fhir/R4/Observation?subject=Patient/' + pick(patientIds) + '&_count=10']],
  [15, 'search patient', () => ['GET', '/fhir/R4/Patient?family=' + pick(families) + '&birthdate=ge1980-01-01&_count=10']],
  [10, 'search code', () => ['GET', '/fhir/R4/Observation?code=http://snomed.info/sct|27113001&value-quantity=gt90&_count=10']],
  [20, 'create obs', () => ['POST', '/fhir/R4/Observation', { resourceType: 'Observation', status: 'final',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006' }] }, subject: { reference: 'Patient/' + pick(patientIds) },
      effectiveDateTime: new Date().toISOString(), valueQuantity: { value: 120, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }]],
];
if (only) ops.splice(0, ops.length, ...ops.filter((o) => o[1] === only));
if (ops.length === 0) throw new Error('no operation named ' + only);
const total = ops.reduce((s, o) => s + o[0], 0);
function choose() { let r = Math.random() * total; for (const o of ops) { r -= o[0]; if (r < 0) return o; } return ops[0]; }
const samples = {}; let errors = 0;
const deadline = Date.now() + seconds * 1000;
async function loop() {
  while (Date.now() < deadline) {
    const [, name, make] = choose();
    const [method, path, body] = make();
    const t = process.hrtime.bigint();
    const status = await request(method, path, body);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    (samples[name] ??= []).push(ms);
    if (status < 200 || status >= 300) errors++;
  }
}
const started = Date.now();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ samples, errors, seconds: (Date.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 }));
  agent.destroy();
});
`;

/** The same mix as the HTTP load, called on the Repository in this process. */
async function runDirect(record: Repository, patientIds: string[], seconds: number, concurrency: number) {
  const ctx: AccessContext = { principal: { kind: 'client', id: 'bench' }, organisation: { reference: 'Organization/bench' }, scopes: ['system/*.cruds'], purpose: 'TREAT' };
  const pick = <T,>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  const ops: Array<[number, () => Promise<unknown>]> = [
    [40, () => record.read(ctx, 'Patient', pick(patientIds))],
    [15, () => record.search(ctx, 'Observation', [['subject', `Patient/${pick(patientIds)}`], ['_count', '10']])],
    [15, () => record.search(ctx, 'Patient', [['family', pick(FAMILIES)], ['birthdate', 'ge1980-01-01'], ['_count', '10']])],
    [10, () => record.search(ctx, 'Observation', [['code', 'http://snomed.info/sct|27113001'], ['value-quantity', 'gt90'], ['_count', '10']])],
    [20, () => record.create(ctx, { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006' }] }, subject: { reference: `Patient/${pick(patientIds)}` }, effectiveDateTime: new Date().toISOString() } as Observation)],
  ];
  const samples: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        let r = Math.random() * 100;
        const op = ops.find(([weight]) => (r -= weight) < 0) ?? ops[0];
        const t = performance.now();
        await op[1]();
        samples.push(performance.now() - t);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  return { count: samples.length, seconds: (Date.now() - started) / 1000, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function runLoad(data: { port: number; token: string; patientIds: string[]; families: string[]; seconds: number; concurrency: number; only?: string }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_GENERATOR], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      const message = JSON.parse(output) as { samples: Record<string, number[]>; errors: number; seconds: number; cpuMs: number };
      const all = Object.values(message.samples).flat().sort((a, b) => a - b);
      const byOp: LoadResult['byOp'] = {};
      for (const [op, list] of Object.entries(message.samples)) {
        const sorted = [...list].sort((a, b) => a - b);
        byOp[op] = { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      }
      resolve({ count: all.length, errors: message.errors, seconds: message.seconds, p50: percentile(all, 50), p99: percentile(all, 99), byOp, clientCpuMs: message.cpuMs });
    });
    child.stdin.end(JSON.stringify(data));
  });
}

/** CPU time (ms) used so far by each PostgreSQL backend serving this benchmark, read from /proc. */
async function backendCpu(sql: SqlClient): Promise<Map<number, number>> {
  const { rows } = await sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'footprint-bench'`);
  const result = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    result.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
  }
  return result;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
