import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { createRecord, systemContext, type SqlClient } from '@footprint/record';

const bin = fileURLToPath(new URL('../bin/footprint.js', import.meta.url));

/** Every path under `dir` with its permission bits. */
async function modes(dir: string): Promise<Array<[string, number, boolean]>> {
  const out: Array<[string, number, boolean]> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push([path, (await stat(path)).mode & 0o777, entry.isDirectory()]);
  }
  return out;
}

describe('footprint audit verify on an embedded record', { timeout: 480_000 }, () => {
  let dataDir: string;
  const run = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, FOOTPRINT_DATA_DIR: dataDir, DATABASE_URL: '', FOOTPRINT_DEBUG: '' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  /** Changes the audit as its owner could, with the append-only and chain triggers lifted, in the closed data directory. */
  const asOwner = async (sql: string) => {
    const record = await createRecord({ dataDir });
    try {
      await record.sql.transaction(async (tx: SqlClient) => {
        await tx.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
        await tx.query(sql);
        await tx.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
      });
    } finally {
      await record.close();
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-cli-audit-'));
    const record = await createRecord({ dataDir });
    const { resource } = await record.repo.create<Organization>(systemContext(), { resourceType: 'Organization', name: 'Audited' });
    for (let i = 0; i < 5; i++) await record.repo.read(systemContext('TREAT', `reader-${i}`), 'Organization', resource.id!);
    await record.close();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('has --help naming verify and head', async () => {
    const help = await run('audit', '--help');
    expect(help.stdout).toMatch(/verify/);
    expect(help.stdout).toMatch(/head/);
  });

  it('passes an intact chain, records its head, and keeps the data directory private (0700 directories, 0600 files)', async () => {
    const result = await run('audit', 'verify');
    expect(result.stderr).not.toMatch(/broken/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/The audit chain is intact: 6 entries, head 6 [0-9a-f]{64}/);
    const head = await run('audit', 'head');
    expect(head.stdout).toMatch(/Audit chain head 6 [0-9a-f]{64} already recorded/);
    const all = await modes(dataDir);
    expect(all.some(([path]) => path.endsWith('audit-head.jsonl'))).toBe(true);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(([, mode, isDir]) => mode !== (isDir ? 0o700 : 0o600))).toEqual([]);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('exits 1 naming the first broken link when a row is changed, removed or inserted by the owner', async () => {
    await asOwner(`UPDATE audit_event SET content = replace(content, '"outcome":"0"', '"outcome":"8"') WHERE chain_seq = 3`);
    const changed = await run('audit', 'verify');
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('footprint audit: the audit chain is broken at entry 3 (changed)');
    expect(changed.stderr).toContain('2 entries before it are intact');

    await asOwner('DELETE FROM audit_event WHERE chain_seq = 3');
    const missing = await run('audit', 'verify');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('broken at entry 3 (missing)');

    await asOwner(`INSERT INTO audit_event (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content, chain_seq, prev_hash, hash)
      SELECT nextval('resource_rid_seq'), 'forged', 0, last_updated, organisation, patient_id, action, outcome, content, 3, prev_hash, hash FROM audit_event WHERE chain_seq = 4`);
    const inserted = await run('audit', 'verify');
    expect(inserted.code).toBe(1);
    expect(inserted.stderr).toMatch(/broken at entry 3 \((changed|inserted)\)/);

    // The whole tail removed and the head moved back with it: only the head written outside the database tells.
    await asOwner('DELETE FROM audit_event WHERE chain_seq >= 3');
    await asOwner("UPDATE audit_chain_head SET seq = 2, hash = (SELECT hash FROM audit_event WHERE chain_seq = 2)");
    const truncated = await run('audit', 'verify');
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('broken at entry 3 (missing)');
    expect(truncated.stderr).toMatch(/entry 6 was recorded outside the database/);
  });

  it('refuses to start the server on a data directory other users can read, naming it and the chmod fix', async () => {
    await chmod(dataDir, 0o755);
    try {
      const result = await run('serve', '--port', '0');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`footprint serve: The data directory ${dataDir} can be read by other users (mode 755)`);
      expect(result.stderr).toContain(`chmod -R go-rwx ${dataDir}`);
    } finally {
      await chmod(dataDir, 0o700);
    }
  });
});
