import type { Command } from 'commander';
import { checkComputedIndicators, computeFromWarehouse, IndicatorValueStore, type ComputeProgress } from '@footprint/performance';
import { runningFootprint } from '@footprint/partnership';
import { openPlatform } from '../platform';
import { terminalProgress, type ProgressStep } from '../progress';

interface ComputeCommandOptions {
  indicator?: string[];
  months: string;
  footprint?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** `footprint indicators compute`: indicator values from the warehouse (docs/performance.md §4). */
export function registerIndicatorsCompute(indicators: Command): void {
  indicators
    .command('compute')
    .description(
      'Compute the warehouse indicators (register prevalence, case finding, emergency admissions and A&E attendances per 1,000, premature mortality, learning disability, social care contacts, treated to target, SMI health checks) monthly for the footprint, its places and practices and IMD quintiles, with 95% and 99.8% limits, and store them (replacing those indicators\' values in one transaction). The months end with the last complete month of the warehouse\'s data.',
    )
    .option('--indicator <id...>', 'only these indicators (repeat, or separate with commas); default every warehouse indicator', collect)
    .option('--months <n>', 'how many months to compute, 1 to 120', '36')
    .option('--footprint <ons-code>', "the footprint's ONS code (default: the record's partnership body)")
    .action(async (options: ComputeCommandOptions) => {
      if (!/^\d+$/.test(options.months.trim()) || Number(options.months) < 1 || Number(options.months) > 120) throw new Error(`--months must be a whole number from 1 to 120 (got "${options.months}")`);
      const months = Number(options.months);
      const ids = checkComputedIndicators(options.indicator).map((c) => c.id);
      if (options.footprint !== undefined && !/^[A-Z]\d{8}$/.test(options.footprint)) throw new Error(`--footprint must be an ONS code such as E54000008 (got "${options.footprint}")`);
      const platform = await openPlatform();
      try {
        if (!(await platform.warehouse.isBuilt())) throw new Error('No warehouse yet: run `footprint warehouse build` first');
        const code = options.footprint ?? (await runningFootprint(platform.record))?.onsCode;
        if (!code) throw new Error('The record holds no partnership body: import the footprint\'s organisations first, or give --footprint');
        const progress = terminalProgress();
        let step: ProgressStep | undefined;
        const onProgress = ({ done, total }: ComputeProgress) => {
          step ??= progress.start('Computing indicators', total, 'measures');
          step.update(done);
        };
        let computation;
        try {
          computation = await computeFromWarehouse(platform.warehouse, { footprintCode: code, months, indicators: ids, onProgress });
        } finally {
          step?.stop();
        }
        if (computation.months.length === 0) throw new Error('The warehouse holds no events yet: nothing to compute');
        const written = await new IndicatorValueStore(platform.sql).replace(ids, computation.values);
        console.log(
          `Stored ${written.toLocaleString('en-GB')} values of ${ids.length} indicator${ids.length === 1 ? '' : 's'}, ${computation.months[0]} to ${computation.months.at(-1)}, for ${code}, ${computation.footprint.places.length} places and ${computation.footprint.practices.length} practices`,
        );
      } finally {
        await platform.close();
      }
    });
}
