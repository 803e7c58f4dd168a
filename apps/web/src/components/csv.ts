/**
 * The one place the web app writes CSV cells (every CSV download goes through toCsv in
 * FigureTable.tsx, which uses this). RFC 4180 quoting, and formula neutralisation (OWASP "CSV
 * Injection"): a text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return would be run
 * as a formula by a spreadsheet, so it is prefixed with `'` and quoted. Numbers stay numbers, so a
 * negative figure is still -1.5, not text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r']/.test(text) || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text;
}
