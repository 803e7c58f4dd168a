import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AREA_TYPES, type AreaType, type IndicatorValue } from '../types';
import { findIndicator } from './catalogue';
import type { IndicatorValueStore } from './store';

/**
 * Indicator values as long-format CSV, one row per indicator × area × breakdown × period, with
 * Fingertips' columns under snake-case names (docs/performance.md §1 gives the mapping). Parsing
 * checks every row and reports every problem at once as `row N, column X: message` (row 1 is the
 * header); an import with any problem writes nothing, and a good one is one transaction.
 */
export const INDICATOR_CSV_COLUMNS = [
  'indicator_id',
  'area_code',
  'area_type',
  'period',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'lower_95',
  'upper_95',
  'lower_99_8',
  'upper_99_8',
  'note',
  'synthetic',
] as const;
export type IndicatorCsvColumn = (typeof INDICATOR_CSV_COLUMNS)[number];

export interface IndicatorCsvProblem {
  /** The CSV record: 1 is the header, 2 the first value. */
  row: number;
  column: string;
  message: string;
}

export function describeCsvProblem(p: IndicatorCsvProblem): string {
  return `row ${p.row}, column ${p.column}: ${p.message}`;
}

/** Thrown by importIndicatorCsv when the CSV has any problem; nothing has been written. */
export class IndicatorCsvError extends Error {
  constructor(readonly problems: readonly IndicatorCsvProblem[]) {
    super(`the indicator values CSV has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.slice(0, 5).map(describeCsvProblem).join('; ')}${problems.length > 5 ? '; …' : ''}`);
    this.name = 'IndicatorCsvError';
  }
}

