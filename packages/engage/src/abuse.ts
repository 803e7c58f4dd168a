/**
 * What protects the public's forms (get in touch, consultation responses) from abuse, shared by
 * both: a honeypot field, size limits, and the rule that every input is text. Rate limits per
 * address are the server's (apps/server/src/public/submission-limit.ts).
 */

/**
 * The honeypot: a field people never see (hidden from view and from assistive technology, with
 * autocomplete off) that form-filling robots fill in. A submission with it filled is dropped
 * quietly: the answer looks like success, and nothing is stored.
 */
export const HONEYPOT_FIELD = 'website';

/** True when the honeypot field holds anything: the submission is a robot's. */
export function isHoneypotFilled(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const value = (body as Record<string, unknown>)[HONEYPOT_FIELD];
  return value !== undefined && value !== null && String(value).trim() !== '';
}

/** Size limits, in characters, on what the public may send. */
export const TEXT_LIMITS = {
  name: 200,
  email: 254,
  topic: 100,
  message: 5000,
  shortAnswer: 500,
  longAnswer: 5000,
} as const;

/**
 * Text as the public typed it: line endings made `\n`, control characters other than newline and
 * tab refused by the caller, and nothing else changed (stored and shown byte for byte, always as text).
 */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/** Control characters (other than tab and newline) that no person types: their presence is refused. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
