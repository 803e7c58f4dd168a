import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '@footprint/server';
import type { FastifyInstance } from 'fastify';
import * as keys from '../src/commands/keys';
import * as token from '../src/commands/token';
import { openPlatform } from '../src/platform';

/** Runs `footprint <command> …` in-process and returns what it printed. */
async function run(command: 'token' | 'keys', args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  token.register(program);
  keys.register(program);
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void write(`${parts.join(' ')}\n`));
  try {
    await program.parseAsync(['node', 'footprint', command, ...args]);
    return write.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

const runToken = (args: string[]) => run('token', args);

describe('footprint token', () => {
  let dataDir: string;
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const previous = process.env.FOOTPRINT_DATA_DIR;
  const previousUrl = process.env.DATABASE_URL;

  /** Opens the embedded storage in the data directory, as footprint serve would, and a server on it. */
  async function reopen(): Promise<void> {
    const platform = await openPlatform();
    app = buildServer(platform, { logger: false });
    await app.ready();
    close = async () => {
      await app.close();
      await platform.close();
    };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-cli-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    await reopen();
  });
  afterAll(async () => {
    await close?.();
    if (previous === undefined) delete process.env.FOOTPRINT_DATA_DIR;
    else process.env.FOOTPRINT_DATA_DIR = previous;
    if (previousUrl !== undefined) process.env.DATABASE_URL = previousUrl;
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

  it('revokes a token (footprint token revoke): the server refuses it at once, other tokens still work', async () => {
    const revoked = (await runToken([])).trim();
    const kept = (await runToken([])).trim();
    const fhir = (bearer: string) => app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { authorization: `Bearer ${bearer}` } });
    expect((await fhir(revoked)).statusCode).toBe(200);
    // PGlite allows one process: the command opens the same embedded storage, so the test server closes first (as with footprint client).
    await close();
    try {
      expect(await runToken(['revoke', revoked])).toMatch(/^Revoked token /);
      await expect(runToken(['revoke', 'not-a-token'])).rejects.toThrow(/not an access token this Footprint issued/);
      await expect(runToken(['revoke'])).rejects.toThrow(/Give the token to revoke, or --jti/);
    } finally {
      await reopen();
    }
    expect((await fhir(revoked)).statusCode).toBe(401);
    expect((await fhir(kept)).statusCode).toBe(200);
  });

  it('rotates the signing key (footprint keys rotate): old tokens still verify, new ones use the new key', async () => {
    const before = (await runToken([])).trim();
    const kidOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
    const printed = await run('keys', ['rotate']);
    const newKid = /New signing key (\S+)/.exec(printed)?.[1];
    expect(newKid).toBeTruthy();
    expect(printed).toContain(`Still verifying: ${kidOf(before)}`);
    const after = (await runToken([])).trim();
    expect(kidOf(after)).toBe(newKid);
    for (const jwt of [before, after]) {
      expect((await app.inject({ method: 'GET', url: '/fhir/R4/Patient', headers: { authorization: `Bearer ${jwt}` } })).statusCode).toBe(200);
    }
    const listed = await run('keys', ['list']);
    expect(listed).toMatch(new RegExp(`${newKid}\\s+current`));
    expect(listed).toMatch(new RegExp(`${kidOf(before)}\\s+verifying`));
    const jwks = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([newKid, kidOf(before)].sort());
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
