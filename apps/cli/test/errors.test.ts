import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/footprint.js', import.meta.url));

describe('footprint on bad input', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-cli-errors-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, FOOTPRINT_DATA_DIR: dataDir, FOOTPRINT_DEBUG: '' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it.each([
    [['generate', '--people', 'abc'], 'footprint generate: --people must be a whole number from 1 to 909090 (got "abc")'],
    [['import', join(tmpdir(), 'no-such-footprint-file.ndjson')], 'footprint import: Cannot read'],
    [['serve', '--port', '99999'], 'footprint serve: Not a TCP port: 99999'],
    [['warehouse', 'build', '--engine', 'foo'], 'footprint warehouse: --engine must be duckdb or postgres, not "foo"'],
  ])('footprint %j says what is wrong in one line and exits 1', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
