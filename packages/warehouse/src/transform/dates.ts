/**
 * FHIR date and dateTime text to an ISO DATE: partial dates take their first day (`2020-05` →
 * `2020-05-01`), times are dropped (the local date as written). Anything else is null.
 */
export function toDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const length = value.length;
  if (length >= 10 && value[4] === '-' && value[7] === '-') return value.slice(0, 10);
  if (length === 7 && value[4] === '-') return `${value}-01`;
  if (length === 4 && /^\d{4}$/.test(value)) return `${value}-01-01`;
  return null;
}

/** Date of birth kept only to the month: the first day of the birth month. */
export function toBirthMonth(value: unknown): string | null {
  const date = toDate(value);
  return date ? `${date.slice(0, 8)}01` : null;
}

export function firstDate(...values: unknown[]): string | null {
  for (const value of values) {
    const date = toDate(value);
    if (date) return date;
  }
  return null;
}
