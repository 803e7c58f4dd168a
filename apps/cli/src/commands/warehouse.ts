import type { Command } from 'commander';
import {
  buildWarehouse,
  buildWarehouseFromNdjson,
  engineNames,
  openWarehouse,
  refreshWarehouse,
  type EngineName,
  type WarehouseOptions,
  type WarehouseRunResult,
} from '@footprint/warehouse';
import { dataDirectory, openPlatform } from '../platform';
import { warehouseProgress } from '../warehouse-progress';
import { terminalProgress } from '../progress';

interface WarehouseCommandOptions {
  workers?: string;
  engine: string;
  databaseUrl?: string;
  schema?: string;
  batchSize: string;
  fromNdjson?: string;
}

/**
 * `footprint warehouse build|refresh|status`: the pseudonymised analysis tables (docs/warehouse.md).
 * build rebuilds everything into new tables and swaps them in atomically; refresh applies only what
 * changed in the record since the last build or refresh, in one transaction.
 */
export function register(program: Command): void {
  const warehouse = program
    .command('warehouse')
    .description('Build and refresh the pseudonymised warehouse (DuckDB by default, or PostgreSQL)');

  withEngineOptions(
    warehouse
      .command('build')
      .description('Full rebuild from the record (or from NDJSON files) into new tables, then an atomic swap')
      .option('--from-ndjson <folder>', 'build straight from FHIR NDJSON files instead of the record')
      .option('--workers <n>', 'with --from-ndjson: worker threads that parse and flatten (default: one per core for large folders, else 0)'),
  ).action(async (options: WarehouseCommandOptions) => {
    const settings = engineSettings(options);
    if (options.fromNdjson) {
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) throw new Error('--workers must be a whole number from 0 to 64');
      report(await warehouseProgress(terminalProgress(), (onProgress) => buildWarehouseFromNdjson(options.fromNdjson as string, { ...settings, workers, onProgress })));
      return;
    }
    const platform = await openPlatform({ dataDir: settings.dataDir });
    try {
      console.log(`Building the ${settings.engine} warehouse from the record in ${platform.storage}`);
      report(await warehouseProgress(terminalProgress(), (onProgress) => buildWarehouse({ ...settings, record: platform.record, onProgress })));
    } finally {
      await platform.close();
    }
  });

  withEngineOptions(
    warehouse.command('refresh').description('Incremental refresh: only what changed in the record since the last build or refresh'),
  ).action(async (options: WarehouseCommandOptions) => {
    const settings = engineSettings(options);
    const platform = await openPlatform({ dataDir: settings.dataDir });
    try {
      console.log(`Refreshing the ${settings.engine} warehouse from the record in ${platform.storage}`);
      report(await warehouseProgress(terminalProgress(), (onProgress) => refreshWarehouse({ ...settings, record: platform.record, onProgress })));
    } finally {
      await platform.close();
    }
  });

  withEngineOptions(warehouse.command('status').description('Show when the warehouse was built and refreshed, and its row counts')).action(
    async (options: WarehouseCommandOptions) => {
      const opened = await openWarehouse(engineSettings(options));
      try {
        const meta = await opened.meta();
        console.log(`Warehouse: ${opened.location}`);
        console.log(`Built ${meta?.builtAt ?? 'never'}; refreshed ${meta?.refreshedAt ?? 'never'}; record watermark ${meta?.watermark ?? '-'}`);
        for (const table of ['patients', 'clinical_events', 'medications', 'encounters', 'social_care', 'organisations', 'places']) {
          const [row] = await opened.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
          console.log(`  ${table.padEnd(16)} ${Number(row.n).toLocaleString('en-GB').padStart(14)} rows`);
        }
      } finally {
        await opened.close();
      }
    },
  );
}

function withEngineOptions(command: Command): Command {
  return command
    .option('--engine <engine>', `warehouse engine: ${engineNames.join(' or ')}`, 'duckdb')
    .option('--database-url <url>', 'PostgreSQL server for --engine postgres (default WAREHOUSE_DATABASE_URL, then DATABASE_URL)')
    .option('--schema <name>', 'PostgreSQL schema for --engine postgres', 'warehouse')
    .option('--batch-size <n>', 'resources per batch', '5000');
}

function engineSettings(options: WarehouseCommandOptions): WarehouseOptions & { engine: EngineName; dataDir: string } {
  if (!engineNames.includes(options.engine as EngineName)) throw new Error(`--engine must be ${engineNames.join(' or ')}, not "${options.engine}"`);
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch-size must be a whole number from 1 to 10000');
  return { engine: options.engine as EngineName, dataDir: dataDirectory(), databaseUrl: options.databaseUrl, schema: options.schema, batchSize };
}

function report(result: WarehouseRunResult): void {
  const rate = result.seconds > 0 ? Math.round(result.resources / result.seconds) : result.resources;
  console.log(
    `${result.mode === 'build' ? 'Built' : 'Refreshed'} the ${result.engine} warehouse at ${result.location}: ` +
      `${result.resources.toLocaleString('en-GB')} resources → ${result.rows.toLocaleString('en-GB')} rows in ${result.seconds.toFixed(1)} s ` +
      `(${rate.toLocaleString('en-GB')} resources/s); ${result.optedOutPatients.toLocaleString('en-GB')} ${result.optedOutPatients === 1 ? 'patient' : 'patients'} left out for opt-outs; record watermark ${result.watermark}`,
  );
  for (const [table, count] of Object.entries(result.tables)) console.log(`  ${table.padEnd(16)} ${count.toLocaleString('en-GB').padStart(14)} rows`);
}
