/**
 * Crash safety: serves a fresh store with `footprint serve`, drives ingest (transaction Bundles)
 * and concurrent writes (creates and updates) at it, kills the server with SIGKILL at a random
 * moment, restarts it, and checks after every restart that
 *   - every write the server acknowledged (2xx) is there, at the version it acknowledged;
 *   - nothing is partial: every transaction is either wholly present or wholly absent;
 * and at the end that `footprint audit verify` passes (skipped, saying so, in a build without it).
 *
 *   npx tsx tools/proof/crash-safety.ts [--rounds 20] [--writers 6] [--database-url postgres://…] [--keep]
 *
 * Storage: embedded PGlite in a temporary data directory by default; with --database-url, a fresh
 * database created on that PostgreSQL server (and dropped afterwards unless --keep).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const HELP = `Usage: npx tsx tools/proof/crash-safety.ts [options]

Kills \`footprint serve\` with SIGKILL during ingest and concurrent writes, restarts it, and checks
that every acknowledged write survives, no transaction is partial, and \`footprint audit verify\` passes.

Options:
  --rounds <n>          kills and restarts (default 20)
  --writers <n>         concurrent writers (default 6; a third send transaction Bundles)
  --bundle-size <n>     resources per transaction Bundle (default 20)
  --database-url <url>  run on a fresh database on this PostgreSQL server instead of embedded PGlite
  --keep                keep the data directory (and database) afterwards
  --help                show this help`;

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    writers: { type: 'string', default: '6' },
    'bundle-size': { type: 'string', default: '20' },
    'database-url': { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const ROUNDS = Number(values.rounds);
const WRITERS = Number(values.writers);
const BUNDLE_SIZE = Number(values['bundle-size']);
const CLI = resolve(import.meta.dirname, '../../apps/cli/bin/footprint.js');
const BUNDLE_SYSTEM = 'urn:footprint:crash-proof:bundle';
const WRITE_SYSTEM = 'urn:footprint:crash-proof:write';
const COUNTER_SYSTEM = 'urn:footprint:crash-proof:counter';

interface Ledger {
  /** Acknowledged creates: id → type. */
  created: Map<string, string>;
  /** Transactions sent: acknowledged or not, with how many resources of each type. */
  bundles: Array<{ id: string; acknowledged: boolean }>;
  /** Counter Patients updated by the writers: id → highest acknowledged version and its counter value. */
  counters: Map<string, { version: number; value: number }>;
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-crash-'));
  let database: { admin: string; name: string; url: string } | undefined;
  if (values['database-url']) {
    const admin = values['database-url'];
    const name = `fp_crash_${randomBytes(4).toString('hex')}`;
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(admin);
    url.pathname = `/${name}`;
    database = { admin, name, url: url.toString() };
  }
  const env: NodeJS.ProcessEnv = { ...process.env, FOOTPRINT_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...(database ? { DATABASE_URL: database.url } : {}) };
  if (!database) delete env.DATABASE_URL;
  console.log(`crash safety: ${ROUNDS} SIGKILLs, ${WRITERS} writers, transactions of ${BUNDLE_SIZE}, on ${database ? `PostgreSQL database ${database.name}` : 'embedded PGlite'} (data directory ${dataDir})`);

  const added = spawnSync(process.execPath, [CLI, 'client', 'add', '--name', 'crash proof', '--organisation', 'Organization/crash-proof', '--scope', 'system/*.cruds', '--purpose', 'TREAT'], { env, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`footprint client add failed: ${added.stderr}`);
  const credentials = JSON.parse(added.stdout.slice(added.stdout.indexOf('{'))) as { client_id: string; client_secret: string };

  const ledger: Ledger = { created: new Map(), bundles: [], counters: new Map() };
  const started = Date.now();
  let acknowledged = 0;
  let refused = 0;
  let failedOnKill = 0;
  let problems: string[] = [];
  try {
    for (let round = 1; round <= ROUNDS + 1; round++) {
      const server = await startServer(env, dataDir, round);
      try {
        const token = await tokenFor(server.base, credentials);
        // After every restart: everything acknowledged before the kill is there, and nothing is partial.
        problems = await verify(server.base, token, ledger);
        if (problems.length > 0) break;
        if (round === ROUNDS + 1) break;
        if (ledger.counters.size === 0) for (let w = 0; w < WRITERS; w++) ledger.counters.set(await createCounter(server.base, token), { version: 1, value: 0 });
        const stop = { killed: false, firstAcknowledged: undefined as undefined | (() => void) };
        const warmedUp = new Promise<void>((done) => (stop.firstAcknowledged = done));
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(server.base, token, w, ledger, stop));
        // Kill at a random moment once writes are flowing.
        await Promise.race([warmedUp, sleep(30_000)]);
        await sleep(500 + Math.random() * 5500);
        stop.killed = true;
        server.child.kill('SIGKILL');
        const outcomes = await Promise.all(writers);
        for (const o of outcomes) {
          acknowledged += o.acknowledged;
          refused += o.refused;
          failedOnKill += o.failed;
        }
        const unexpected = outcomes.flatMap((o) => o.unexpected);
        if (unexpected.length > 0) {
          problems = unexpected;
          break;
        }
        process.stdout.write(`  round ${String(round).padStart(2)}: killed after ${outcomes.reduce((s, o) => s + o.acknowledged, 0)} acknowledged writes (${ledger.created.size} resources and ${ledger.bundles.filter((b) => b.acknowledged).length} transactions acknowledged so far)\n`);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
    if (problems.length > 0) {
      console.log(`\nFAILED: ${problems.length} problems after a restart:`);
      for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
      process.exitCode = 1;
      return;
    }
    console.log(`\nall ${ledger.created.size} acknowledged resources present, ${ledger.bundles.length} transactions each whole or absent (${ledger.bundles.filter((b) => b.acknowledged).length} acknowledged), ${ledger.counters.size} counters at or past their acknowledged versions`);
    console.log(`  ${acknowledged} writes acknowledged, ${refused} refused with a 4xx, ${failedOnKill} cut off by the kill; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    auditVerify(env);
  } finally {
    if (!values.keep) {
      await rm(dataDir, { recursive: true, force: true });
      if (database) await withClient(database.admin, (c) => c.query(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`));
    } else console.log(`kept ${dataDir}${database ? ` and database ${database.name}` : ''}`);
  }
}

