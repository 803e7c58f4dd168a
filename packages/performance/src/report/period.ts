/** The report's period: one calendar month, `YYYY-MM`. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A period the report cannot be made for: the API answers 400 with the message. */
export class BoardReportInputError extends Error {
  override readonly name = 'BoardReportInputError';
}

export function checkReportPeriod(period: unknown): string {
  if (typeof period !== 'string' || !MONTH.test(period)) throw new BoardReportInputError(`period must be a month YYYY-MM, such as 2025-03 (got ${JSON.stringify(period)?.slice(0, 40) ?? 'nothing'})`);
  return period;
}

export interface PeriodBounds {
  /** First day, `YYYY-MM-01`. */
  start: string;
  /** Last day. */
  end: string;
  /** The day after the last: what "overdue by the end of the period" is judged on. */
  after: string;
  /** The month before, `YYYY-MM`. */
  previous: string;
  /** "March 2025". */
  label: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function periodBounds(period: string): PeriodBounds {
  const [, y, m] = MONTH.exec(checkReportPeriod(period))!;
  const year = Number(y);
  const month = Number(m) - 1;
  const after = new Date(Date.UTC(year, month + 1, 1));
  const end = new Date(Date.UTC(year, month + 1, 0));
  const previous = new Date(Date.UTC(year, month - 1, 1));
  return { start: `${period}-01`, end: iso(end), after: iso(after), previous: iso(previous).slice(0, 7), label: `${MONTH_NAMES[month]} ${year}` };
}

/** "2025-03-14" → "14 March 2025". */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`;
}

/** "2025-03" → "March 2025". */
export function monthName(period: string): string {
  const [y, m] = period.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`;
}

/** Plain code-point order: the same on every machine (localeCompare is not). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
