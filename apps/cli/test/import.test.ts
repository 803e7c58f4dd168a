import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bundle } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import * as importCommand from '../src/commands/import';
import { openPlatform } from '../src/platform';

/** Runs `footprint import …` in-process against embedded storage in a temporary data directory. */
async function runImport(args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  importCommand.register(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'footprint', 'import', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('footprint import', () => {
  let dataDir: string;
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-import-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    const patients = Array.from({ length: 3 }, (_, i) => JSON.stringify({ resourceType: 'Patient', id: `imp-${i}`, name: [{ family: `Imported${i}` }] }));
    await writeFile(join(dataDir, 'patients.ndjson'), patients.join('\n') + '\n{"resourceType":"Patient","birthDate":"not a date"}\n');
  });
  afterAll(async () => {
    if (previous.dir === undefined) delete process.env.FOOTPRINT_DATA_DIR;
    else process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url !== undefined) process.env.DATABASE_URL = previous.url;
    process.exitCode = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports a file, reports the invalid line, and creates no duplicates when run again', async () => {
    const summary = await runImport([join(dataDir, 'patients.ndjson')]);
    expect(summary).toMatch(/3 created/);
    expect(summary).toMatch(/1 failed/);
    expect(summary).toMatch(/line 4/);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;

    const again = await runImport([join(dataDir, 'patients.ndjson'), '--force']);
    expect(again).toMatch(/0 created/);

    const platform = await openPlatform();
    try {
      const found = await platform.record.search(systemContext(), 'Patient', [['_total', 'accurate']]);
      expect(found.total).toBe(3);
    } finally {
      await platform.close();
    }
  });

  it('refuses a bad batch size before touching storage', async () => {
    await expect(runImport(['--batch-size', '0', join(dataDir, 'patients.ndjson')])).rejects.toThrow(/batch-size/);
  });

  it('imports a transaction Bundle file', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ fullUrl: 'urn:uuid:3f1e2d4c-0000-4000-8000-000000000001', resource: { resourceType: 'Organization', name: 'Harbour Surgery' }, request: { method: 'POST', url: 'Organization' } }],
    };
    await writeFile(join(dataDir, 'bundle.json'), JSON.stringify(bundle));
    const summary = await runImport([join(dataDir, 'bundle.json')]);
    expect(summary).toMatch(/1 created/);
  });
});
