/**
 * FHIR date, dateTime and instant values as ranges of time. A FHIR date is as precise as it is
 * written: `2020` is the whole year, `2020-03` the whole month. Search compares ranges, so each
 * value becomes [start, end) in UTC instants. Also the calendar check the validator uses, since the
 * R4 regular expressions accept impossible dates such as `2021-02-30`.
 */

const pattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** An inclusive-exclusive range of epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

/** The earliest and latest instants used for the open ends of a Period. */
export const MIN_INSTANT = '0001-01-01T00:00:00.000Z';
export const MAX_INSTANT = '9999-12-31T23:59:59.999Z';

function utc(y: number, mo: number, d = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d); // setUTCFullYear keeps years 0–99 as written (Date.UTC would add 1900)
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function daysInMonth(year: number, month1: number): number {
  return new Date(utc(year, month1, 0)).getUTCDate();
}

/**
 * Parses a FHIR date/dateTime/instant into the range it denotes, or undefined when it is not a
 * real point on the calendar (wrong shape, month 13, 30 February, hour 24…). A time without a
 * zone is read as UTC (FHIR requires a zone with a time; the validator enforces that separately).
 */
export function parseDateRange(text: string): TimeRange | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: utc(year, 0), end: utc(year + 1, 0) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { start: utc(year, month - 1), end: utc(year, month) };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  if (m[4] === undefined) return { start: utc(year, month - 1, day), end: utc(year, month - 1, day + 1) };

  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] ?? '';
  const ms = fraction ? Number((fraction + '00').slice(0, 3)) : 0;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 14 || zm > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm);
  }
  const start = utc(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  // Precision: to the minute, the second, or the written fraction (down to a millisecond).
  const width = m[6] === undefined ? 60_000 : !fraction ? 1000 : fraction.length >= 3 ? 1 : 10 ** (3 - fraction.length);
  return { start, end: start + width };
}

/** True when `text` names a real calendar date/time (for values that already match the FHIR regex). */
export function isRealDate(text: string): boolean {
  return parseDateRange(text) !== undefined;
}

/** Epoch milliseconds as an ISO instant with milliseconds, e.g. `2020-03-01T00:00:00.000Z`. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}
