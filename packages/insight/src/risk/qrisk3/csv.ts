import { parse } from 'csv-parse/sync';
import { InsightInputError } from '../../errors';
import { QRISK3_BOOLEAN_INPUTS, Qrisk3InputError, type Qrisk3Input } from './inputs';
import { qrisk3 } from './score';

/** The columns a QRISK3 CSV must have, named exactly as in ClinRisk's source (cells may be blank where a stand-in exists). */
export const QRISK3_COLUMNS = [
  'age',
  'sex',
  ...QRISK3_BOOLEAN_INPUTS.filter((name) => name !== 'fh_cvd'),
  'bmi',
  'ethrisk',
  'fh_cvd',
  'rati',
  'sbp',
  'sbps5',
  'smoke_cat',
  'town',
] as const satisfies ReadonlyArray<keyof Qrisk3Input>;

/** One problem in a QRISK3 CSV: where it is (line in the file, data row, column) and what is wrong. */
export interface Qrisk3CsvProblem {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  /** Data row, counting from 1 after the header. */
  row: number;
  column: string;
  message: string;
}

const SHOWN_PROBLEMS = 20;

/** A QRISK3 CSV that cannot be scored: a bad header, or rows with problems (all of them listed in `problems`). A 400. */
export class Qrisk3CsvError extends InsightInputError {
  constructor(
    summary: string,
    readonly problems: readonly Qrisk3CsvProblem[] = [],
  ) {
    const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  line ${p.line} (row ${p.row}), column ${p.column}: ${p.message}`);
    if (problems.length > SHOWN_PROBLEMS) lines.push(`  … and ${problems.length - SHOWN_PROBLEMS} more`);
    super([summary, ...lines].join('\n'));
  }
}

const csvField = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Reads one cell as ClinRisk's input: sex as text, the rest as numbers; blank is left out. */
function readCell(column: (typeof QRISK3_COLUMNS)[number], raw: string): { value?: string | number; problem?: string } {
  const text = raw.trim();
  if (text === '') return {};
  if (column === 'sex') return { value: text };
  const value = Number(text);
  if (!Number.isFinite(value)) return { problem: `${JSON.stringify(raw)} is not a number` };
  return { value };
}

/**
 * Scores every row of a CSV whose header has ClinRisk's QRISK3 variable names (QRISK3_COLUMNS; other
 * columns are kept as they are) and returns the same rows with a `qrisk3` column: the 10-year risk,
 * a percentage to one decimal place. All or nothing: if any row cannot be scored, a Qrisk3CsvError
 * lists every problem by line, row and column.
 */
export function scoreQrisk3Csv(text: string): string {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_column_count: false }) as unknown as typeof records;
  } catch (error) {
    throw new Qrisk3CsvError(`the CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (records.length === 0) throw new Qrisk3CsvError(`the CSV is empty (its header needs the columns ${QRISK3_COLUMNS.join(',')})`);
  const header = records[0].record.map((name) => name.trim());
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined) throw new Qrisk3CsvError(`the column ${JSON.stringify(duplicate)} appears more than once in the header`);
  if (header.includes('qrisk3')) throw new Qrisk3CsvError('the CSV already has a qrisk3 column');
  const missing = QRISK3_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    const hints = missing.map((name) => {
      const near = header.find((h) => h.toLowerCase() === name.toLowerCase());
      return near === undefined ? name : `${name} (the header has ${JSON.stringify(near)}: names are case-sensitive)`;
    });
    throw new Qrisk3CsvError(`the header has no column ${hints.join(', ')} (it needs ClinRisk's names: ${QRISK3_COLUMNS.join(',')})`);
  }
  const index = new Map(header.map((name, i) => [name, i]));
  const problems: Qrisk3CsvProblem[] = [];
  const out = [[...records[0].record, 'qrisk3'].map(csvField).join(',')];
  records.slice(1).forEach(({ record, info }, i) => {
    const where = { line: info.lines, row: i + 1 };
    const input: Record<string, string | number> = {};
    let readable = true;
    for (const column of QRISK3_COLUMNS) {
      const { value, problem } = readCell(column, record[index.get(column)!]);
      if (problem !== undefined) {
        problems.push({ ...where, column, message: problem });
        readable = false;
      } else if (value !== undefined) input[column] = value;
    }
    if (!readable) return;
    try {
      const score = qrisk3(input as unknown as Qrisk3Input);
      out.push([...record, score.toFixed(1)].map(csvField).join(','));
    } catch (error) {
      if (!(error instanceof Qrisk3InputError)) throw error;
      for (const p of error.problems) problems.push({ ...where, column: p.column, message: p.message });
    }
  });
  if (problems.length > 0) {
    const rows = new Set(problems.map((p) => p.row)).size;
    throw new Qrisk3CsvError(`${rows} ${rows === 1 ? 'row' : 'rows'} cannot be scored, so nothing was scored:`, problems);
  }
  return `${out.join('\n')}\n`;
}
