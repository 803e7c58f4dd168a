/**
 * The form string search compares: lower case, accents removed, whitespace collapsed, so that
 * `name=zoe` finds Zoë and `address=st albans` finds "St  Albans". Used at write and search time.
 */
export function normalizeSearchString(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
