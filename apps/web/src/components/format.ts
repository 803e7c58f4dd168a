/** Number and date formatting for figures, in British English. */
const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Suppressed values (null after disclosure control) print as [c], the ONS convention for "confidential". */
export const SUPPRESSED = '[c]';

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? SUPPRESSED : integer.format(value);
}

export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? SUPPRESSED : oneDecimal.format(value);
}

export function formatDate(value: string | undefined | null): string {
  if (!value) return 'Not recorded';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatDateTime(value: string | undefined | null): string {
  if (!value) return 'Not recorded';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** NHS numbers are shown in the 3-3-4 format staff recognise. */
export function formatNhsNumber(value: string | undefined): string {
  if (!value) return 'Not known';
  const digits = value.replace(/\s+/g, '');
  return digits.length === 10 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : value;
}
