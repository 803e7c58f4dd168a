import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { PostgresRepository, importFiles, systemContext, type ImportResult } from '@footprint/record';
import type { Platform } from '@footprint/server';
import { DEFAULT_REFERENCE_DATE, DEFAULT_YEARS, bundledFootprintIds, organizationId, writeFootprint, type Manifest } from '@footprint/synth';
import { dataDirectory, openPlatform } from '../platform';
import { terminalProgress, type ProgressReporter } from '../progress';

interface GenerateCommandOptions {
  footprint: string;
  people: string;
  seed: string;
  out?: string;
  referenceDate: string;
  years: string;
  load?: boolean;
  workers?: string;
  duplicates?: boolean;
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

export interface GenerateFootprintRequest {
  footprint: string;
  people: number;
  seed: number;
  outDir: string;
  referenceDate?: string;
  years?: number;
  /** Worker threads (default: defaultWorkers(people)). */
  workers?: number;
  /** Register a few people twice with another partner, for record matching (the demo does). */
  duplicates?: boolean;
}

/**
 * Worker threads to generate on by default: none below 20,000 people (starting a worker costs
 * about a second, more than it saves), otherwise one per CPU, at most 4.
 */
export function defaultWorkers(people: number): number {
  return people < 20_000 ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

/** Generates a synthetic footprint into `outDir` with a progress bar (people, rate, ETA). */
export async function generateWithProgress(request: GenerateFootprintRequest, progress: ProgressReporter): Promise<Manifest> {
  const step = progress.start('generate', request.people, 'people');
  try {
    return await writeFootprint({ workers: defaultWorkers(request.people), ...request, onProgress: (done) => step.update(done) });
  } finally {
    step.stop();
  }
}

/**
 * Loads a generated footprint's NDJSON files into the record through the same import path partner
 * files take (`importFiles`), in the manifest's order (the directory of organisations first), each
 * file counted under its organisation's ODS code and written as recorded by that organisation
 * (resource.organisation, which decides who sees sensitive items). The ground-truth file is never loaded.
 */
export async function loadGenerated(platform: Platform, outDir: string, manifest: Manifest, progress: ProgressReporter): Promise<ImportResult[]> {
  const step = progress.start('load', manifest.resources, 'resources');
  const results: ImportResult[] = [];
  let before = 0;
  try {
    for (const file of manifest.files) {
      const recordedBy = { ...systemContext('SYSADMIN', 'footprint-generate'), organisation: { reference: `Organization/${organizationId(file.organisation.code)}`, odsCode: file.organisation.code } };
      const result = await importFiles(platform.record, recordedBy, [join(outDir, file.path)], {
        sql: platform.sql,
        organisation: file.organisation.code,
        repositoryIn: (tx) => new PostgresRepository(tx),
        onProgress: (p) => step.update(before + p.read),
      });
      before += file.resources;
      step.update(before);
      results.push(result);
    }
  } finally {
    step.stop();
  }
  return results;
}

/**
 * Generates a footprint and loads it into the record: what `footprint demo` needs. Cheap to repeat:
 * the same request writes byte-identical files, and the import skips files it already completed.
 */
export async function generateAndLoad(
  platform: Platform,
  request: GenerateFootprintRequest,
  progress: ProgressReporter,
): Promise<{ manifest: Manifest; generateSeconds: number; created: number; unchanged: number; failed: number }> {
  const started = Date.now();
  const manifest = await generateWithProgress(request, progress);
  const generateSeconds = (Date.now() - started) / 1000;
  const results = await loadGenerated(platform, request.outDir, manifest, progress);
  const sum = (f: (r: ImportResult) => number) => results.reduce((s, r) => s + f(r), 0);
  return { manifest, generateSeconds, created: sum((r) => r.created), unchanged: sum((r) => r.unchanged), failed: sum((r) => r.failed) };
}

/**
 * `footprint generate`: a synthetic footprint (organisations, people, care histories and the ground
 * truth about undiagnosed conditions) as NDJSON per organisation, optionally loaded into the record.
 */
export function register(program: Command): void {
  program
    .command('generate')
    .description('Generate a synthetic footprint as FHIR NDJSON per organisation, with a ground-truth file and manifest; --load imports it into the record')
    .option('--footprint <id>', `bundled footprint (${bundledFootprintIds().join(', ')}), STP ONS code, or footprint JSON file`, 'cheshire-and-merseyside')
    .option('--people <n>', 'number of people', '10000')
    .option('--seed <n>', 'random seed (same seed, same output)', '42')
    .option('--out <dir>', 'output folder (default: <data dir>/synthetic/<footprint>-<people>-<seed>)')
    .option('--reference-date <date>', 'last day of the history (YYYY-MM-DD)', DEFAULT_REFERENCE_DATE)
    .option('--years <n>', 'years of history before the reference date', String(DEFAULT_YEARS))
    .option('--workers <n>', 'worker threads generating people (default: 1 below 20,000 people, else one per CPU, at most 4); output is the same for any number')
    .option('--load', 'load the generated files into the record (DATABASE_URL or embedded storage)')
    .option('--duplicates', 'register a few people a second time with another partner (same NHS number; none; a surname typo; a changed surname), for record matching')
    .action(async (options: GenerateCommandOptions) => {
      const people = wholeNumber('--people', options.people, 1, 909_090);
      const seed = wholeNumber('--seed', options.seed, 0, 0xffffffff);
      const workers = options.workers === undefined ? defaultWorkers(people) : wholeNumber('--workers', options.workers, 1, 64);
      const years = Number(options.years);
      if (!(years > 0 && years <= 30)) throw new Error(`--years must be more than 0 and at most 30 (got "${options.years}")`);
      const name = options.footprint.replace(/[^A-Za-z0-9-]+/g, '_');
      const outDir = resolve(options.out ?? join(dataDirectory(), 'synthetic', `${name}-${people}-${seed}`));
      const progress = terminalProgress();
      const request = { footprint: options.footprint, people, seed, outDir, referenceDate: options.referenceDate, years, workers, duplicates: options.duplicates === true };
      const n = (x: number) => x.toLocaleString('en-GB');
      const started = Date.now();
      const report = (manifest: Manifest, seconds = (Date.now() - started) / 1000) => {
        console.log(
          `Generated ${n(manifest.people)} people and ${n(manifest.resources)} resources for ${manifest.footprint.name} in ${seconds.toFixed(1)} s ` +
            `(${n(Math.round(manifest.people / seconds))} people/s) into ${outDir}: ${manifest.files.length} organisation files, ${manifest.groundTruth.path}, manifest.json`,
        );
      };
      if (!options.load) {
        report(await generateWithProgress(request, progress));
        return;
      }
      const platform = await openPlatform();
      try {
        progress.log(`Generating, then loading into ${platform.storage}`);
        const loaded = await generateAndLoad(platform, request, progress);
        report(loaded.manifest, loaded.generateSeconds);
        console.log(`Loaded: ${n(loaded.created)} created, ${n(loaded.unchanged)} unchanged, ${n(loaded.failed)} failed`);
        if (loaded.failed > 0) process.exitCode = 1;
      } finally {
        await platform.close();
      }
    });
}
