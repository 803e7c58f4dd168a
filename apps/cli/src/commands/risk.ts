import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import {
  QRISK3_COLUMNS,
  QRISK3_DISCLAIMER,
  QRISK3_ETHNICITY,
  QRISK3_INPUT_DESCRIPTIONS,
  QRISK3_MISSING_VALUE_RULES,
  QRISK3_SMOKING,
  QRISK3_SOURCE,
  scoreQrisk3Csv,
} from '@footprint/insight';

function qrisk3Help(): string {
  const width = Math.max(...QRISK3_COLUMNS.map((c) => c.length));
  const columns = QRISK3_COLUMNS.map((c) => {
    const rule = QRISK3_MISSING_VALUE_RULES[c];
    return `  ${c.padEnd(width)}  ${QRISK3_INPUT_DESCRIPTIONS[c]}${rule ? ` (blank: ${rule.value})` : ' (required)'}`;
  });
  const codes = (table: Readonly<Record<number, string>>) => Object.entries(table).map(([code, label]) => `    ${code} ${label}`);
  return [
    '',
    'Columns (ClinRisk\'s names, exactly; every one must be in the header; other columns are kept as they are):',
    ...columns,
    '  Conditions and treatments (b_*, fh_cvd) are 0 or 1.',
    '  ethrisk:',
    ...codes(QRISK3_ETHNICITY),
    '  smoke_cat:',
    ...codes(QRISK3_SMOKING),
    '',
    'A blank measurement (bmi, rati, sbp, sbps5) is an error: QRISK3-2017\'s published algorithm has no',
    'stand-in for it, and ClinRisk\'s calculator estimates it with predictors that are not published.',
    'Any bad row stops the run: every problem is listed by line, row and column, the exit status is 1,',
    'and nothing is written to --out.',
    '',
    `Algorithm: ${QRISK3_SOURCE.algorithm}, ${QRISK3_SOURCE.publisher} (${QRISK3_SOURCE.url}), ${QRISK3_SOURCE.licence}.`,
    '',
    'Disclaimer (ClinRisk Ltd.):',
    QRISK3_DISCLAIMER,
  ].join('\n');
}

/** Writes the whole file or nothing: a temporary file beside the target, renamed over it. */
async function writeWhole(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `footprint risk qrisk3 --in FILE.csv [--out OUT.csv]`: QRISK3-2017 for every row of a CSV (docs/population-health.md). */
export function register(program: Command): void {
  const risk = program.command('risk').description('Risk scores for a CSV of people (QRISK3-2017)');
  risk
    .command('qrisk3')
    .description(
      "10-year cardiovascular risk by QRISK3-2017 (ClinRisk Ltd., LGPL) for every row of a CSV whose header uses ClinRisk's variable names. Writes the same rows with a qrisk3 column: the percentage to one decimal place, as ClinRisk's calculator prints it.",
    )
    .requiredOption('--in <file>', 'the CSV to score')
    .option('-o, --out <file>', 'write the scored CSV to this file (all or nothing) instead of standard output')
    .addHelpText('after', qrisk3Help())
    .action(async (options: { in: string; out?: string }) => {
      let text: string;
      try {
        text = await readFile(options.in, 'utf8');
      } catch (error) {
        throw new Error(`Cannot read ${options.in}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const csv = scoreQrisk3Csv(text);
      const rows = Math.max(0, csv.trim().split('\n').length - 1);
      if (options.out) {
        await writeWhole(options.out, csv);
        console.error(`Scored ${rows.toLocaleString('en-GB')} ${rows === 1 ? 'row' : 'rows'} with QRISK3-2017 into ${options.out}`);
      } else process.stdout.write(csv);
      console.error(`QRISK3-2017 © ClinRisk Ltd. (LGPL). ${QRISK3_DISCLAIMER}`);
    });
}
