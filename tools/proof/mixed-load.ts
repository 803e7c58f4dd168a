/**
 * The load proof: a long mixed load (reads, searches, writes and sign-ins) against the server on
 * a PostgreSQL server, with 0 errors required and the server's memory sampled throughout.
 *
 *   npx tsx tools/proof/mixed-load.ts [--minutes 10] [--concurrency 16] [--patients 2000] [--principal client|staff|both]
 *
 * A fresh database is created on the server (FOOTPRINT_BENCH_DATABASE_URL, else DATABASE_URL,
 * else postgres://postgres@127.0.0.1:5432/test) and dropped afterwards. The server runs in this
 * process; the load comes from a child process (keep-alive HTTP), so CPU is measured for the
 * server, its PostgreSQL backends and the load generator separately.
 *
 * Policy cost: `--principal both` runs the same mix twice, half the time each, first as a partner
 * system (scopes only: the policy adds no relationship terms) and then as a GP practice clinician
 * (the staff policy: care relationships, sharing choices and sensitivity compiled into every
 * query; creates stay the partner system's, as staff may not create through the FHIR API), and
 * prints the CPU per request of each and the difference. Run it on main and on a
 * branch to compare what a policy change costs per request.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Observation, Organization, Patient, Resource } from '@footprint/fhir';
import { createRecord, systemContext, type SqlClient } from '@footprint/record';
import { buildServer, createClient, platformMigrations, upsertUser } from '@footprint/server';
import { openWarehouseHandle } from '@footprint/warehouse';

const HELP = `Usage: npx tsx tools/proof/mixed-load.ts [options]

A mixed load (reads, searches, writes, sign-ins) against the server on a fresh PostgreSQL
database; fails (exit 1) on any error. Prints throughput, latency, CPU per request and memory.

Options:
  --minutes <n>          duration (default 10; the lead's proof run); e.g. 1 for a check
  --concurrency <n>      concurrent requests (default 16)
  --patients <n>         patients preloaded, five observations each (default 2000)
  --principal <who>      client (a partner system), staff (a GP practice clinician) or both (half each; prints the policy cost) (default both)
  --sign-ins <n>         staff password sign-ins (with who-am-I and sign-out) per minute, and one token request per ten (default 12)
  --help                 show this help`;

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    patients: { type: 'string', default: '2000' },
    principal: { type: 'string', default: 'both' },
    'sign-ins': { type: 'string', default: '12' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const seconds = Number(values.minutes) * 60;
const concurrency = Number(values.concurrency);
const patientCount = Number(values.patients);
const signInsPerMinute = Number(values['sign-ins']);
const principals = values.principal === 'both' ? (['client', 'staff'] as const) : ([values.principal] as Array<'client' | 'staff'>);
if (!principals.every((p) => p === 'client' || p === 'staff')) throw new Error('--principal must be client, staff or both');
const adminUrl = process.env.FOOTPRINT_BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CLI = resolve(import.meta.dirname, '../../apps/cli/bin/footprint.js');
const FAMILIES = ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Patel', 'Khan', 'Ahmed', 'Okafor', 'Nowak'];
const STAFF_USERS = 8;

function nhsNumber(n: number): string {
  for (let i = n; ; i++) {
    const digits = `9${String(i).padStart(8, '0')}`;
    const sum = [...digits].reduce((s, d, k) => s + Number(d) * (10 - k), 0);
    const check = 11 - (sum % 11);
    if (check !== 10) return digits + (check === 11 ? '0' : String(check));
  }
}

interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
}

async function main() {
  const database = `fp_load_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${database}`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  url.searchParams.set('application_name', 'footprint-load');
  const databaseUrl = url.toString();
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-load-'));
  const opened = await createRecord({ databaseUrl, migrations: platformMigrations });
  const { repo: record, sql } = opened;
  const lifetime = seconds + 600;
  const app = buildServer({ record, sql, dataDir, warehouse: openWarehouseHandle({ dataDir }) }, { logger: false, tokenLifetimeSeconds: Math.min(lifetime, 86_400) });
  let failed = false;
  try {
    await app.ready();
    const started = Date.now();
    const practice = await record.create<Organization>(systemContext(), { resourceType: 'Organization', name: 'Load Test Surgery', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81098' }] });
    const practiceRef = `Organization/${practice.resource.id}`;
    const patientIds: string[] = [];
    for (let offset = 0; offset < patientCount; offset += 500) {
      const batch: Resource[] = [];
      for (let i = offset; i < Math.min(offset + 500, patientCount); i++) {
        const id = randomUUID();
        patientIds.push(id);
        batch.push({
          resourceType: 'Patient', id, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber(i * 7 + 1) }],
          name: [{ family: FAMILIES[i % FAMILIES.length], given: ['Sam'] }], gender: i % 2 ? 'female' : 'male', birthDate: `${1940 + (i % 70)}-0${1 + (i % 9)}-1${i % 10}`,
          generalPractitioner: [{ reference: practiceRef }],
        } as Patient);
        for (let k = 0; k < 5; k++) {
          batch.push({
            resourceType: 'Observation', id: randomUUID(), status: 'final', code: { coding: [{ system: 'http://snomed.info/sct', code: k % 2 ? '271649006' : '27113001' }] },
            subject: { reference: `Patient/${id}` }, effectiveDateTime: `2024-0${1 + k}-15T10:00:00Z`, valueQuantity: { value: 60 + k * 10 + (i % 20), unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
          } as Observation);
        }
      }
      await record.importBatch(systemContext(), batch);
    }
    await sql.query('ANALYZE');
    console.log(`preloaded ${patientCount} patients registered at one practice and ${patientCount * 5} observations in ${((Date.now() - started) / 1000).toFixed(1)} s (database ${database})`);

    // Staff who sign in during the load, and the clinician the staff phase acts as.
    for (let u = 0; u < STAFF_USERS; u++) {
      await upsertUser(sql, { username: `load.gp${u}`, role: 'gp_clinician', displayName: `Load clinician ${u}`, password: `load test password ${u}`, organisation: { code: 'N81098', name: 'Load Test Surgery', reference: practiceRef } });
    }
    const { client, secret } = await createClient(sql, { name: 'load', scopes: ['system/*.cruds'], organisation: practiceRef, purpose: 'TREAT' });

    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const memory: MemorySample[] = [];
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      memory.push({ at: Date.now(), rss: m.rss, heapUsed: m.heapUsed });
    }, 5000);
    const results: Array<{ principal: string; result: LoadResult; serverMs: number; backendMs: number; clientMs: number }> = [];
    try {
      for (const principal of principals) {
        const writeToken = await clientToken(port, client.id, secret);
        const token = principal === 'client' ? writeToken : staffToken(dataDir, databaseUrl, 'load.gp0', lifetime);
        await requireRealAnswers(port, token, patientIds[0], principal);
        const pgBefore = await backendCpu(sql);
        const cpuBefore = process.cpuUsage();
        const result = await runLoad({ port, token, writeToken, clientId: client.id, clientSecret: secret, patientIds, families: FAMILIES, seconds: seconds / principals.length, concurrency, signInsPerMinute, staffUsers: STAFF_USERS });
        const cpu = process.cpuUsage(cpuBefore);
        const pgAfter = await backendCpu(sql);
        let pgMs = 0;
        for (const [pid, ms] of pgAfter) pgMs += ms - (pgBefore.get(pid) ?? 0);
        const per = (ms: number) => ms / Math.max(result.count, 1);
        results.push({ principal, result, serverMs: per((cpu.user + cpu.system) / 1000), backendMs: per(pgMs), clientMs: per(result.clientCpuMs) });
      }
    } finally {
      clearInterval(sampler);
    }

    console.log(`\nmixed load: ${values.minutes} min, concurrency ${concurrency} (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, PostgreSQL server, load average ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')})`);
    for (const { principal, result, serverMs, backendMs, clientMs } of results) {
      console.log(`\n  as ${principal === 'client' ? 'a partner system (system/*.cruds)' : 'a GP practice clinician (staff policy)'}: ${(result.seconds / 60).toFixed(1)} min`);
      console.log(`    requests   ${result.count}, errors ${result.errors}${result.errorSamples.length ? ` (e.g. ${result.errorSamples.join('; ')})` : ''}`);
      console.log(`    throughput ${(result.count / result.seconds).toFixed(0)} req/s; latency p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
      for (const [op, stats] of Object.entries(result.byOp)) console.log(`      ${op.padEnd(16)} ${String(stats.count).padStart(7)} req  p50 ${stats.p50.toFixed(1).padStart(6)} ms  p99 ${stats.p99.toFixed(1).padStart(6)} ms`);
      console.log(`    CPU per request: server ${serverMs.toFixed(2)} ms, PostgreSQL backends ${backendMs.toFixed(2)} ms, load generator ${clientMs.toFixed(2)} ms`);
      if (result.errors > 0) failed = true;
    }
    if (results.length === 2) {
      const [a, b] = results;
      const total = (r: (typeof results)[number]) => r.serverMs + r.backendMs;
      console.log(`\n  policy cost per request (staff minus partner system, same mix): server ${(b.serverMs - a.serverMs).toFixed(2)} ms, PostgreSQL ${(b.backendMs - a.backendMs).toFixed(2)} ms, total ${(total(b) - total(a)).toFixed(2)} ms (${((total(b) / total(a) - 1) * 100).toFixed(0)}%)`);
    }
    printMemory(memory);
  } finally {
    await app.close();
    await opened.close();
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    await rm(dataDir, { recursive: true, force: true });
  }
  if (failed) {
    console.log('\nFAILED: the load had errors');
    process.exitCode = 1;
  }
}

/** Memory per minute (median RSS and heap), and the change from the first full minute to the last. */
function printMemory(samples: MemorySample[]): void {
  if (samples.length === 0) return;
  const MB = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  const start = samples[0].at;
  const minutes = new Map<number, MemorySample[]>();
  for (const s of samples) minutes.set(Math.floor((s.at - start) / 60_000), [...(minutes.get(Math.floor((s.at - start) / 60_000)) ?? []), s]);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n  server memory (sampled every 5 s, ${samples.length} samples; median per minute):`);
  const rows = [...minutes].map(([minute, list]) => ({ minute, rss: median(list.map((s) => s.rss)), heap: median(list.map((s) => s.heapUsed)) }));
  for (const r of rows) console.log(`    minute ${String(r.minute + 1).padStart(2)}: RSS ${MB(r.rss).padStart(7)}, heap used ${MB(r.heap).padStart(7)}`);
  if (rows.length >= 3) {
    const first = rows[1];
    const last = rows[rows.length - 1];
    console.log(`    from minute 2 to minute ${last.minute + 1}: RSS ${((last.rss / first.rss - 1) * 100).toFixed(1)}%, heap used ${((last.heap / first.heap - 1) * 100).toFixed(1)}%`);
  }
}

/** Before a phase: the principal really reads the preloaded record (a phase of refusals would measure nothing). */
async function requireRealAnswers(port: number, token: string, patientId: string, principal: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/fhir+json' };
  const read = await fetch(`http://127.0.0.1:${port}/fhir/R4/Patient/${patientId}`, { headers });
  const search = await fetch(`http://127.0.0.1:${port}/fhir/R4/Observation?subject=Patient/${patientId}&_count=10`, { headers });
  const found = search.ok ? (((await search.json()) as { entry?: unknown[] }).entry ?? []).length : 0;
  // At least the five preloaded: an earlier phase's creates may have added more to this person.
  if (read.status !== 200 || found < 5) throw new Error(`as ${principal}: reading a preloaded Patient answered ${read.status} and searching its observations found ${found}, fewer than the 5 preloaded; the load would not measure real reads`);
}

