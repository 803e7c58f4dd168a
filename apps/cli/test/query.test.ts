import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { postgresKinds, reserveTestSchema } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFootprint } from '@footprint/synth';
import { buildWarehouseFromNdjson, type EngineName } from '@footprint/warehouse';

/**
 * `footprint query` through the warehouse handle on each engine: DuckDB writes the file itself
 * (COPY), PostgreSQL sends the rows through Node; both must write the same rows.
 */
const bin = fileURLToPath(new URL('../bin/footprint.js', import.meta.url));
const definition = fileURLToPath(new URL('../../../packages/cohort/examples/raised-blood-pressure.ts', import.meta.url));
const engines: EngineName[] = ['duckdb', ...(postgresKinds().includes('postgres') ? (['postgres'] as const) : [])];
const reserved = engines.includes('postgres') ? reserveTestSchema('wh_query') : undefined;

let dir: string;
const written = new Map<EngineName, string[]>();

async function footprint(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, FOOTPRINT_DATA_DIR: dataDir, FOOTPRINT_DEBUG: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const engineArgs = (engine: EngineName) => ['--engine', engine, ...(engine === 'postgres' && reserved ? ['--database-url', reserved.url, '--schema', reserved.schema] : [])];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'footprint-cli-query-'));
  await writeFootprint({ footprint: 'cheshire-and-merseyside', people: 150, seed: 9, outDir: join(dir, 'out') });
}, 120_000);
afterAll(async () => {
  await reserved?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(engines)('footprint query on the %s warehouse', { timeout: 120_000 }, (engine) => {
  const dataDir = () => join(dir, engine);

  it('says to build the warehouse when there is none', async () => {
    const result = await footprint(dataDir(), 'query', definition, ...engineArgs(engine), '--out', join(dir, `${engine}-none.csv`));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/footprint warehouse build/);
  });

  it('writes a dataset to CSV, the same rows on every engine', async () => {
    await buildWarehouseFromNdjson(join(dir, 'out'), { dataDir: dataDir(), engine, ...(engine === 'postgres' && reserved ? { databaseUrl: reserved.url, schema: reserved.schema } : {}), workers: 0 });
    const out = join(dir, `${engine}.csv`);
    const result = await footprint(dataDir(), 'query', definition, ...engineArgs(engine), '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [header, ...rows] = (await readFile(out, 'utf8')).trim().split(/\r?\n/);
    expect(header.split(',')).toEqual(expect.arrayContaining(['patient_key', 'age', 'sex', 'latest_systolic', 'readings']));
    expect(rows.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`Wrote ${rows.length.toLocaleString('en-GB')} rows`);
    // Patient keys are keyed by each data directory's own key, so compare the rows without them;
    // numbers by value (DuckDB's COPY writes a double 160 as 160.0, Node's writer as 160).
    const column = header.split(',').indexOf('patient_key');
    const value = (field: string) => (field !== '' && Number.isFinite(Number(field)) ? String(Number(field)) : field);
    written.set(engine, rows.map((r) => r.split(',').filter((_, i) => i !== column).map(value).join(',')).sort());
    expect(written.get(engine)).toEqual(written.get(engines[0]));
  });

  it('prints the SQL with --explain and runs nothing', async () => {
    const result = await footprint(dataDir(), 'query', definition, ...engineArgs(engine), '--out', join(dir, `${engine}-explain.csv`), '--explain');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SELECT/i);
  });
});
