import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext } from '@footprint/record';
import { createContext, directoryResources } from '@footprint/synth';
import * as registerCommand from '../src/commands/register';
import { openPlatform } from '../src/platform';

async function run(args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command('footprint').exitOverride();
  registerCommand.register(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'footprint', 'register', ...args]);
    return { out: log.mock.calls.map((c) => c.join(' ')).join('\n'), err: error.mock.calls.map((c) => c.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

// Each step opens embedded storage (PGlite) afresh, as the command does.
describe('footprint register export|import', { timeout: 240_000 }, () => {
  let work: string;
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL };
  const useDataDir = (name: string) => (process.env.FOOTPRINT_DATA_DIR = join(work, name));

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'footprint-register-'));
    delete process.env.DATABASE_URL;
    useDataDir('source');
    const platform = await openPlatform();
    try {
      await platform.record.importBatch(systemContext('SYSADMIN', 'test'), directoryResources(createContext({ footprint: 'cheshire-and-merseyside', people: 200, seed: 2 }).directory));
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url) process.env.DATABASE_URL = previous.url;
    await rm(work, { recursive: true, force: true });
  });

  it('exports the register, refuses a bad copy writing nothing, and imports it into an empty footprint as the same register', async () => {
    useDataDir('source');
    const file = join(work, 'register.csv');
    const exported = await run(['export', '--out', file]);
    expect(exported.err).toMatch(/^Wrote \d+ rows to /);
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^ods_code,ons_code,name,kind,role,start,end,member_of,/);

    useDataDir('empty');
    const lines = csv.split('\r\n');
    lines[6] = lines[6].replace(/,nhs-[a-z]+,|,gp-practice,|,primary-care-network,|,member,|,vcse,|,local-authority,/, ',chief,');
    const bad = join(work, 'bad.csv');
    await writeFile(bad, lines.join('\r\n'));
    await expect(run(['import', bad])).rejects.toThrow(/Row 7, column role/);
    await run(['export', '--out', join(work, 'empty.csv')]);
    expect((await readFile(join(work, 'empty.csv'), 'utf8')).split('\r\n').filter(Boolean)).toHaveLength(1);

    const imported = await run(['import', file]);
    expect(imported.out).toMatch(/Organisations: \d+ created, 0 updated, 0 unchanged\. Memberships: \d+ created, 0 updated, 0 unchanged\./);
    await run(['export', '--out', join(work, 'again.csv')]);
    expect(await readFile(join(work, 'again.csv'), 'utf8')).toBe(csv);
  });

  it('says how to use each command', () => {
    const program = new Command('footprint');
    registerCommand.register(program);
    const register = program.commands.find((c) => c.name() === 'register')!;
    expect(register.helpInformation()).toContain('export');
    expect(register.commands.find((c) => c.name() === 'import')!.helpInformation()).toContain('<file>');
  });
});
