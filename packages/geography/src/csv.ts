import { parse } from 'csv-parse/sync';

/**
 * Rows of a CSV text as objects keyed by the header row, read by csv-parse (RFC 4180: quoted
 * fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF). Blank lines are
 * skipped; a short row's missing cells read as empty strings and cells beyond the header are ignored.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  if (!header) return [];
  return rows.map((cells) => {
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = cells[i] ?? ''));
    return row;
  });
}
