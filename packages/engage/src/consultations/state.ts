import type { ConsultationState } from './types';

/** Today's date in England (Europe/London, so BST is honoured), as YYYY-MM-DD. */
export function londonDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A consultation's state, computed on reading: `draft` until published; then `upcoming` before
 * its open date, `open` from the open date to the close date inclusive, and `closed` after, by
 * the date in England.
 */
export function consultationState(c: { publishedAt: string | null; opensOn: string; closesOn: string }, now: Date): ConsultationState {
  if (!c.publishedAt) return 'draft';
  const today = londonDate(now);
  if (today < c.opensOn) return 'upcoming';
  if (today > c.closesOn) return 'closed';
  return 'open';
}

/** A UK date written out in words: `12 March 2027`. */
export function dateInWords(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T12:00:00Z`));
}
