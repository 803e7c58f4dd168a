import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '@footprint/server';
import * as client from '../src/commands/client';
import { openPlatform } from '../src/platform';

/** Runs `footprint client …` in-process and returns what it printed to stdout. */
async function runClient(args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  client.register(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'footprint', 'client', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

/** Asks a server on the same storage for a token with the given credentials; returns the status. */
async function tokenStatus(id: string, secret: string): Promise<{ status: number; scope?: string }> {
  const platform = await openPlatform();
  const app = buildServer(platform, { logger: false });
  try {
    const response = await app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: id, client_secret: secret } });
    return { status: response.statusCode, scope: (response.json() as { scope?: string }).scope };
  } finally {
    await app.close();
    await platform.close();
  }
}

describe('footprint client', () => {
  let dataDir: string;
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-client-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    if (previous.dir === undefined) delete process.env.FOOTPRINT_DATA_DIR;
    else process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url !== undefined) process.env.DATABASE_URL = previous.url;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds a client whose credentials work, lists it without its secret, and disables it', async () => {
    const printed = JSON.parse(
      await runClient(['add', '--name', 'Riverside GP system', '--organisation', 'Organization/riverside', '--ods', 'A81001', '--scope', 'system/Patient.rs system/Observation.cruds']),
    ) as { client_id: string; client_secret: string };
    expect(printed.client_id).toMatch(/^fp-/);
    expect(await tokenStatus(printed.client_id, printed.client_secret)).toEqual({ status: 200, scope: 'system/Patient.rs system/Observation.cruds' });

    const listed = await runClient(['list']);
    expect(listed).toContain(printed.client_id);
    expect(listed).toContain('Organization/riverside');
    expect(listed).not.toContain(printed.client_secret);

    await runClient(['disable', printed.client_id]);
    expect((await tokenStatus(printed.client_id, printed.client_secret)).status).toBe(401);
  });

  it('refuses a client without a valid organisation or with a non-SMART scope', async () => {
    await expect(runClient(['add', '--name', 'x', '--organisation', 'riverside'])).rejects.toThrow(/Organization\/abc/);
    await expect(runClient(['add', '--name', 'x', '--organisation', 'Organization/x', '--scope', 'everything'])).rejects.toThrow(/SMART/);
  });
});