/** `footprint audit verify` on the same storage; a build without the command says so and does not count as a pass. */
function auditVerify(env: NodeJS.ProcessEnv): void {
  const help = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--help'], { env, encoding: 'utf8' });
  if (help.status !== 0 || !/verify/i.test(help.stdout)) {
    console.log('\nSKIPPED: `footprint audit verify` is not in this build (engineer A builds it); the audit chain was NOT checked. Re-run this script once it is merged.');
    process.exitCode = 2;
    return;
  }
  const verified = spawnSync(process.execPath, [CLI, 'audit', 'verify'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  console.log(`\nfootprint audit verify: exit ${verified.status}\n${verified.stdout.trim().split('\n').slice(-3).join('\n')}${verified.stderr.trim() ? `\n${verified.stderr.trim().split('\n').slice(-3).join('\n')}` : ''}`);
  if (verified.status !== 0) process.exitCode = 1;
}

interface Running {
  child: ChildProcess;
  base: string;
  exited: Promise<void>;
}

/** Starts `footprint serve` on a free port (its log to a file per round) and waits until it answers. */
async function startServer(env: NodeJS.ProcessEnv, dataDir: string, round: number): Promise<Running> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const log = openSync(join(dataDir, `server-${round}.log`), 'a');
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], { env, stdio: ['ignore', log, log] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = (await readFile(join(dataDir, `server-${round}.log`), 'utf8')).trim().split('\n').slice(-8).join('\n');
      throw new Error(`footprint serve exited with ${child.exitCode} on restart ${round}; its log ends:\n${tail}`);
    }
    const ok = await fetch(`${base}/fhir/R4/metadata`).then((r) => r.ok).catch(() => false);
    if (ok) return { child, base, exited };
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`footprint serve did not answer within 120 s on restart ${round}`);
}

async function tokenFor(base: string, credentials: { client_id: string; client_secret: string }): Promise<string> {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...credentials }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

const fhir = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' });

