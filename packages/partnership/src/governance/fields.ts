import { z } from 'zod';
import { isoDate, period, text } from '../store/fields';

/**
 * The governance schemas' field pieces, built on the store's (text, isoDate, period) with one
 * addition: a missing field says "is required" rather than zod's "expected string, received
 * undefined", so a refusal reads as a person would say it.
 */
const typed = (expected: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : expected) });

export const requiredText = (max = 200) => z.string(typed('must be text')).pipe(text(max));
export const requiredDate = z.string(typed('must be a date written YYYY-MM-DD')).pipe(isoDate);
export const flag = z.boolean(typed('must be true or false'));
export const optionalPeriod = period.optional();

/** A code from a list of { code, label }, refused with the list spelled out. */
export function oneOf<const T extends readonly { code: string; label: string }[]>(list: T) {
  const codes = list.map((c) => c.code) as [T[number]['code'], ...T[number]['code'][]];
  return z.enum(codes, typed(`must be one of ${codes.join(', ')}`));
}

export function labelOf(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((c) => c.code === code)?.label ?? code;
}

/** An item id another item points at (a paper an agenda item uses, the agenda item a decision was taken under). */
export const itemId = z.string(typed('must be an item id')).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, { message: 'must be an item id' });

/** A 24-hour clock time, HH:MM. */
export const clockTime = z.string(typed('must be a time written HH:MM')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time written HH:MM (24-hour clock)' });

/** A web address people can open: https (or http) only, never javascript: or data:. */
export const webLink = z
  .string(typed('must be a web address'))
  .max(2000, { message: 'must be at most 2000 characters' })
  .refine((value) => {
    try {
      return ['https:', 'http:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, { message: 'must be a web address starting https://' });

/**
 * An organisation as a governance item stores it: the record's Organization id and its ODS
 * code, resolved against the partnership's register when written (organisations.ts). The name
 * is read from the record when shown, so a renamed organisation is renamed here too.
 */
export const organisationRef = z.object({ id: itemId, odsCode: z.string().regex(/^[A-Z0-9]{3,9}$/, { message: 'must be an ODS code' }).optional() }).strict();
export type OrganisationRef = z.infer<typeof organisationRef>;
