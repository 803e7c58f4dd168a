import { ID_PATTERN, isValidNhsNumber } from '@footprint/fhir';
import { ApiProblem } from '../problem';
import { PURPOSES } from './labels';

/** The audit search's filters, checked: every one optional, dates as whole days (from inclusive, to inclusive). */
export interface AuditQuery {
  nhsNumber?: string;
  /** A Patient id, for a person without an NHS number (the care record links by id). */
  patient?: string;
  user?: string;
  /** An Organization id. */
  organisation?: string;
  from?: string;
  to?: string;
  purpose?: string;
  /** The page: entries older than this position (the previous page's `next`). */
  before?: string;
  count: number;
}

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^[1-9]\d{0,17}$/;

/** One optional text parameter: absent, blank and repeated values are told apart from good ones. */
function text(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ApiProblem(400, `Give ${name} once`, `${name} was sent more than once.`);
  const trimmed = value.trim();
  if (trimmed.length > 200 || /[\u0000-\u001f]/.test(trimmed)) throw new ApiProblem(400, `Invalid ${name}`, `${name} is too long or holds control characters.`);
  return trimmed === '' ? undefined : trimmed;
}

/** A calendar date YYYY-MM-DD that exists. */
export function day(query: Record<string, unknown>, name: string): string | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new ApiProblem(400, `Invalid ${name === 'from' ? 'start' : 'end'} date`, `${name} must be a date written YYYY-MM-DD.`);
  }
  return value;
}

/** A whole number in a range, or the default. */
export function wholeNumber(query: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const value = text(query, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,6}$/.test(value) || n < min || n > max) throw new ApiProblem(400, `Invalid ${name}`, `${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** Checks the search's query string; a bad filter is a 400 naming it, never an empty page. */
export function parseAuditQuery(query: Record<string, unknown>): AuditQuery {
  const out: AuditQuery = { count: wholeNumber(query, 'count', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE) };
  const nhsNumber = text(query, 'nhsNumber')?.replace(/\s+/g, '');
  if (nhsNumber !== undefined) {
    if (!isValidNhsNumber(nhsNumber)) throw new ApiProblem(400, 'Invalid NHS number', 'An NHS number is 10 digits with a valid check digit.');
    out.nhsNumber = nhsNumber;
  }
  for (const name of ['patient', 'user', 'organisation'] as const) {
    const value = text(query, name);
    if (value === undefined) continue;
    if (!ID_PATTERN.test(value)) throw new ApiProblem(400, `Invalid ${name}`, `${name} must be an id (letters, digits, '-' and '.').`);
    out[name] = value;
  }
  const from = day(query, 'from');
  const to = day(query, 'to');
  if (from && to && from > to) throw new ApiProblem(400, 'Dates the wrong way round', 'The start date is after the end date.');
  if (from) out.from = from;
  if (to) out.to = to;
  const purpose = text(query, 'purpose');
  if (purpose !== undefined) {
    if (!PURPOSES.some((p) => p.code === purpose)) throw new ApiProblem(400, 'Invalid purpose', `purpose must be one of ${PURPOSES.map((p) => p.code).join(', ')}.`);
    out.purpose = purpose;
  }
  const before = text(query, 'before');
  if (before !== undefined) {
    if (!POSITION.test(before)) throw new ApiProblem(400, 'Invalid page', 'before must be the `next` of a previous page.');
    out.before = before;
  }
  return out;
}

/** The day after a YYYY-MM-DD date, so an inclusive end date becomes an exclusive bound. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
