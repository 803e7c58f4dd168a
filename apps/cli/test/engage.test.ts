import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EnquiryStore } from '@footprint/engage';
import { buildProgram } from '../src/main';
import * as engage from '../src/commands/engage';
import { openPlatform } from '../src/platform';

/** Runs `footprint engage …` in-process against the configured storage and returns what it printed. */
async function run(args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  engage.register(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'footprint', 'engage', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

describe('footprint engage retention', { timeout: 180_000 }, () => {
  let dataDir: string;
  let old = '';
  let recent = '';
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL, days: process.env.FOOTPRINT_ENQUIRY_RETENTION_DAYS };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-engage-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    delete process.env.FOOTPRINT_ENQUIRY_RETENTION_DAYS;
    const platform = await openPlatform();
    try {
      const store = new EnquiryStore(platform.sql);
      const staff = { id: 'u1', name: 'Pat Lead' };
      for (const [days, message] of [[500, 'old'], [100, 'recent']] as const) {
        const { reference } = await store.receive({ topic: 'service', message, name: 'Jo Bloggs', email: 'jo@example.org' }, 'web');
        await store.close(reference, 'answered', staff);
        await platform.sql.query('UPDATE engage_enquiry SET closed_at = now() - make_interval(days => $2) WHERE reference = $1', [reference, days]);
        if (message === 'old') old = reference;
        else recent = reference;
      }
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url !== undefined) process.env.DATABASE_URL = previous.url;
    if (previous.days !== undefined) process.env.FOOTPRINT_ENQUIRY_RETENTION_DAYS = previous.days;
    await rm(dataDir, { recursive: true, force: true });
  });

  const messageOf = async (reference: string) => {
    const platform = await openPlatform();
    try {
      return (await new EnquiryStore(platform.sql).get(reference)).message;
    } finally {
      await platform.close();
    }
  };

  it('is listed with its help', () => {
    const help = buildProgram().commands.find((c) => c.name() === 'engage')?.commands.find((c) => c.name() === 'retention')?.helpInformation() ?? '';
    expect(help).toContain('--dry-run');
    expect(help).toContain('--days <days>');
  });

  it('counts on a dry run and changes nothing, then removes what is past the period and says so by kind', async () => {
    const dry = await run(['retention', '--dry-run']);
    expect(dry).toContain('dry run, nothing changed');
    expect(dry).toContain('closed enquiries: 1 (names 1, email addresses 1, messages 1, replies and notes 0, outgoing mail 0)');
    expect(await messageOf(old)).toBe('old');

    const done = await run(['retention']);
    expect(done).toMatch(/^Retention after 365 days .*: removed$/m);
    expect(done).toContain('closed enquiries: 1 (names 1');
    expect(await messageOf(old)).toBeNull();
    expect(await messageOf(recent)).toBe('recent');

    expect(await run(['retention', '--days', '30'])).toContain('closed enquiries: 1 (names 1');
    expect(await messageOf(recent)).toBeNull();
  });

  it('refuses a period that is not a whole number of days', async () => {
    await expect(run(['retention', '--days', 'soon'])).rejects.toThrow('--days must be a whole number of days from 1 to 36500, not "soon"');
  });
});
