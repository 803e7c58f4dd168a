import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CohortError } from '../errors';
import type { CodeSource } from './series';

/** A set of codes for is_in(), with where it came from. */
export interface Codelist extends CodeSource {
  readonly codes: readonly string[];
  readonly source: string;
}

/** A codelist from literal codes (tests, small ad hoc lists). */
export function codelist(codes: readonly string[], source = 'inline'): Codelist {
  return Object.freeze({ codes: Object.freeze([...new Set(codes)]), source });
}

/**
 * Loads a codelist from an OpenCodelists-format CSV (a header row, then one code per row). The
 * `column` names the code column (OpenCodelists uses `code`; some lists use e.g. `dmd_id`).
 */
export function codelist_from_csv(path: string, column = 'code'): Codelist {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CohortError(`cannot read codelist ${path}: ${(error as Error).message}`);
  }
  return parseCodelistCsv(text, column, path);
}

export function parseCodelistCsv(text: string, column: string, source: string): Codelist {
  let rows: string[][];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CohortError(`codelist ${source} is not valid CSV: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new CohortError(`codelist ${source} is empty`);
  const header = rows[0].map((h) => h.trim());
  const index = header.indexOf(column);
  if (index < 0) throw new CohortError(`codelist ${source} has no column "${column}" (columns: ${header.join(', ')})`);
  const codes: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.length === 1 && row[0].trim() === '') continue;
    const code = (row[index] ?? '').trim();
    if (code === '') throw new CohortError(`codelist ${source} row ${i + 1} has no ${column}`);
    codes.push(code);
  }
  if (codes.length === 0) throw new CohortError(`codelist ${source} has no codes`);
  return codelist(codes, source);
}

/**
 * RFC 4180 CSV as rows of fields, read by csv-parse: quoted fields, doubled quotes, CRLF or LF line
 * ends; rows may differ in length, and a blank line is a row of one empty field.
 */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}
