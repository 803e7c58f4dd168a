import type { Command } from 'commander';
import { loadDefinition, outputFormat, writeCsv, writeParquet, type CohortEngine, type JsValue, type SqlEngine, type ValueType } from '@footprint/cohort';
import { engineForWarehouse } from '@footprint/insight';
import { engineNames, openWarehouseHandle, type EngineName } from '@footprint/warehouse';
import { dataDirectory } from '../platform';

interface QueryOptions {
  engine: string;
  out: string;
  databaseUrl?: string;
  schema: string;
  explain?: boolean;
}

/**
 * `footprint query DEFINITION.ts --engine duckdb|postgres --out result.csv|result.parquet`: runs a
 * cohort definition (docs/cohort.md) against the warehouse. The module default-exports a dataset
 * (one row per patient in the population) or a measure (one row per interval and group).
 * Row-level output is pseudonymised but identifiable in use: keep it inside the warehouse's
 * secure environment; measures leaving it need disclosure control (applyDisclosureControl).
 */
export function register(program: Command): void {
  program
    .command('query')
    .description('Run a cohort-language definition (a module default-exporting a dataset or measure) against the warehouse')
    .argument('<definition>', 'a .ts or .js module whose default export is create_dataset()… or define_measure(…)')
    .option('--engine <engine>', 'warehouse engine: duckdb or postgres', 'duckdb')
    .requiredOption('--out <file>', 'where to write the result: result.csv or result.parquet')
    .option('--database-url <url>', 'PostgreSQL server for --engine postgres (default WAREHOUSE_DATABASE_URL, then DATABASE_URL)')
    .option('--schema <name>', 'PostgreSQL schema for --engine postgres', 'warehouse')
    .option('--explain', 'print the SQL the definition compiles to, and do not run it')
    .addHelpText('after', '\nThe warehouse is read from FOOTPRINT_DATA_DIR (default .footprint): DuckDB at <dataDir>/warehouse.duckdb.\nExample:\n  footprint query packages/cohort/examples/raised-blood-pressure.ts --out raised-bp.parquet')
    .action(async (definitionPath: string, options: QueryOptions) => {
      try {
        await run(definitionPath, options);
      } catch (error) {
        console.error(`footprint query: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    });
}

async function run(definitionPath: string, options: QueryOptions): Promise<void> {
  if (!engineNames.includes(options.engine as EngineName)) throw new Error(`--engine must be ${engineNames.join(' or ')}, not "${options.engine}"`);
  const format = outputFormat(options.out);
  const definition = await loadDefinition(definitionPath);
  const started = performance.now();
  const warehouse = openWarehouseHandle({ engine: options.engine as EngineName, dataDir: dataDirectory(), databaseUrl: options.databaseUrl, schema: options.schema });
  try {
    const engine = await engineForWarehouse(warehouse);
    if (options.explain) {
      const compiled = definition.kind === 'dataset' ? engine.datasetSql(definition.dataset) : engine.measureSql(definition.measure);
      console.log(compiled.sql);
      return;
    }
    // Engines that can write files themselves (DuckDB's COPY) do; otherwise the rows come through here.
    let rows = definition.kind === 'dataset' ? await warehouse.copyTo(engine.datasetSql(definition.dataset).sql, options.out, format) : null;
    if (rows === null) {
      const { columns, rows: out } = definition.kind === 'dataset' ? await datasetRows(engine, definition.dataset) : await measureRows(engine, definition.measure);
      if (format === 'csv') await writeCsv(options.out, columns.map((c) => c.name), out);
      else await writeParquet(options.out, columns, out);
      rows = out.length;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`Wrote ${rows.toLocaleString('en-GB')} rows to ${options.out} in ${seconds.toFixed(2)} s (${options.engine})`);
  } finally {
    await warehouse.close();
  }
}

type Columns = { name: string; type: ValueType }[];

async function datasetRows(engine: SqlEngine, dataset: Parameters<CohortEngine['execute']>[0]): Promise<{ columns: Columns; rows: Record<string, JsValue | null>[] }> {
  const columns = [...engine.datasetSql(dataset).columns];
  return { columns, rows: await engine.execute(dataset) };
}

async function measureRows(engine: SqlEngine, measure: Parameters<CohortEngine['measure']>[0]): Promise<{ columns: Columns; rows: Record<string, JsValue | null>[] }> {
  const groups = Object.entries(measure.groupBy).map(([name, node]) => ({ name, type: node.type }));
  const columns: Columns = [{ name: 'interval_start', type: 'date' }, { name: 'interval_end', type: 'date' }, ...groups, { name: 'numerator', type: 'integer' }, { name: 'denominator', type: 'integer' }, { name: 'ratio', type: 'float' }];
  return { columns, rows: (await engine.measure(measure)) as Record<string, JsValue | null>[] };
}