async function clientToken(port: number, id: string, secret: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret }) });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A token acting as a member of staff, as `footprint token --user` prints it. */
function staffToken(dataDir: string, databaseUrl: string, username: string, lifetime: number): string {
  const minted = spawnSync(process.execPath, [CLI, 'token', '--user', username, '--lifetime', String(Math.min(lifetime, 86_400))], { env: { ...process.env, FOOTPRINT_DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  if (minted.status !== 0) throw new Error(`footprint token --user failed: ${minted.stderr}`);
  return minted.stdout.trim();
}

interface LoadResult {
  count: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  p50: number;
  p99: number;
  byOp: Record<string, { count: number; p50: number; p99: number }>;
  clientCpuMs: number;
}

/** The load generator: plain JavaScript in a child process, node:http with a keep-alive agent. */
const LOAD_GENERATOR = `
const http = require('node:http');
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const { port, patientIds, families, seconds, concurrency, signInsPerMinute, staffUsers, clientId, clientSecret } = input;
const token = input.token;
const writeToken = input.writeToken;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency + 2 });
const pick = (list) => list[Math.floor(Math.random() * list.length)];
function request(method, path, body, headers = {}) {
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const all = { accept: 'application/fhir+json', ...headers, ...(data ? { 'content-length': Buffer.byteLength(data) } : {}) };
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: all }, (res) => {
      const chunks = []; res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', (e) => resolve({ status: 0, headers: {}, body: String(e) }));
    if (data) req.write(data);
    req.end();
  });
}
const fhir = () => ({ authorization: 'Bearer ' + token });
const ops = [
  [35, 'read Patient', () => ['GET', '/fhir/R4/Patient/' + pick(patientIds)]],
  [15, 'search obs', () => ['GET', '/fhir/R4/Observation?subject=Patient/' + pick(patientIds) + '&_count=10']],
  [15, 'search patient', () => ['GET', '/fhir/R4/Patient?family=' + pick(families) + '&birthdate=ge1980-01-01&_count=10']],
  [10, 'search code', () => ['GET', '/fhir/R4/Observation?code=http://snomed.info/sct|27113001&value-quantity=gt90&_count=10']],
  [25, 'create obs', () => ['POST', '/fhir/R4/Observation', { resourceType: 'Observation', status: 'final',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006' }] }, subject: { reference: 'Patient/' + pick(patientIds) },
      effectiveDateTime: new Date().toISOString(), valueQuantity: { value: 120, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }]],
];
const total = ops.reduce((s, o) => s + o[0], 0);
function choose() { let r = Math.random() * total; for (const o of ops) { r -= o[0]; if (r < 0) return o; } return ops[0]; }
const samples = {}; let errors = 0; const errorSamples = [];
function record(name, ms, response) {
  (samples[name] ??= []).push(ms);
  if (response.status < 200 || response.status >= 300) { errors++; if (errorSamples.length < 5) errorSamples.push(name + ' ' + response.status + ' ' + response.body.slice(0, 160)); }
}
const deadline = Date.now() + seconds * 1000;
async function loop() {
  while (Date.now() < deadline) {
    const [, name, make] = choose();
    const [method, path, body] = make();
    const t = process.hrtime.bigint();
    // Staff may not create through the FHIR API, so writes are always the partner system's: the same work in both phases.
    const response = await request(method, path, body, body ? { authorization: 'Bearer ' + writeToken, 'content-type': 'application/fhir+json' } : fhir());
    record(name, Number(process.hrtime.bigint() - t) / 1e6, response);
  }
}
/** Staff sign in with a password, ask who they are and sign out; every tenth, a partner system asks for a token. */
async function signIns() {
  const interval = 60000 / Math.max(signInsPerMinute, 0.001);
  for (let n = 0; Date.now() < deadline; n++) {
    await new Promise((r) => setTimeout(r, interval));
    if (Date.now() >= deadline) break;
    const u = n % staffUsers;
    let t = process.hrtime.bigint();
    const signIn = await request('POST', '/api/session', JSON.stringify({ username: 'load.gp' + u, password: 'load test password ' + u }), { 'content-type': 'application/json', accept: 'application/json' });
    record('staff sign-in', Number(process.hrtime.bigint() - t) / 1e6, signIn);
    if (signIn.status === 200) {
      const cookie = String([].concat(signIn.headers['set-cookie'] ?? [])[0] ?? '').split(';')[0];
      const csrf = JSON.parse(signIn.body).csrfToken;
      t = process.hrtime.bigint();
      const me = await request('GET', '/api/session', undefined, { cookie, accept: 'application/json' });
      record('who am I', Number(process.hrtime.bigint() - t) / 1e6, me);
      t = process.hrtime.bigint();
      const out = await request('DELETE', '/api/session', undefined, { cookie, 'x-csrf-token': csrf, accept: 'application/json' });
      record('sign out', Number(process.hrtime.bigint() - t) / 1e6, out);
    }
    if (n % 10 === 9) {
      t = process.hrtime.bigint();
      const answer = await request('POST', '/oauth/token', 'grant_type=client_credentials&client_id=' + encodeURIComponent(clientId) + '&client_secret=' + encodeURIComponent(clientSecret), { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
      record('token request', Number(process.hrtime.bigint() - t) / 1e6, answer);
    }
  }
}
const started = Date.now();
Promise.all([...Array.from({ length: concurrency }, loop), signIns()]).then(() => {
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ samples, errors, errorSamples, seconds: (Date.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 }));
  agent.destroy();
});
`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function runLoad(data: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_GENERATOR], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      const message = JSON.parse(output) as { samples: Record<string, number[]>; errors: number; errorSamples: string[]; seconds: number; cpuMs: number };
      const all = Object.values(message.samples).flat().sort((a, b) => a - b);
      const byOp: LoadResult['byOp'] = {};
      for (const [op, list] of Object.entries(message.samples)) {
        const sorted = [...list].sort((a, b) => a - b);
        byOp[op] = { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      }
      resolvePromise({ count: all.length, errors: message.errors, errorSamples: message.errorSamples, seconds: message.seconds, p50: percentile(all, 50), p99: percentile(all, 99), byOp, clientCpuMs: message.cpuMs });
    });
    child.stdin.end(JSON.stringify(data));
  });
}

/** CPU time (ms) used so far by each PostgreSQL backend serving this load, read from /proc. */
async function backendCpu(sql: SqlClient): Promise<Map<number, number>> {
  const { rows } = await sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'footprint-load'`);
  const result = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    result.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
  }
  return result;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
