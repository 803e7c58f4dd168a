import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { PartnershipProblem } from '../errors';

/**
 * The partnership's one CSV writer and reader (every export and import of the register and plan
 * goes through these). Writing is RFC 4180 with formula neutralisation (OWASP "CSV Injection"): a
 * text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`, so a
 * spreadsheet shows it rather than running it. Numbers stay numbers. Text that already begins
 * with `'` before such a character gets one more, so reading it back gives exactly what was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV text with a header row, one line per row, cells in `columns` order. */
export function writeCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => neutralise(row[c]))),
    { header: true, columns: [...columns], quoted_match: /^'/, record_delimiter: '\r\n' },
  );
}

/** Undoes neutralise() on a cell read back (a leading `'` before a formula character). */
export function unneutralise(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export interface CsvRow {
  /** The row's number in the file, counting the header as row 1 (what a spreadsheet shows). */
  row: number;
  cells: Record<string, string>;
}

/**
 * Parses CSV text with a header row. Refuses (400, saying where) text that is not CSV, has a
 * row of the wrong width, repeats a column, lacks a `required` column, or has more than `maxRows`
 * rows. Cells are un-neutralised, and trimmed unless `trim` is false (an exact round trip).
 */
export function readCsv(text: string, options: { required?: readonly string[]; maxRows?: number; trim?: boolean } = {}): CsvRow[] {
  let records: { record: string[] }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { info: true, skip_empty_lines: true, relax_column_count: false, trim: options.trim ?? true }) as unknown as typeof records;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PartnershipProblem(400, 'Not a CSV file', message.replace(/^Invalid Record Length: /, ''));
  }
  if (records.length === 0) throw new PartnershipProblem(400, 'Empty CSV file', 'The file has no header row.');
  const header = records[0].record.map((name) => name.trim());
  const repeated = header.find((name, i) => header.indexOf(name) !== i);
  if (repeated !== undefined) throw new PartnershipProblem(400, 'Repeated column', `The header row has the column ${repeated || '(blank)'} more than once.`);
  for (const column of options.required ?? []) {
    if (!header.includes(column)) throw new PartnershipProblem(400, 'Missing column', `The header row has no ${column} column.`);
  }
  const rows = records.slice(1);
  const maxRows = options.maxRows ?? 100_000;
  if (rows.length > maxRows) throw new PartnershipProblem(400, 'Too many rows', `At most ${maxRows.toLocaleString('en-GB')} rows at once; this file has ${rows.length.toLocaleString('en-GB')}.`);
  return rows.map(({ record }, i) => ({
    row: i + 2,
    cells: Object.fromEntries(header.map((name, i) => [name, unneutralise(record[i] ?? '')])),
  }));
}
