/** Calendar days as integers (days since 1970-01-01, UTC), and their ISO forms. */
export const DAY_MS = 86_400_000;
export const YEAR_DAYS = 365.25;

export function dayOf(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) {
    throw new Error(`"${iso}" is not a date (YYYY-MM-DD)`);
  }
  return Math.floor(ms / DAY_MS);
}

// Formatting dates is a hot path (tens of calls per person), so each day's string is made once.
const FIRST = dayOf('1900-01-01');
const LAST = dayOf('2100-12-31');
const isoCache: (string | undefined)[] = new Array(LAST - FIRST + 1);

export function isoDate(day: number): string {
  if (day < FIRST || day > LAST) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  const i = day - FIRST;
  return (isoCache[i] ??= new Date(day * DAY_MS).toISOString().slice(0, 10));
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** A UTC dateTime on the given day at the given minute after midnight (0–1439). */
export function isoDateTime(day: number, minuteOfDay: number): string {
  const m = Math.min(1439, Math.max(0, Math.floor(minuteOfDay)));
  return `${isoDate(day)}T${two(Math.floor(m / 60))}:${two(m % 60)}:00Z`;
}
