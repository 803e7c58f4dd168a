import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFootprint } from '@footprint/synth';
import { buildWarehouseFromNdjson } from '@footprint/warehouse';
import { IndicatorValueStore, lastCompleteMonth, latestDataDate } from '@footprint/performance';
import { registerIndicatorsCompute } from '../src/commands/indicators-compute';
import { openPlatform } from '../src/platform';

/**
 * `footprint indicators compute` on a warehouse built from a generated footprint, through the
 * platform's store (embedded PGlite in a temporary data directory). The command is mounted on a
 * bare `indicators` command here, as `footprint indicators` mounts it.
 */
let dir: string;
const HYPERTENSION = readFileSync(fileURLToPath(new URL('../../../codelists/snomed/hypertension.csv', import.meta.url)), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0].trim())
  .filter(Boolean)
  .map((code) => `'${code}'`)
  .join(', ');
const saved = { dataDir: process.env.FOOTPRINT_DATA_DIR, databaseUrl: process.env.DATABASE_URL };

async function run(dataDir: string, ...args: string[]): Promise<string> {
  process.env.FOOTPRINT_DATA_DIR = dataDir;
  const program = new Command().exitOverride();
  registerIndicatorsCompute(program.command('indicators').exitOverride());
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    await program.parseAsync(['node', 'footprint', 'indicators', 'compute', ...args]);
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  dir = await mkdtemp(join(tmpdir(), 'footprint-cli-indicators-'));
  await writeFootprint({ footprint: 'cheshire-and-merseyside', people: 300, seed: 5, outDir: join(dir, 'out') });
  await buildWarehouseFromNdjson(join(dir, 'out'), { dataDir: join(dir, 'data'), workers: 0 });
  await chmod(join(dir, 'data'), 0o700);
}, 240_000);

afterAll(async () => {
  process.env.FOOTPRINT_DATA_DIR = saved.dataDir;
  if (saved.databaseUrl !== undefined) process.env.DATABASE_URL = saved.databaseUrl;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('footprint indicators compute', { timeout: 240_000 }, () => {
  it('stores the values it computes, reconciled with the warehouse, and a rerun replaces them', async () => {
    const args = ['--footprint', 'E54000008', '--months', '6', '--indicator', 'register-prevalence-hypertension,ae-attendances-per-1000'];
    const out = await run(join(dir, 'data'), ...args);
    // Cheshire and Merseyside's nine local authorities, though the warehouse's places table lists other footprints' too.
    expect(out).toMatch(/^Stored [\d,]+ values of 2 indicators, \d{4}-\d{2} to \d{4}-\d{2}, for E54000008, 9 places and \d+ practices$/);
    const platform = await openPlatform({ dataDir: join(dir, 'data') });
    try {
      const store = new IndicatorValueStore(platform.sql);
      const stored = await store.list();
      expect(new Set(stored.map((v) => v.indicatorId))).toEqual(new Set(['register-prevalence-hypertension', 'ae-attendances-per-1000']));
      const last = lastCompleteMonth((await latestDataDate(platform.warehouse))!);
      const footprint = stored.find((v) => v.indicatorId === 'register-prevalence-hypertension' && v.areaType === 'footprint' && v.breakdown === '' && v.period === last)!;
      const end = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const [direct] = await platform.warehouse.query<{ registered: number | bigint; on_register: number | bigint }>(
        `SELECT count(*) AS registered, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM clinical_events e WHERE e.patient_key = p.patient_key AND e.code IN (${HYPERTENSION}) AND e.date <= DATE '${end}')) AS on_register
         FROM patients p WHERE p.practice_code IS NOT NULL AND p.date_of_birth <= DATE '${end}' AND (p.date_of_death IS NULL OR p.date_of_death >= DATE '${end}')`,
      );
      expect([footprint.numerator, footprint.denominator]).toEqual([Number(direct.on_register), Number(direct.registered)]);
      expect(stored.filter((v) => v.areaType === 'footprint' && v.breakdown === '').map((v) => v.period).filter((p, i, all) => all.indexOf(p) === i)).toHaveLength(6);
      expect(stored.some((v) => v.areaType === 'practice')).toBe(true);
      expect(stored.some((v) => v.breakdown === 'imd_quintile:1')).toBe(true);

      await run(join(dir, 'data'), ...args);
      expect(await store.list()).toEqual(stored);
    } finally {
      await platform.close();
    }
  });

  it('refuses imported or unknown indicators and bad months before opening anything', async () => {
    await expect(run(join(dir, 'data'), '--indicator', 'rtt-18-weeks')).rejects.toThrow(/imported from CSV/);
    await expect(run(join(dir, 'data'), '--indicator', 'no-such-indicator')).rejects.toThrow(/unknown indicator "no-such-indicator"/);
    await expect(run(join(dir, 'data'), '--months', '0')).rejects.toThrow(/--months must be a whole number from 1 to 120/);
    await expect(run(join(dir, 'data'), '--footprint', 'Cheshire')).rejects.toThrow(/ONS code/);
  });

  it('says to build the warehouse when there is none', async () => {
    await expect(run(join(dir, 'empty'), '--footprint', 'E54000008')).rejects.toThrow(/footprint warehouse build/);
  });

  it('explains itself in --help', () => {
    const indicators = new Command('indicators');
    registerIndicatorsCompute(indicators);
    const help = indicators.commands.find((c) => c.name() === 'compute')!.helpInformation();
    expect(help).toMatch(/--indicator <id\.\.\.>/);
    expect(help).toMatch(/--months <n>/);
    expect(help).toMatch(/99\.8% limits/);
  });
});