export interface ParsedIndicatorCsv {
  values: IndicatorValue[];
  problems: IndicatorCsvProblem[];
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const AREA_CODE = /^[A-Za-z0-9]{3,12}$/;
const BREAKDOWN = /^[a-z][a-z0-9_]*:[A-Za-z0-9_.+ -]{1,40}$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NUMERIC_COLUMNS = ['value', 'numerator', 'denominator', 'lower_95', 'upper_95', 'lower_99_8', 'upper_99_8'] as const;
type NumericColumn = (typeof NUMERIC_COLUMNS)[number];
const MAX_NOTE = 500;

function readRecords(text: string): { records: string[][]; problem?: IndicatorCsvProblem } {
  try {
    const records = parse(text, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as string[][];
    return { records };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { records: [], problem: { row: line ?? 1, column: '(file)', message: `the CSV cannot be read: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** Reads and checks long-format CSV; `problems` lists everything wrong, and `values` is only to be used when it is empty. */
export function parseIndicatorCsv(text: string): ParsedIndicatorCsv {
  const { records, problem } = readRecords(text);
  if (problem) return { values: [], problems: [problem] };
  if (records.length === 0) return { values: [], problems: [{ row: 1, column: '(header)', message: `the CSV is empty: it needs the header ${INDICATOR_CSV_COLUMNS.join(',')}` }] };
  const header = records[0]!.map((h) => h.trim().toLowerCase());
  const problems: IndicatorCsvProblem[] = [];
  const known = new Set<string>(INDICATOR_CSV_COLUMNS);
  header.forEach((h, i) => {
    if (!known.has(h)) problems.push({ row: 1, column: h || `(column ${i + 1})`, message: `unknown column (the columns are ${INDICATOR_CSV_COLUMNS.join(',')})` });
    else if (header.indexOf(h) !== i) problems.push({ row: 1, column: h, message: 'the column is given twice' });
  });
  for (const column of INDICATOR_CSV_COLUMNS) {
    if (!header.includes(column)) problems.push({ row: 1, column, message: 'missing column' });
  }
  if (problems.length) return { values: [], problems };
  if (records.length === 1) return { values: [], problems: [{ row: 2, column: '(file)', message: 'the CSV has a header but no values' }] };

  const values: IndicatorValue[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== header.length) {
      problems.push({ row, column: '(row)', message: `the row has ${cells.length} cells where the header has ${header.length}` });
      return;
    }
    const cell = (column: IndicatorCsvColumn) => cells[header.indexOf(column)] ?? '';
    const before = problems.length;
    const report = (column: IndicatorCsvColumn, message: string) => problems.push({ row, column, message });
    const value = checkRow(cell, report);
    if (problems.length > before || !value) return;
    const key = [value.indicatorId, value.areaCode, value.breakdown, value.period].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) report('period', `a second value for ${value.indicatorId}, area ${value.areaCode}, breakdown '${value.breakdown}', period ${value.period} (the first is row ${first})`);
    else {
      seen.set(key, row);
      values.push(value);
    }
  });
  return { values: problems.length ? [] : values, problems };
}

function checkRow(cell: (c: IndicatorCsvColumn) => string, report: (c: IndicatorCsvColumn, message: string) => void): IndicatorValue | null {
  const indicatorId = cell('indicator_id');
  const indicator = findIndicator(indicatorId);
  if (!indicatorId) report('indicator_id', 'an indicator id is needed');
  else if (!indicator) report('indicator_id', `unknown indicator '${indicatorId}' (see footprint indicators list)`);

  const areaCode = cell('area_code');
  if (!AREA_CODE.test(areaCode)) report('area_code', areaCode ? `'${areaCode}' is not an area code (3 to 12 letters and digits, such as E54000008 or N82001)` : 'an area code is needed');

  const areaType = cell('area_type') as AreaType;
  if (!(AREA_TYPES as readonly string[]).includes(areaType)) report('area_type', `'${areaType}' is not an area type (one of ${AREA_TYPES.join(', ')})`);
  else if (indicator && !indicator.areaTypes.includes(areaType)) report('area_type', `${indicatorId} has no values for area type '${areaType}' (only ${indicator.areaTypes.join(', ')})`);

  const period = cell('period');
  const match = PERIOD.exec(period);
  if (!match || Number(match[1]) < 1900 || Number(match[1]) > 2100) report('period', `'${period}' is not a month YYYY-MM (such as 2024-03)`);

  const breakdown = cell('breakdown');
  if (breakdown !== '' && !BREAKDOWN.test(breakdown)) report('breakdown', `'${breakdown}' is not a breakdown: leave it blank for everyone, or write dimension:group such as imd_quintile:1`);

  const numbers = {} as Record<NumericColumn, number | null>;
  for (const column of NUMERIC_COLUMNS) {
    const raw = cell(column);
    if (raw === '') numbers[column] = null;
    else if (!NUMBER.test(raw) || !Number.isFinite(Number(raw))) {
      report(column, `'${raw}' is not a number`);
      numbers[column] = null;
    } else numbers[column] = Number(raw);
  }

  const note = cell('note');
  if (note.length > MAX_NOTE) report('note', `the note is longer than ${MAX_NOTE} characters`);
  if (/^[=+@]/.test(note)) report('note', 'a note must not start with =, + or @ (a spreadsheet would read it as a formula)');

  const { value, numerator, denominator } = numbers;
  if (value === null && cell('value') === '' && note === '') report('value', 'a value is needed, or a note saying why there is none');
  for (const [lower, upper] of [['lower_95', 'upper_95'], ['lower_99_8', 'upper_99_8']] as const) {
    const lo = numbers[lower];
    const hi = numbers[upper];
    if ((cell(lower) === '') !== (cell(upper) === '')) report(cell(lower) === '' ? lower : upper, `${lower} and ${upper} are given together or not at all`);
    if (lo !== null && hi !== null && lo > hi) report(lower, `the lower limit ${lo} is above the upper limit ${hi}`);
    if (value !== null && lo !== null && lo > value) report(lower, `the lower limit ${lo} is above the value ${value}`);
    if (value !== null && hi !== null && hi < value) report(upper, `the upper limit ${hi} is below the value ${value}`);
  }
  if (numbers.lower_99_8 !== null && numbers.lower_95 !== null && numbers.lower_99_8 > numbers.lower_95) report('lower_99_8', 'the 99.8% lower limit is above the 95% lower limit');
  if (numbers.upper_99_8 !== null && numbers.upper_95 !== null && numbers.upper_99_8 < numbers.upper_95) report('upper_99_8', 'the 99.8% upper limit is below the 95% upper limit');
  if (numerator !== null && numerator < 0) report('numerator', 'the numerator is negative');
  if (denominator !== null && denominator < 0) report('denominator', 'the denominator is negative');
  if (indicator?.statistic === 'proportion' && numerator !== null && denominator !== null && numerator > denominator) {
    report('numerator', `the numerator ${numerator} is above the denominator ${denominator} (${indicatorId} is a proportion)`);
  }

  const synthetic = cell('synthetic').toLowerCase();
  if (!['true', 'false', ''].includes(synthetic)) report('synthetic', `'${cell('synthetic')}' is not true, false or blank`);

  if (!indicator || !match) return null;
  return {
    indicatorId,
    areaCode,
    areaType,
    period,
    breakdown,
    value,
    numerator,
    denominator,
    lower95: numbers.lower_95,
    upper95: numbers.upper_95,
    lower998: numbers.lower_99_8,
    upper998: numbers.upper_99_8,
    note: note === '' ? null : note,
    synthetic: synthetic === 'true',
  };
}

const cellOf = (n: number | null) => (n === null ? '' : String(n));

/** Values as long-format CSV with the same columns, in the order given (parseIndicatorCsv reads it back exactly). */
export function indicatorValuesCsv(values: readonly IndicatorValue[]): string {
  return stringify(
    values.map((v) => [
      v.indicatorId,
      v.areaCode,
      v.areaType,
      v.period,
      v.breakdown,
      cellOf(v.value),
      cellOf(v.numerator),
      cellOf(v.denominator),
      cellOf(v.lower95),
      cellOf(v.upper95),
      cellOf(v.lower998),
      cellOf(v.upper998),
      v.note ?? '',
      v.synthetic ? 'true' : 'false',
    ]),
    { header: true, columns: [...INDICATOR_CSV_COLUMNS] },
  );
}

export interface IndicatorImportResult {
  /** Rows written. */
  written: number;
  /** The indicators the CSV had values for, in catalogue order of first appearance. */
  indicators: string[];
  replaced: boolean;
}

/**
 * Checks the CSV and writes it in one transaction: upsert by default, or `replace` (every value
 * of each indicator named in the file goes first). Throws IndicatorCsvError, writing nothing, if
 * any row has a problem.
 */
export async function importIndicatorCsv(store: IndicatorValueStore, text: string, options: { replace?: boolean } = {}): Promise<IndicatorImportResult> {
  const { values, problems } = parseIndicatorCsv(text);
  if (problems.length) throw new IndicatorCsvError(problems);
  const indicators = [...new Set(values.map((v) => v.indicatorId))];
  const written = options.replace ? await store.replace(indicators, values) : await store.upsert(values);
  return { written, indicators, replaced: options.replace === true };
}
