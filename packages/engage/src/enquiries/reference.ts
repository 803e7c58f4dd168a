import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read out or written down. */
const CHECK_ALPHABET = '346789ACDEFGHJKLMNPQRTUVWXY';
const CHECK_LENGTH = 5;

/**
 * An enquiry's reference, given to the sender: `FP-E-2026-000042-K7QMD`. The year and a running
 * number make it easy to say on the phone; the five random characters after it (27⁵, over 14
 * million to one) make it something no one can guess or count through to find someone else's.
 */
export function newEnquiryReference(number: number, year: number, random: (max: number) => number = randomInt): string {
  let check = '';
  for (let i = 0; i < CHECK_LENGTH; i++) check += CHECK_ALPHABET[random(CHECK_ALPHABET.length)];
  return `FP-E-${year}-${String(number).padStart(6, '0')}-${check}`;
}

/** A reference as someone typed it (any case, spaces around), in its stored form; undefined when it cannot be one. */
export function parseEnquiryReference(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const reference = text.trim().toUpperCase();
  return /^FP-E-[0-9]{4}-[0-9]{6,}-[A-Z0-9]{5}$/.test(reference) ? reference : undefined;
}
