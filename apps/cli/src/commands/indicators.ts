import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  areasOf,
  describeCsvProblem,
  findIndicator,
  importIndicatorCsv,
  IndicatorCsvError,
  indicatorValuesCsv,
  IndicatorValueStore,
  listIndicators,
  type IndicatorDefinition,
} from '@footprint/performance';
import { openPlatform, type OpenPlatform } from '../platform';
import { registerIndicatorsCompute } from './indicators-compute';

/** The largest file `import` reads, as the web API's limit. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const AREA_CODE = /^[A-Za-z0-9]{3,12}$/;

async function withStore<T>(fn: (store: IndicatorValueStore, platform: OpenPlatform) => Promise<T>): Promise<T> {
  const platform = await openPlatform();
  try {
    return await fn(new IndicatorValueStore(platform.sql), platform);
  } finally {
    await platform.close();
  }
}

function indicatorNamed(id: string): IndicatorDefinition {
  const indicator = findIndicator(id);
  if (!indicator) throw new Error(`there is no indicator ${JSON.stringify(id)} (footprint indicators list shows them)`);
  return indicator;
}

const POLARITY_WORDS: Record<IndicatorDefinition['polarity'], string> = {
  'RAG - High is good': 'higher is better',
  'RAG - Low is good': 'lower is better',
  'BOB - Blue orange blue': 'neither higher nor lower is better',
  'Not applicable': 'no direction is better',
};

/** `footprint indicators list|show|import|export` (and `compute`, from ./indicators-compute): docs/performance.md §1. */
export function register(program: Command): void {
  const indicators = program
    .command('indicators')
    .description('The indicator catalogue and its values in long format (docs/performance.md §1): list, show, import and export values as CSV, and compute them from the warehouse (docs/performance.md §4)')
    .addHelpText(
      'after',
      '\nThe CSV columns: indicator_id,area_code,area_type,period,breakdown,value,numerator,denominator,lower_95,upper_95,lower_99_8,upper_99_8,note,synthetic\n\nExamples:\n  footprint indicators list\n  footprint indicators show ae-four-hour-performance\n  footprint indicators export --indicator ae-four-hour-performance -o ae.csv\n  footprint indicators import ae.csv --replace',
    );

  indicators
    .command('list')
    .description('List the catalogue: id, triple-aim gap, where values come from (warehouse or import), the latest period with values, and the name')
    .action(async () => {
      const latest = await withStore((store) => store.latestPeriods());
      console.log(['id', 'gap', 'origin', 'latest', 'name'].join('\t'));
      for (const i of listIndicators()) console.log([i.id, i.gap, i.origin, latest.get(i.id) ?? '-', i.name].join('\t'));
    });

  indicators
    .command('show')
    .description('Show one indicator: its definition, source, polarity, statistic, unit, target, and the areas and breakdowns that have values')
    .argument('<id>', 'the indicator id (footprint indicators list shows them)')
    .action(async (id: string) => {
      const indicator = indicatorNamed(id);
      const values = await withStore((store) => store.list({ indicatorId: indicator.id }));
      const lines = [
        `${indicator.name} (${indicator.id})`,
        `Definition: ${indicator.definition}`,
        `Source: ${indicator.source}`,
        `Gap: ${indicator.gap}`,
        `Polarity: ${indicator.polarity} (${POLARITY_WORDS[indicator.polarity]})`,
        `Statistic: ${indicator.statistic}, unit ${indicator.unit}, multiplier ${indicator.multiplier}`,
        `Areas: ${indicator.areaTypes.join(', ')}; origin ${indicator.origin}; SPC profile ${indicator.spcProfile}`,
        `Target: ${indicator.target ? `${indicator.target.value} by ${indicator.target.period}` : 'none'}`,
      ];
      const areas = areasOf(values, new Map());
      lines.push(areas.length ? `Values (${values.length}):` : 'Values: none yet');
      for (const a of areas) {
        const breakdowns = a.breakdowns.map((b) => (b === '' ? 'everyone' : b)).join(', ');
        lines.push(`  ${a.areaType} ${a.areaCode}: ${a.periods} months to ${a.latestPeriod}; ${breakdowns}${a.synthetic ? ' (synthetic)' : ''}`);
      }
      console.log(lines.join('\n'));
    });

  indicators
    .command('import')
    .description(
      'Import a long-format CSV of indicator values: every row is checked first and any problem refuses the whole file (one line per problem on standard error, naming the row and column); otherwise all rows are written in one transaction, adding or overwriting values by indicator, area, breakdown and period',
    )
    .argument('<file>', 'the CSV file (at most 10 MB)')
    .option('--replace', 'first remove every value of each indicator the file has values for')
    .action(async (file: string, options: { replace?: boolean }) => {
      const bytes = await readFile(file);
      if (bytes.length > MAX_FILE_BYTES) throw new Error(`${file} is larger than 10 MB`);
      await withStore(async (store) => {
        try {
          const result = await importIndicatorCsv(store, bytes.toString('utf8'), { replace: options.replace === true });
          console.log(`Imported ${result.written.toLocaleString('en-GB')} ${result.written === 1 ? 'value' : 'values'} of ${result.indicators.join(', ')} from ${file}${result.replaced ? ' (replacing their values)' : ''}`);
        } catch (error) {
          if (!(error instanceof IndicatorCsvError)) throw error;
          for (const problem of error.problems) console.error(describeCsvProblem(problem));
          throw new Error(`${file} has ${error.problems.length} ${error.problems.length === 1 ? 'problem' : 'problems'}: nothing was imported`);
        }
      });
    });

  indicators
    .command('export')
    .description('Write indicator values as long-format CSV (the columns import reads) to a file or standard output')
    .option('--indicator <id>', 'only this indicator')
    .option('--area <code>', 'only this area (an ONS or ODS code)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (options: { indicator?: string; area?: string; out?: string }) => {
      if (options.indicator !== undefined) indicatorNamed(options.indicator);
      if (options.area !== undefined && !AREA_CODE.test(options.area)) throw new Error(`--area must be an area code such as E54000008 (got ${JSON.stringify(options.area)})`);
      const values = await withStore((store) => store.list({ ...(options.indicator ? { indicatorId: options.indicator } : {}), ...(options.area ? { areaCode: options.area } : {}) }));
      const csv = indicatorValuesCsv(values);
      if (!options.out) return void process.stdout.write(csv);
      await writeFile(options.out, csv, { mode: 0o600 });
      console.log(`Wrote ${values.length.toLocaleString('en-GB')} ${values.length === 1 ? 'value' : 'values'} to ${options.out}`);
    });

  registerIndicatorsCompute(indicators);
}
