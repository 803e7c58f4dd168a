import { z } from 'zod';

/** A calendar date written YYYY-MM-DD that exists (2023-02-30 does not). */
export const isoDate = z.string().refine((value) => isCalendarDate(value), { message: 'must be a date written YYYY-MM-DD' });

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Text a person typed: trimmed, not empty, at most `max` characters, no control characters but newlines and tabs. */
export const text = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), { message: 'must not hold control characters' });

/** A stretch of time: either end may be open; the start is never after the end. */
export const period = z
  .object({ start: isoDate.optional(), end: isoDate.optional() })
  .strict()
  .refine((p) => !p.start || !p.end || p.start <= p.end, { message: 'start must not be after end' });
export type Period = z.infer<typeof period>;

/** Whether `on` (YYYY-MM-DD) falls within the period, both ends included. */
export function inPeriod(p: Period | undefined, on: string): boolean {
  if (!p) return true;
  return (!p.start || p.start <= on) && (!p.end || on <= p.end);
}

/** An ODS organisation code (trusts RXX, practices A12345, ICBs QYG, sites and the like). */
export const odsCode = z.string().regex(/^[A-Z0-9]{3,9}$/, { message: 'must be an ODS code: 3 to 9 capital letters and digits' });
/** An ONS GSS code such as E54000008 (a footprint) or E06000049 (a local authority). */
export const onsCode = z.string().regex(/^[EWSNK]\d{8}$/, { message: 'must be an ONS code such as E54000008' });

/** Today's date in England (YYYY-MM-DD): the default `on` of the register, and what "overdue" is judged against. */
export function todayInEngland(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
