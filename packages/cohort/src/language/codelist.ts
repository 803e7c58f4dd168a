import { readFileSync } from 'node:fs';
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
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
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

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
