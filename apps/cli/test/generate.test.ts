import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext } from '@footprint/record';
import { postgresKinds, reserveTestSchema } from '@footprint/testing';
import { writeFootprint, type Manifest } from '@footprint/synth';
import * as generateCommand from '../src/commands/generate';
import { openPlatform } from '../src/platform';
import type { ProgressReporter } from '../src/progress';

/** Runs `footprint generate …` in-process; returns what it printed. */
async function runGenerate(args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  generateCommand.register(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'footprint', 'generate', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

const quiet: ProgressReporter = { start: () => ({ update() {}, increment() {}, setTotal() {}, stop() {} }), log() {} };

const count = async (platform: Awaited<ReturnType<typeof openPlatform>>, type: string) =>
  (await platform.record.search(systemContext(), type, [['_summary', 'count']])).total;

describe('footprint generate', () => {
  let dataDir: string;
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-generate-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    if (previous.dir === undefined) delete process.env.FOOTPRINT_DATA_DIR;
    else process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url !== undefined) process.env.DATABASE_URL = previous.url;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the files and loads them into embedded storage through the import path', async () => {
    const out = join(dataDir, 'hw');
    const printed = await runGenerate(['--footprint', 'herefordshire-and-worcestershire', '--people', '120', '--seed', '3', '--out', out, '--load', '--workers', '1']);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(printed).toContain('Generated 120 people');
    expect(printed).toContain(`Loaded: ${manifest.resources.toLocaleString('en-GB')} created, 0 unchanged, 0 failed`);
    const platform = await openPlatform({ embedded: true });
    try {
      expect(await count(platform, 'Patient')).toBe(120);
      expect(await count(platform, 'Organization')).toBe(manifest.counts.Organization);
      expect(await count(platform, 'Encounter')).toBe(manifest.counts.Encounter);
    } finally {
      await platform.close();
    }
    // Loading the same footprint again creates nothing new.
    const again = await runGenerate(['--footprint', 'herefordshire-and-worcestershire', '--people', '120', '--seed', '3', '--out', out, '--load', '--workers', '1']);
    expect(again).toMatch(/Loaded: 0 created, [\d,]+ unchanged, 0 failed/);
  });

  it('refuses bad options with a message naming the option', async () => {
    await expect(runGenerate(['--people', 'many'])).rejects.toThrow(/--people must be a whole number/);
    await expect(runGenerate(['--people', '10', '--years', '0'])).rejects.toThrow(/--years must be/);
    await expect(runGenerate(['--people', '10', '--footprint', 'atlantis', '--out', join(dataDir, 'x')])).rejects.toThrow(/Unknown footprint "atlantis"/);
  });

  it.runIf(postgresKinds().includes('postgres'))('loads into a PostgreSQL server', async () => {
    const { url, schema, drop } = reserveTestSchema('fp_synth');
    const out = join(dataDir, 'pg');
    try {
      const manifest = await writeFootprint({ footprint: 'herefordshire-and-worcestershire', people: 80, seed: 8, outDir: out });
      const platform = await openPlatform({ dataDir, databaseUrl: url, schema });
      try {
        const results = await generateCommand.loadGenerated(platform, out, manifest, quiet);
        expect(results.reduce((s, r) => s + r.created, 0)).toBe(manifest.resources);
        expect(results.reduce((s, r) => s + r.failed, 0)).toBe(0);
        expect(await count(platform, 'Patient')).toBe(80);
      } finally {
        await platform.close();
      }
    } finally {
      await drop();
    }
  });
});
