import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  PostgresRepository,
  importFiles,
  systemContext,
  type ImportProgress,
  type ImportResult,
  type SqlClient,
} from '@footprint/record';
import { openPlatform } from '../platform';

interface ImportCommandOptions {
  batchSize: string;
  force?: boolean;
  organisation?: string;
}

/**
 * `footprint import <files or folders…>`: streams NDJSON and Bundle files into the record with a
 * progress bar (bytes, resources, rate, ETA). Resumable and idempotent: a completed file is
 * skipped, an interrupted one continues where it stopped, and importing again creates no duplicates.
 */
export function register(program: Command): void {
  program
    .command('import')
    .description('Import FHIR NDJSON (.ndjson, .ndjson.gz) and Bundle (.json) files or folders into the record; resumable and idempotent')
    .argument('<paths...>', 'files or folders to import')
    .option('--batch-size <n>', 'resources per database transaction', '500')
    .option('--force', 'read files again even when an earlier run completed them (still no duplicates)')
    .option('--organisation <ods>', 'ODS code of the contributing organisation, recorded with the import')
    .action(async (paths: string[], options: ImportCommandOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch-size must be a whole number from 1 to 10000');
      const platform = await openPlatform();
      const abort = new AbortController();
      const stop = () => {
        process.stderr.write('\nStopping after the batch in flight; run the same command again to resume.\n');
        abort.abort();
      };
      process.once('SIGINT', stop);
      try {
        console.log(`Importing into ${platform.storage}`);
        const result = await importWithProgress(platform, paths, batchSize, options, abort.signal);
        printSummary(result);
        if (result.failed > 0 || result.files.some((f) => f.status === 'failed')) process.exitCode = 1;
      } finally {
        process.off('SIGINT', stop);
        await platform.close();
      }
    });
}

async function importWithProgress(
  platform: Awaited<ReturnType<typeof openPlatform>>,
  paths: string[],
  batchSize: number,
  options: ImportCommandOptions,
  signal: AbortSignal,
): Promise<ImportResult> {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: 'import [{bar}] {percentage}% | {mbDone}/{mbTotal} MB | {resources} resources | {rate}/s | ETA {eta_formatted} | file {fileNumber}/{fileCount}',
      stream: process.stderr,
      noTTYOutput: !process.stderr.isTTY,
      notTTYSchedule: 5000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  try {
    return await importFiles(platform.record, systemContext('SYSADMIN', 'footprint-import'), paths, {
      sql: platform.sql,
      batchSize,
      signal,
      ...(options.force ? { force: true } : {}),
      ...(options.organisation ? { organisation: options.organisation } : {}),
      repositoryIn: (tx: SqlClient) => new PostgresRepository(tx),
      onProgress: (p: ImportProgress) => {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        const payload = {
          mbDone: (p.bytesDone / 1e6).toFixed(1),
          mbTotal: (p.bytesTotal / 1e6).toFixed(1),
          resources: p.read.toLocaleString('en-GB'),
          rate: Math.round(p.read / seconds).toLocaleString('en-GB'),
          fileNumber: p.fileIndex + 1,
          fileCount: p.fileCount,
        };
        if (!barStarted) {
          bar.start(Math.max(p.bytesTotal, 1), p.bytesDone, payload);
          barStarted = true;
        } else {
          bar.update(p.bytesDone, payload);
        }
      },
    });
  } finally {
    if (barStarted) bar.stop();
  }
}

function printSummary(result: ImportResult): void {
  const n = (x: number) => x.toLocaleString('en-GB');
  console.log(`\n${result.interrupted ? 'Interrupted' : 'Imported'}: ${n(result.read)} read, ${n(result.created)} created, ${n(result.updated)} updated, ${n(result.unchanged)} unchanged, ${n(result.failed)} failed`);
  for (const file of result.files) {
    const name = relative(process.cwd(), file.path) || file.path;
    const resumed = file.resumedFrom ? ` (resumed from record ${n(file.resumedFrom)})` : '';
    console.log(`  ${file.status.padEnd(11)} ${name}: ${n(file.read)} read, ${n(file.created)} created, ${n(file.failed)} failed${resumed}${file.error ? ` — ${file.error}` : ''}`);
    for (const failure of file.failures.slice(0, 10)) {
      const where = [failure.line !== undefined ? `line ${failure.line}` : '', failure.entry !== undefined ? `entry ${failure.entry}` : '', failure.path ?? ''].filter(Boolean).join(', ');
      console.log(`      ${where ? `${where}: ` : ''}${failure.message}`);
    }
    if (file.failures.length > 10) console.log(`      … ${n(file.failures.length - 10)} more failures`);
  }
  if (result.interrupted) console.log('Run the same command again to resume.');
}
