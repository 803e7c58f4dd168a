import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Organization } from '@footprint/fhir';
import { ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, PartnershipStore, registerItemKinds, text, type ItemKind } from '@footprint/partnership';
import { systemContext } from '@footprint/record';
import { upsertUser } from '@footprint/server';
import * as partnership from '../src/commands/partnership';
import { openPlatform } from '../src/platform';

const RISK: ItemKind<{ title: string; score: number }> = {
  kind: 'cli-test-risk',
  label: 'test risk',
  schema: z.object({ title: text(100), score: z.number().int().min(1).max(25) }).strict(),
  title: (d) => d.title,
};
registerItemKinds(RISK as ItemKind<never>);

/** Runs `footprint partnership …` in-process against the configured storage and returns what it printed. */
async function run(args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  partnership.register(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'footprint', 'partnership', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

describe('footprint partnership export and import', { timeout: 180_000 }, () => {
  let dataDir: string;
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-partnership-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    const platform = await openPlatform();
    try {
      await platform.record.create<Organization>(systemContext(), {
        resourceType: 'Organization',
        name: 'Cheshire and Merseyside Health and Care Partnership',
        identifier: [{ system: ONS_SYSTEM, value: 'E54000008' }],
        type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: 'partnership' }] }],
      });
      await upsertUser(platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Helen Jones', password: 'lead password long', organisation: { code: 'QYG', name: 'Partnership' } });
      await upsertUser(platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Asha Patel', password: 'gp password long', organisation: { code: 'N81001', name: 'Surgery' } });
      const store = new PartnershipStore(platform.sql);
      await store.create(RISK, { footprint: 'E54000008', id: 'risk-1', data: { title: 'Workforce gaps', score: 16 } }, { id: 'seed', name: 'Seed', role: 'system' });
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url !== undefined) process.env.DATABASE_URL = previous.url;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exports a kind to a file, and imports the edited file as one update by the named user', async () => {
    const file = join(dataDir, 'risks.csv');
    expect(await run(['export', '--kind', 'cli-test-risk', '--out', file])).toBe(`Wrote 1 cli-test-risk item of E54000008 to ${file}`);
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,parent_id,version,updated_at,updated_by,title,score');
    await writeFile(file, csv.replace(',16\r\n', ',20\r\n'));
    expect(await run(['import', '--kind', 'cli-test-risk', file, '--user', 'lead'])).toBe(`Imported ${file} into E54000008 (cli-test-risk): 0 created, 1 updated, 0 unchanged`);
    const platform = await openPlatform();
    try {
      const [latest] = await new PartnershipStore(platform.sql).history('risk-1');
      expect([latest.change, latest.changedBy.name, latest.changedFields, (latest.data as { score: number }).score]).toEqual(['imported', 'Helen Jones', ['score'], 20]);
    } finally {
      await platform.close();
    }
    expect(await run(['kinds'])).toContain('cli-test-risk\ttest risk');
  });

  it('says plainly what is wrong, and imports nothing', async () => {
    const file = join(dataDir, 'bad.csv');
    await writeFile(file, 'id,title,score\r\n,New risk,99\r\n');
    await expect(run(['import', '--kind', 'cli-test-risk', file])).rejects.toThrow(/^Invalid test risk CSV: Nothing was imported\. row 2, column score: /);
    await expect(run(['import', '--kind', 'no-such-kind', file])).rejects.toThrow(/^No such kind: .*cli-test-risk/);
    await expect(run(['import', '--kind', 'cli-test-risk', file, '--user', 'gp'])).rejects.toThrow('may not edit the partnership');
    await expect(run(['export'])).rejects.toThrow(/--kind/);
  });
});
