import type { PublicContent } from './types';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 December 2026" from an ISO date or timestamp. */
export function longDate(iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : LONG_DATE.format(date);
}

/** "March 2024" from "2024-03" or "2024-03-31". */
export function monthWords(period: string): string {
  const [year, month] = period.split('-');
  const m = Number(month);
  return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${year}` : period;
}

/** A figure with its unit, the way people read it: "62.4%", "9.3 per 1,000". */
export function figure(value: number, unit: string, decimals = 1): string {
  const number = value.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
  if (unit === '%') return `${number}%`;
  if (unit === '' || unit === 'count') return number;
  if (unit.startsWith('£ ')) return `£${number} ${unit.slice(2)}`;
  return `${number} ${unit}`;
}

/** The field names staff change, in words, for a version's "what changed". */
export const FIELD_WORDS: Record<string, string> = { title: 'title', summary: 'summary', body: 'text', position: 'order', illustrative: 'illustrative label' };

/** "Published 3 December 2026, updated 5 December 2026". */
export function publishedWords(item: Pick<PublicContent, 'firstPublishedAt' | 'lastPublishedAt' | 'version'>): string {
  const first = longDate(item.firstPublishedAt);
  const last = longDate(item.lastPublishedAt);
  return item.version > 1 && first !== last ? `Published ${first}, last updated ${last}` : `Published ${first}`;
}

/** The notice on anything made up for the demonstration. */
export function IllustrativeNotice({ what = 'This' }: { what?: string }) {
  return (
    <div className="nhsuk-inset-text fp-illustrative" data-testid="illustrative">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{what} is illustrative: it was written for the demonstration of Footprint and is not the partnership’s own statement.</p>
    </div>
  );
}
