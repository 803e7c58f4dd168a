import type { ReactNode } from 'react';

/** "2025-03-14" → "14 March 2025" (the report's dates, as the PDF writes them). */
export function reportDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "2025-03" → "March 2025". */
export function reportMonth(period: string): string {
  return new Date(`${period}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A value with its unit, as the PDF prints it: en-GB grouping, at most one decimal. */
export function reportValue(value: number | null | undefined, unit = '', decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const n = value.toLocaleString('en-GB', { maximumFractionDigits: decimals });
  if (!unit || unit === 'count') return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

export interface ReportColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/** An NHS.UK table with its caption, or the words for "nothing here" when there are no rows. */
export function ReportTable<T>({ caption, columns, rows, empty, rowKey, testId }: { caption: string; columns: ReportColumn<T>[]; rows: readonly T[]; empty: string; rowKey: (row: T) => string; testId: string }) {
  if (rows.length === 0)
    return (
      <p className="nhsuk-body" data-testid={`${testId}-empty`}>
        <strong>{caption}:</strong> {empty}
      </p>
    );
  return (
    <div className="nhsuk-table-responsive footprint-report-table">
      <table className="nhsuk-table" data-testid={testId}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`nhsuk-table__header${c.numeric ? ' nhsuk-table__header--numeric' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="nhsuk-table__row">
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.header} scope="row" className="nhsuk-table__cell">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={`nhsuk-table__cell${c.numeric ? ' nhsuk-table__cell--numeric' : ''}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
