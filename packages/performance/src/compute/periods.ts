import type { Interval } from '@footprint/cohort';
import type { WarehouseLike } from '@footprint/insight';
import type { WindowKind } from './types';

const MONTH = /^(\d{4})-(\d{2})$/;

function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month YYYY-MM: ${JSON.stringify(month)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function monthOf(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

function lastDay(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  return `${monthOf(index)}-${String(new Date(Date.UTC(y, m + 1, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** How many calendar months each window spans. */
export const WINDOW_MONTHS: Readonly<Record<WindowKind, number>> = { month: 1, 'rolling-12': 12, 'rolling-24': 24 };

/** The interval a period's value is measured over: the month, or the 12 or 24 months ending with it. */
export function periodInterval(period: string, window: WindowKind): Interval {
  const end = monthIndex(period);
  const start = end - WINDOW_MONTHS[window] + 1;
  return { start: `${monthOf(start)}-01`, end: lastDay(end) };
}

/** The period (`YYYY-MM`) an interval's value is for: the month its end falls in. */
export function periodOf(intervalEnd: string): string {
  return intervalEnd.slice(0, 7);
}

/** `count` consecutive months ending with `last` (`YYYY-MM`), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 240) throw new RangeError(`months must be a whole number from 1 to 240, got ${JSON.stringify(count)}`);
  const end = monthIndex(last);
  return Array.from({ length: count }, (_, i) => monthOf(end - count + 1 + i));
}

/** The last complete month on a date (`YYYY-MM-DD`): its own month when it is the month's last day, else the month before. */
export function lastCompleteMonth(date: string): string {
  const index = monthIndex(date.slice(0, 7));
  return lastDay(index) === date.slice(0, 10) ? monthOf(index) : monthOf(index - 1);
}

/** Checks a list of months: each `YYYY-MM`, no repeats; returned in order. */
export function checkMonths(months: readonly string[]): string[] {
  if (months.length === 0) throw new RangeError('at least one month is needed');
  const seen = new Set<string>();
  for (const m of months) {
    monthIndex(m);
    if (seen.has(m)) throw new RangeError(`month ${m} is given twice`);
    seen.add(m);
  }
  return [...seen].sort();
}

/**
 * The latest date the warehouse holds events for (clinical events, encounters or social care),
 * `YYYY-MM-DD`, or null when it holds none: the data's end, from which complete months are counted.
 * Standard SQL, the same on either engine.
 */
export async function latestDataDate(warehouse: Pick<WarehouseLike, 'query'>): Promise<string | null> {
  const rows = await warehouse.query(
    'SELECT max(d) AS latest FROM (SELECT max(date) AS d FROM clinical_events UNION ALL SELECT max(start_date) AS d FROM encounters UNION ALL SELECT max(date) AS d FROM social_care) AS latest_dates',
  );
  const latest = rows[0]?.latest;
  if (latest === null || latest === undefined) return null;
  return latest instanceof Date ? latest.toISOString().slice(0, 10) : String(latest).slice(0, 10);
}
