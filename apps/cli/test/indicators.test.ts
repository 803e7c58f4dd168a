import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INDICATOR_CSV_COLUMNS } from '@footprint/performance';
import * as indicators from '../src/commands/indicators';

const bin = fileURLToPath(new URL('../bin/footprint.js', import.meta.url));
const HEADER = INDICATOR_CSV_COLUMNS.join(',');
const AE = 'ae-four-hour-performance';

describe('footprint indicators', { timeout: 300_000 }, () => {
  let dir: string;
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'footprint-cli-indicators-'));
    process.env.FOOTPRINT_DATA_DIR = join(dir, 'data');
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url !== undefined) process.env.DATABASE_URL = previous.url;
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs `footprint indicators …` in-process, with what it wrote to standard output and error and the error it threw. */
  const run = async (...args: string[]) => {
    const program = new Command('footprint').exitOverride().configureOutput({ writeOut: (s) => void out.push(s), writeErr: (s) => void err.push(s) });
    indicators.register(program);
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(`${a.join(' ')}\n`));
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(`${a.join(' ')}\n`));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    try {
      await program.parseAsync(['node', 'footprint', 'indicators', ...args]);
      return { code: 0, stdout: out.join(''), stderr: err.join('') };
    } catch (thrown) {
      const code = (thrown as { exitCode?: number }).exitCode ?? 1;
      return { code, stdout: out.join(''), stderr: err.join('') + (code === 0 ? '' : `${(thrown as Error).message}\n`) };
    } finally {
      log.mockRestore();
      error.mockRestore();
      write.mockRestore();
    }
  };

  /** The real command line, for the exit status and standard error. */
  const bin_ = async (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, FOOTPRINT_DATA_DIR: join(dir, 'data'), FOOTPRINT_DEBUG: '' };
    delete env.DATABASE_URL;
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  it('lists the catalogue and says what each subcommand does', async () => {
    const list = await run('list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toBe('id\tgap\torigin\tlatest\tname');
    expect(lines).toContain(`${AE}\tcare-and-quality\timport\t-\tA&E four-hour performance`);
    const help = await run('import', '--help');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('any problem refuses the whole file');
    expect(help.stdout).toContain('--replace');
    expect((await run('--help')).stdout).toMatch(/list[\s\S]*show[\s\S]*import[\s\S]*export/);
  });

  it('refuses a bad file with one line per problem and writes nothing, then imports, shows and exports a good one', async () => {
    const bad = await file('bad.csv', `${HEADER}\n${AE},E54000008,footprint,2024-01,,72.5,,,,,,,,false\n${AE},E54000008,practice,2024-1,,x,,,,,,,,false\n`);
    const refused = await bin_('indicators', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      "row 3, column area_type: ae-four-hour-performance has no values for area type 'practice' (only england, footprint, place)",
      "row 3, column period: '2024-1' is not a month YYYY-MM (such as 2024-03)",
      "row 3, column value: 'x' is not a number",
      `footprint indicators: ${bad} has 3 problems: nothing was imported`,
    ]);
    expect((await run('export')).stdout).toBe(`${HEADER}\n`);

    const rows = [`${AE},E54000008,footprint,2024-01,,72.5,725,1000,69.6,75.2,68,76.7,,false`, `${AE},E54000008,footprint,2024-02,,,,,,,,,Not published,true`, `rtt-18-weeks,E92000001,england,2024-01,,58,,,,,,,,false`];
    const good = await file('good.csv', [HEADER, ...rows].join('\n') + '\n');
    const imported = await run('import', good);
    expect(imported).toMatchObject({ code: 0, stdout: `Imported 3 values of ${AE}, rtt-18-weeks from ${good}\n` });

    const out = join(dir, 'out.csv');
    expect((await run('export', '--indicator', AE, '-o', out)).stdout).toBe(`Wrote 2 values to ${out}\n`);
    expect(await readFile(out, 'utf8')).toBe([HEADER, rows[0], rows[1]].join('\n') + '\n');
    expect((await run('export', '--area', 'E92000001')).stdout).toBe(`${HEADER}\n${rows[2]}\n`);
    expect((await run('export', '--indicator', 'nope')).stderr).toContain('there is no indicator "nope"');

    const show = await run('show', AE);
    expect(show.stdout).toContain('Polarity: RAG - High is good (higher is better)');
    expect(show.stdout).toContain('footprint E54000008: 2 months to 2024-02; everyone (synthetic)');

    const replacement = await file('replace.csv', `${HEADER}\n${AE},E54000008,footprint,2024-03,,74,,,,,,,,false\n`);
    expect((await run('import', replacement, '--replace')).code).toBe(0);
    const after = (await run('export')).stdout.trim().split('\n');
    expect(after).toEqual([HEADER, `${AE},E54000008,footprint,2024-03,,74,,,,,,,,false`, rows[2]]);
    expect((await run('list')).stdout).toContain(`${AE}\tcare-and-quality\timport\t2024-03\t`);
  });
});
