import { readFile, writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { parseSpcCsv, spc, SPC_PROFILES, spcResultCsv, type Improvement, type SpcOptions, type SpcProfileId } from '@footprint/performance';

const IMPROVEMENTS: readonly Improvement[] = ['increase', 'decrease', 'neutral'];

const finiteNumber = (flag: string) => (raw: string) => {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} must be a number (got "${raw}")`);
  return n;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface SpcCommandOptions {
  improvement: string;
  target?: number;
  rebase?: string[];
  fixAfter?: string;
  profile: string;
  runLength?: string;
  out?: string;
}

/** `footprint spc FILE.csv`: an XmR chart's statistics for a date,value series (docs/performance.md §3). */
export function register(program: Command): void {
  program
    .command('spc')
    .description(
      'Statistical process control (XmR, NHS England Making Data Count) for a CSV of date,value rows (dates YYYY-MM-DD, one row per date, at least 2). Writes the rows in date order with mean,lpl,upl,point_type,rule,assurance added: limits at mean ± 2.66 × the average moving range; rules outside limits > 7-point trend > 2 of 3 beyond 2σ > 7-point shift. Profile nhsrplotthedots (NHSRplotthedots 0.2.2, the default) screens out moving-range outliers; mdc (the Making Data Count Excel tool) does not and counts points beyond 3σ towards 2 of 3.',
    )
    .argument('<file>', 'a CSV file with date and value columns')
    .option('--improvement <direction>', 'which way is better: increase, decrease or neutral', 'increase')
    .option('--target <n>', 'a target value, for assurance (consistent_pass, consistent_fail or inconsistent)', finiteNumber('--target'))
    .option('--rebase <date...>', 'dates from which the limits are recalculated (repeat or list several)', collect)
    .option('--fix-after <n>', 'fix the mean and limits on the first N points of each group (at least 12)')
    .option('--profile <profile>', `the method: ${SPC_PROFILES.join(' or ')}`, 'nhsrplotthedots')
    .option('--run-length <n>', 'points in a row for a shift or a trend: 7, or 6 with --profile mdc')
    .option('-o, --out <file>', 'write the CSV to this file instead of standard output')
    .action(async (file: string, options: SpcCommandOptions) => {
      if (!IMPROVEMENTS.includes(options.improvement as Improvement)) throw new Error(`--improvement must be increase, decrease or neutral, not "${options.improvement}"`);
      if (!SPC_PROFILES.includes(options.profile as SpcProfileId)) throw new Error(`--profile must be ${SPC_PROFILES.join(' or ')}, not "${options.profile}"`);
      const whole = (flag: string, raw: string | undefined) => {
        if (raw === undefined) return undefined;
        if (!/^\d+$/.test(raw.trim())) throw new Error(`${flag} must be a whole number (got "${raw}")`);
        return Number(raw);
      };
      const spcOptions: SpcOptions = {
        improvement: options.improvement as Improvement,
        profile: options.profile as SpcProfileId,
        ...(options.target !== undefined ? { target: options.target } : {}),
        ...(options.rebase ? { rebase: options.rebase.flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean) } : {}),
        ...(options.fixAfter !== undefined ? { fixAfter: whole('--fix-after', options.fixAfter) } : {}),
        ...(options.runLength !== undefined ? { runLength: whole('--run-length', options.runLength) } : {}),
      };
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new Error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const result = spc(parseSpcCsv(text), spcOptions);
      for (const warning of result.warnings) console.error(`footprint spc: warning: ${warning}`);
      const csv = spcResultCsv(result);
      if (options.out) {
        await writeFile(options.out, csv);
        console.error(`Wrote ${Math.max(0, csv.trim().split('\n').length - 1).toLocaleString('en-GB')} rows to ${options.out}`);
      } else process.stdout.write(csv);
    });
}
