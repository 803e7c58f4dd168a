import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/footprint.js', import.meta.url));

const HEADER =
  'id,age,sex,b_AF,b_atypicalantipsy,b_corticosteroids,b_impotence2,b_migraine,b_ra,b_renal,b_semi,b_sle,b_treatedhyp,b_type1,b_type2,bmi,ethrisk,fh_cvd,rati,sbp,sbps5,smoke_cat,town';
// Rows from the published test vectors (CRAN QRISK3 0.6.0, data/QRISK3_2019_test.RData, ClinRisk's C
// algorithm scores: vectors 1, 3, 26 and 49), BMI 80 kg at 178 cm and smoking recoded to ClinRisk's 0–4.
const BMI = (80 / 1.78 ** 2).toString();
const PUBLISHED = [
  ['v1', `v1,64,female,0,0,0,0,0,0,0,0,0,0,0,0,${BMI},2,0,4,180,20,0,0`, '17.2'],
  ['v3', `v3,64,female,1,0,0,0,0,0,0,0,0,0,0,0,${BMI},2,0,4,180,20,0,0`, '36.0'],
  ['v26', `v26,64,male,0,0,0,0,0,0,0,0,0,0,0,0,${BMI},2,0,4,180,20,0,0`, '27.1'],
  ['v49', `v49,64,male,0,0,0,0,0,0,0,0,0,0,0,0,${BMI},2,0,4,180,20,2,0`, '36.0'],
] as const;

describe('footprint risk qrisk3', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'footprint-cli-risk-'));
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

  it('writes the same rows with a qrisk3 column, ClinRisk\'s published scores, to standard output', async () => {
    const input = await file('good.csv', [HEADER, ...PUBLISHED.map(([, row]) => row)].join('\n'));
    const result = await run('risk', 'qrisk3', '--in', input);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe([`${HEADER},qrisk3`, ...PUBLISHED.map(([, row, score]) => `${row},${score}`)].join('\n') + '\n');
    expect(result.stderr).toContain('Inaccurate implementations of risk scores can lead to wrong patients being given the wrong treatment.');
  });

  it('uses the stand-ins for blank conditions, ethnicity and Townsend score, and keeps other columns and quoting', async () => {
    const blanks = `"Smith, practice 1",64,male,,,,,,,,,,,,,${BMI},,,4,180,20,0,`;
    const explicit = `x,64,male,0,0,0,0,0,0,0,0,0,0,0,0,${BMI},1,0,4,180,20,0,0`;
    const result = await run('risk', 'qrisk3', '--in', await file('blanks.csv', [HEADER, blanks, explicit].join('\n')));
    expect(result.code).toBe(0);
    const [, first, second] = result.stdout.trim().split('\n');
    expect(first.startsWith('"Smith, practice 1",64,male,')).toBe(true);
    expect(first.split(',').at(-1)).toBe(second.split(',').at(-1));
  });

  it('writes --out whole, and names the file on standard error', async () => {
    const out = join(dir, 'scored.csv');
    const result = await run('risk', 'qrisk3', '--in', await file('good2.csv', [HEADER, PUBLISHED[2][1]].join('\n')), '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Scored 1 row with QRISK3-2017 into ${out}`);
    expect((await readFile(out, 'utf8')).trim().split('\n')[1]).toBe(`${PUBLISHED[2][1]},27.1`);
  });

  it('names the line, row and column of every bad row, exits 1 and writes nothing to --out', async () => {
    const rows = [
      PUBLISHED[0][1],
      `bad1,90,female,0,0,0,0,0,0,0,0,0,0,0,0,${BMI},2,0,4,180,20,0,0`,
      `bad2,64,male,0,0,0,0,0,0,0,0,0,0,0,0,${BMI},2,0,,abc,20,7,0`,
    ];
    const out = join(dir, 'never.csv');
    const result = await run('risk', 'qrisk3', '--in', await file('bad.csv', [HEADER, ...rows].join('\n')), '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('footprint risk: 2 rows cannot be scored, so nothing was scored:');
    expect(result.stderr).toContain('line 3 (row 2), column age: must be in the range 25 to 84, not 90');
    expect(result.stderr).toContain('line 4 (row 3), column sbp: "abc" is not a number');
    expect(result.stdout).toBe('');
    expect((await readdir(dir)).filter((name) => name.includes('never'))).toEqual([]);
  });

  it.each([
    ['nohead.csv', 'id,age\nx,64\n', 'the header has no column sex'],
    ['case.csv', HEADER.replace('b_AF', 'b_af') + '\n', 'b_AF (the header has "b_af": names are case-sensitive)'],
    ['dup.csv', `${HEADER},age\n`, 'the column "age" appears more than once'],
    ['empty.csv', '', 'the CSV is empty'],
  ])('refuses %s in one clear message', async (name, text, message) => {
    const result = await run('risk', 'qrisk3', '--in', await file(name, text));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('refuses a file it cannot read, and a missing --in', async () => {
    expect((await run('risk', 'qrisk3', '--in', join(dir, 'absent.csv'))).stderr).toContain('Cannot read');
    const missing = await run('risk', 'qrisk3');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("required option '--in <file>' not specified");
  });

  it('explains the columns, the codes, the missing-value rules and prints the disclaimer in --help', async () => {
    const result = await run('risk', 'qrisk3', '--help');
    expect(result.code).toBe(0);
    for (const text of ['smoke_cat', '4 heavy smoker', '1 White or not stated', '9 Other ethnic group', 'town', '(blank: 0)', 'ClinRisk Ltd.', 'Inaccurate implementations of risk scores']) {
      expect(result.stdout).toContain(text);
    }
  });
});
