import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AuditEvent } from '@footprint/fhir';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemContext } from '@footprint/record';
import { buildServer } from '@footprint/server';
import * as user from '../src/commands/user';
import { openPlatform } from '../src/platform';

const bin = fileURLToPath(new URL('../bin/footprint.js', import.meta.url));

/** Runs `footprint user …` in-process against the configured storage and returns what it printed. */
async function runUser(args: string[]): Promise<string> {
  const program = new Command('footprint').exitOverride();
  user.register(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await program.parseAsync(['node', 'footprint', 'user', ...args]);
    return log.mock.calls.map((c) => c.join(' ')).join('\n');
  } finally {
    log.mockRestore();
  }
}

const temporaryPassword = (printed: string) => /Temporary password: (\S+)/.exec(printed)?.[1] ?? '';

/** Signs in through a server on the same storage, as the web app would; returns the status and the user. */
async function signIn(username: string, password: string): Promise<{ status: number; mustChangePassword?: boolean; title?: string }> {
  const platform = await openPlatform();
  const app = buildServer(platform, { logger: false, bootstrapAdministrator: false });
  try {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    const body = response.json() as { user?: { mustChangePassword: boolean }; title?: string };
    return { status: response.statusCode, mustChangePassword: body.user?.mustChangePassword, title: body.title };
  } finally {
    await app.close();
    await platform.close();
  }
}

// Each step opens embedded storage (PGlite) afresh, as the command does: give the steps room on a busy machine.
describe('footprint user', { timeout: 180_000 }, () => {
  let dataDir: string;
  const previous = { dir: process.env.FOOTPRINT_DATA_DIR, url: process.env.DATABASE_URL };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-user-'));
    process.env.FOOTPRINT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    const platform = await openPlatform();
    await platform.record.create(systemContext(), {
      resourceType: 'Organization',
      name: 'Riverside Surgery',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }],
    });
    await platform.close();
  });
  afterAll(async () => {
    if (previous.dir === undefined) delete process.env.FOOTPRINT_DATA_DIR;
    else process.env.FOOTPRINT_DATA_DIR = previous.dir;
    if (previous.url !== undefined) process.env.DATABASE_URL = previous.url;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds the first administrator and a GP, each with a temporary password that must be changed', async () => {
    const admin = await runUser(['add', 'first.admin', '--name', 'First Administrator', '--role', 'administrator']);
    expect(admin).toContain('Added first.admin (Administrator, R8008).');
    const adminPassword = temporaryPassword(admin);
    expect(adminPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);

    const gp = await runUser(['add', 'asha.patel', '--name', 'Dr Asha Patel', '--role', 'gp_clinician', '--organisation', 'N81001']);
    expect(gp).toContain('Added asha.patel (GP practice clinician, R8000) at Riverside Surgery (N81001).');
    expect(await signIn('asha.patel', temporaryPassword(gp))).toMatchObject({ status: 200, mustChangePassword: true });

    const listed = await runUser(['list']);
    expect(listed).toMatch(/first\.admin\s+active \(temporary password\)\s+R8008\s+Administrator\s+-\s+First Administrator/);
    expect(listed).toMatch(/asha\.patel\s+.*R8000\s+GP practice clinician\s+Riverside Surgery \(N81001\)/);
    expect(listed).not.toContain(adminPassword);
    const json = JSON.parse(await runUser(['list', '--json'])) as Array<{ username: string; role: { code: string } }>;
    expect(json.map((u) => [u.username, u.role.code])).toEqual([
      ['asha.patel', 'R8000'],
      ['first.admin', 'R8008'],
    ]);
  });

  it('refuses an unknown role, an ambiguous code, an unknown organisation, a duplicate username and an unknown user', async () => {
    await expect(runUser(['add', 'sam.okafor', '--name', 'Sam', '--role', 'surgeon'])).rejects.toThrow(/"surgeon" is not a role/);
    await expect(runUser(['add', 'sam.okafor', '--name', 'Sam', '--role', 'R8000', '--organisation', 'N81001'])).rejects.toThrow(/give the role by name/);
    await expect(runUser(['add', 'sam.okafor', '--name', 'Sam', '--role', 'social_worker', '--organisation', 'Y99999'])).rejects.toThrow(/No organisation with ODS code Y99999/);
    await expect(runUser(['add', 'asha.patel', '--name', 'Again', '--role', 'analyst'])).rejects.toThrow(/already a user "asha.patel"/);
    await expect(runUser(['disable', 'nobody'])).rejects.toThrow(/There is no user "nobody"/);
    await expect(runUser(['set-role', 'nobody', 'analyst'])).rejects.toThrow(/There is no user "nobody"/);
    expect(await runUser(['list'])).not.toContain('sam.okafor');
  });

  it('sets a role by its unambiguous RBAC code, disables, enables and resets a password, auditing each change', async () => {
    expect(await runUser(['set-role', 'asha.patel', 'R0001'])).toContain('now has the role Privacy officer');
    expect(await runUser(['disable', 'asha.patel'])).toContain('Disabled asha.patel');
    const reset = await runUser(['reset-password', 'asha.patel']);
    const password = temporaryPassword(reset);
    expect(await signIn('asha.patel', password)).toMatchObject({ status: 403, title: 'Your account is disabled' });
    await runUser(['enable', 'asha.patel']);
    expect(await signIn('asha.patel', password)).toMatchObject({ status: 200, mustChangePassword: true });
    await expect(runUser(['disable', 'first.admin'])).rejects.toThrow(/no active administrator/);

    const platform = await openPlatform();
    try {
      const { rows } = await platform.sql.query<{ content: AuditEvent | string }>(`SELECT content FROM audit_event ORDER BY rid`);
      const events = rows.map((r) => (typeof r.content === 'string' ? (JSON.parse(r.content) as AuditEvent) : r.content)).filter((e) => e.type?.code === '110113');
      expect(events.map((e) => `${e.entity?.[0].name} ${e.subtype?.[1].code}`)).toEqual([
        'first.admin add',
        'asha.patel add',
        'asha.patel set-role',
        'asha.patel disable',
        'asha.patel reset-password',
        'asha.patel enable',
      ]);
      expect(events[0].agent[0].who?.identifier?.value).toMatch(/^footprint-cli:/);
      expect(JSON.stringify(events)).not.toContain(password);
    } finally {
      await platform.close();
    }
  });

  it('runs as the real command: --help, and one line with exit status 1 for bad input', async () => {
    const run = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, FOOTPRINT_DATA_DIR: dataDir, FOOTPRINT_DEBUG: '' } });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const help = await run('user', '--help');
    expect(help.code).toBe(0);
    for (const command of ['add', 'list', 'disable', 'enable', 'reset-password', 'set-role']) expect(help.stdout).toContain(command);
    const addHelp = await run('user', 'add', '--help');
    expect(addHelp.stdout).toContain('--organisation <ODS code>');

    const badRole = await run('user', 'add', 'sam.okafor', '--name', 'Sam', '--role', 'surgeon');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('footprint user: Unknown role: "surgeon" is not a role.');
    const unknown = await run('user', 'enable', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('footprint user: Unknown user: There is no user "nobody".');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