async function createCounter(base: string, token: string): Promise<string> {
  const response = await fetch(`${base}/fhir/R4/Patient`, { method: 'POST', headers: fhir(token), body: JSON.stringify({ resourceType: 'Patient', identifier: [{ system: COUNTER_SYSTEM, value: '0' }] }) });
  if (response.status !== 201) throw new Error(`could not create a counter: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * One writer until the kill: writer 0, 3, … send transactions (a Patient and its Observations),
 * the others alternate creates and updates of their counter Patient. Only 2xx answers go in the ledger.
 */
async function writer(base: string, token: string, index: number, ledger: Ledger, stop: { killed: boolean; firstAcknowledged?: () => void }) {
  const result = { acknowledged: 0, refused: 0, failed: 0, unexpected: [] as string[] };
  const counterId = [...ledger.counters.keys()][index % ledger.counters.size];
  for (let n = 0; !stop.killed; n++) {
    // The kill comes once transactions are flowing too (the first one after a start is slow).
    if (result.acknowledged > 0 && (index % 3 === 0 || WRITERS === 1)) stop.firstAcknowledged?.();
    try {
      if (index % 3 === 0) {
        const bundleId = randomUUID();
        const entry = ledger.bundles.push({ id: bundleId, acknowledged: false }) - 1;
        const patientUrl = `urn:uuid:${randomUUID()}`;
        const resources = [
          { fullUrl: patientUrl, resource: { resourceType: 'Patient', identifier: [{ system: BUNDLE_SYSTEM, value: bundleId }] }, request: { method: 'POST', url: 'Patient' } },
          ...Array.from({ length: BUNDLE_SIZE - 1 }, (_, k) => ({
            fullUrl: `urn:uuid:${randomUUID()}`,
            resource: { resourceType: 'Observation', status: 'final', identifier: [{ system: BUNDLE_SYSTEM, value: bundleId }], code: { coding: [{ system: 'http://snomed.info/sct', code: '27113001' }] }, subject: { reference: patientUrl }, valueQuantity: { value: 60 + k, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } },
            request: { method: 'POST', url: 'Observation' },
          })),
        ];
        const response = await fetch(`${base}/fhir/R4`, { method: 'POST', headers: fhir(token), body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: resources }) });
        if (response.ok) {
          const body = (await response.json()) as { entry: Array<{ response: { location: string } }> };
          for (const e of body.entry) {
            const [type, id] = e.response.location.split('/_history')[0].split('/').slice(-2);
            ledger.created.set(id, type);
          }
          ledger.bundles[entry].acknowledged = true;
          result.acknowledged++;
        } else await answered(response, result);
      } else if (n % 2 === 0) {
        const response = await fetch(`${base}/fhir/R4/Observation`, {
          method: 'POST',
          headers: fhir(token),
          body: JSON.stringify({ resourceType: 'Observation', status: 'final', identifier: [{ system: WRITE_SYSTEM, value: randomUUID() }], code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006' }] }, valueQuantity: { value: 120, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }),
        });
        if (response.status === 201) {
          ledger.created.set(((await response.json()) as { id: string }).id, 'Observation');
          result.acknowledged++;
        } else await answered(response, result);
      } else {
        const value = Date.now() * 1000 + n;
        const response = await fetch(`${base}/fhir/R4/Patient/${counterId}`, { method: 'PUT', headers: fhir(token), body: JSON.stringify({ resourceType: 'Patient', id: counterId, identifier: [{ system: COUNTER_SYSTEM, value: String(value) }] }) });
        if (response.ok) {
          const version = Number(((await response.json()) as { meta: { versionId: string } }).meta.versionId);
          const known = ledger.counters.get(counterId)!;
          if (version > known.version) ledger.counters.set(counterId, { version, value });
          result.acknowledged++;
        } else await answered(response, result);
      }
    } catch {
      // The connection dropped: the server was killed mid-request, so this write was never acknowledged.
      result.failed++;
    }
  }
  return result;
}

async function answered(response: Response, result: { refused: number; unexpected: string[] }) {
  const text = await response.text();
  if (response.status >= 500) result.unexpected.push(`a write answered ${response.status}: ${text.slice(0, 300)}`);
  else result.refused++;
}

/** Every acknowledged resource is there, every counter is at least at its acknowledged version, every transaction whole or absent. */
async function verify(base: string, token: string, ledger: Ledger): Promise<string[]> {
  const problems: string[] = [];
  const headers = fhir(token);
  const byType = new Map<string, string[]>();
  for (const [id, type] of ledger.created) byType.set(type, [...(byType.get(type) ?? []), id]);
  for (const [type, ids] of byType) {
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const response = await fetch(`${base}/fhir/R4/${type}?_id=${chunk.join(',')}&_elements=id&_count=100`, { headers });
      const body = (await response.json()) as { entry?: Array<{ resource: { id: string } }> };
      const found = new Set((body.entry ?? []).map((e) => e.resource.id));
      for (const id of chunk) if (!found.has(id)) problems.push(`acknowledged ${type}/${id} is missing`);
    }
  }
  for (const [id, { version, value }] of ledger.counters) {
    const response = await fetch(`${base}/fhir/R4/Patient/${id}/_history/${version}`, { headers });
    const body = (await response.json()) as { identifier?: Array<{ value: string }> };
    if (!response.ok) problems.push(`acknowledged Patient/${id} version ${version} is missing (${response.status})`);
    else if (version > 1 && body.identifier?.[0]?.value !== String(value)) problems.push(`Patient/${id} version ${version} holds ${body.identifier?.[0]?.value}, not the acknowledged ${value}`);
  }
  for (const bundle of ledger.bundles) {
    let total = 0;
    for (const type of ['Patient', 'Observation']) {
      const response = await fetch(`${base}/fhir/R4/${type}?identifier=${encodeURIComponent(`${BUNDLE_SYSTEM}|${bundle.id}`)}&_summary=count`, { headers });
      total += ((await response.json()) as { total: number }).total;
    }
    if (total !== 0 && total !== BUNDLE_SIZE) problems.push(`transaction ${bundle.id} is partial: ${total} of ${BUNDLE_SIZE} resources`);
    if (bundle.acknowledged && total !== BUNDLE_SIZE) problems.push(`acknowledged transaction ${bundle.id} has ${total} of ${BUNDLE_SIZE} resources`);
  }
  return problems;
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
