import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRecord } from '@footprint/record';
import { openWarehouseHandle } from '@footprint/warehouse';
import { buildServer, platformMigrations } from '@footprint/server';
import { openOnTestStorage } from '@footprint/testing';
import type { FastifyInstance } from 'fastify';
import * as token from '../src/commands/token';

/** Runs `footprint token …` in-process and returns what it printed. */
async function runToken(args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  token.register(program);
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'footprint', 'token', ...args]);
    return write.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    write.mockRestore();
  }
}

describe('footprint token', () => {
  let dataDir: string;
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const previous = process.env.FOOTPRINT_DATA_DIR;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-cli-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    const opened = await openOnTestStorage('pglite', 'fp_cli', (at) => createRecord({ ...at, migrations: platformMigrations }));
    app = buildServer({ record: opened.repo, sql: opened.sql, dataDir, warehouse: openWarehouseHandle({ dataDir }) }, { logger: false });
    await app.ready();
    close = async () => {
      await app.close();
      await opened.close();
    };
  });
  afterAll(async () => {
    await close?.();
    if (previous === undefined) delete process.env.FOOTPRINT_DATA_DIR;
    else process.env.FOOTPRINT_DATA_DIR = previous;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints a token the server accepts, for the administrator in credentials.json', async () => {
    const printed = (await runToken([])).trim();
    expect(printed.split('.')).toHaveLength(3);
    const response = await app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { authorization: `Bearer ${printed}` } });
    expect(response.statusCode).toBe(200);
  });

  it('narrows the token to the scopes asked for', async () => {
    const printed = (await runToken(['--scope', 'system/Patient.rs'])).trim();
    expect((await app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { authorization: `Bearer ${printed}` } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/fhir/R4/Observation', headers: { authorization: `Bearer ${printed}` } })).statusCode).toBe(403);
    await expect(runToken(['--scope', 'user/Patient.r'])).rejects.toThrow(/None of the requested scopes/);
  });

  it('says how to get credentials when there are none', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'footprint-cli-empty-'));
    process.env.FOOTPRINT_DATA_DIR = empty;
    try {
      await expect(runToken([])).rejects.toThrow(/start the server once/);
    } finally {
      process.env.FOOTPRINT_DATA_DIR = dataDir;
      await rm(empty, { recursive: true, force: true });
    }
  });
});
