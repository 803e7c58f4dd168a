import type { ReactNode } from 'react';
import { csvCell } from './csv';

export interface Column<Row> {
  key: string;
  header: string;
  /** The cell as shown; the CSV gets `csv` (or the raw value under `key`). */
  render?: (row: Row) => ReactNode;
  csv?: (row: Row) => string | number | null;
  numeric?: boolean;
  /** Keep the cell on one line (dates). */
  nowrap?: boolean;
}

/** Builds RFC 4180 CSV for a table's rows (suppressed values are empty cells, formulas neutralised: see csv.ts). */
export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => csvCell(c.csv ? c.csv(row) : (row as Record<string, unknown>)[c.key])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves text as a CSV file in the browser's downloads. */
export function download(filename: string, content: string | Blob): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type: 'text/csv;charset=utf-8' }) : content);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An NHS.UK table of a figure's rows, scrollable on narrow screens, with a CSV download when `csvName` is given. */
export function FigureTable<Row>({
  caption,
  columns,
  rows,
  csvName,
  testId,
  hideCaption,
  emptyText = 'No rows.',
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  csvName?: string;
  testId?: string;
  /** Keep the caption for screen readers only, when a visible heading already says the same. */
  hideCaption?: boolean;
  /** What to say when there are no rows. */
  emptyText?: string;
}) {
  return (
    <div className="footprint-figure-table">
      <div className="nhsuk-table-container" role="region" aria-label={caption} tabIndex={0}>
        <table className="nhsuk-table" data-testid={testId}>
          <caption className={hideCaption ? 'nhsuk-u-visually-hidden' : 'nhsuk-table__caption nhsuk-table__caption--s'}>{caption}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {columns.map((c) => (
                <th key={c.key} scope="col" className={`nhsuk-table__header${c.numeric ? ' nhsuk-table__header--numeric' : ''}`}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.length === 0 && (
              <tr className="nhsuk-table__row">
                <td className="nhsuk-table__cell" colSpan={columns.length}>
                  {emptyText}
                </td>
              </tr>
            )}
            {rows.map((row, index) => (
              <tr className="nhsuk-table__row" key={index} data-row={index}>
                {columns.map((c) => (
                  <td key={c.key} className={`nhsuk-table__cell${c.numeric ? ' nhsuk-table__cell--numeric' : ''}${c.nowrap ? ' footprint-nowrap' : ''}`} data-column={c.key}>
                    {c.render ? c.render(row) : String((row as Record<string, unknown>)[c.key] ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {csvName && rows.length > 0 && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => download(`${csvName}.csv`, toCsv(columns, rows))}
        >
          Download this table as CSV<span className="nhsuk-u-visually-hidden"> ({caption})</span>
        </button>
      )}
    </div>
  );
}
