import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/footprint.js', import.meta.url));

describe('footprint spc', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'footprint-cli-spc-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, FOOTPRINT_DATA_DIR: dir, FOOTPRINT_DEBUG: '' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  // 10, 12, 10, 12 … (mean 11, limits 5.68–16.32), then 20 on 2024-01-13
  const rows = [...Array.from({ length: 12 }, (_v, i) => (i % 2 === 0 ? 10 : 12)), 20].map((v, i) => `2024-01-${String(i + 1).padStart(2, '0')},${v}`);

  it('writes the series with mean, limits, point type, rule and assurance', async () => {
    const input = await file('good.csv', ['date,value', ...rows].join('\n'));
    const result = await run('spc', input, '--target', '5', '--fix-after', '12');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('date,value,mean,lpl,upl,point_type,rule,assurance');
    expect(lines[1]).toBe('2024-01-01,10,11,5.68,16.32,common_cause,,consistent_pass');
    expect(lines[13]).toBe('2024-01-13,20,11,5.68,16.32,special_cause_improvement,outside_limits,consistent_pass');
  });

  it('follows --improvement, --rebase, --profile and --out', async () => {
    const input = await file('good2.csv', ['date,value', ...rows].join('\n'));
    const out = join(dir, 'out.csv');
    const result = await run('spc', input, '--improvement', 'decrease', '--profile', 'mdc', '--rebase', '2024-01-03', '--out', out);
    expect(result.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[1].split(',')[2]).toBe('11');
    expect(lines[3].split(',')[2]).not.toBe('11');
    // the first group (2 points) is short: a warning on stderr
    expect(result.stderr).toContain('footprint spc: warning: The group from 2024-01-01 has 2 points, fewer than 13');
  });

  it.each([
    ['missing.csv', 'when,value\n2024-01-01,1\n2024-01-02,2\n', 'no "date" column'],
    ['nan.csv', 'date,value\n2024-01-01,1\n2024-01-02,x\n', 'row 3: the value "x" is not a number'],
    ['dup.csv', 'date,value\n2024-01-01,1\n2024-01-01,2\n', 'the date 2024-01-01 appears more than once'],
    ['few.csv', 'date,value\n2024-01-01,1\n', 'SPC needs at least 2 points'],
  ])('says what is wrong with %s in one line and exits 1', async (name, text, message) => {
    const result = await run('spc', await file(name, text));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`footprint spc: `);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad option', async () => {
    const input = await file('good3.csv', ['date,value', ...rows].join('\n'));
    const result = await run('spc', input, '--improvement', 'up');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--improvement must be increase, decrease or neutral');
    expect((await run('spc', input, '--fix-after', '11')).stderr).toContain('at least 12');
  });

  it('describes itself in --help', async () => {
    const result = await run('spc', '--help');
    expect(result.stdout).toContain('Statistical process control');
    expect(result.stdout).toContain('--improvement');
    expect(result.stdout).toContain('--profile');
  });
});
