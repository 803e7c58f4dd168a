import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';

/** How closely two normalised names agree; the levels are the scoring rules' (see docs/matching.md). */
export type NameAgreement = 'exact' | 'close' | 'near' | 'none';

/** Whether two normalised names sound alike: they share a Double Metaphone code. */
function soundAlike(a: string, b: string): boolean {
  const [a1, a2] = doubleMetaphone(a);
  const [b1, b2] = doubleMetaphone(b);
  return a1 !== '' && (a1 === b1 || a1 === b2 || (a2 !== '' && (a2 === b1 || a2 === b2)));
}

/**
 * exact: equal; close: one edit apart (Levenshtein distance 1: a typo, a dropped or doubled
 * letter) or sounding alike (Double Metaphone); near: two edits apart when both have at least
 * six letters; none otherwise.
 */
export function nameAgreement(a: string, b: string): NameAgreement {
  if (a === '' || b === '') return 'none';
  if (a === b) return 'exact';
  const edits = distance(a, b);
  if (edits === 1 || soundAlike(a, b)) return 'close';
  if (edits === 2 && Math.min(a.length, b.length) >= 6) return 'near';
  return 'none';
}

const RANK: Record<NameAgreement, number> = { exact: 3, close: 2, near: 1, none: 0 };

/** The best agreement between any name of one record and any of the other. */
export function bestNameAgreement(as: readonly string[], bs: readonly string[]): NameAgreement {
  let best: NameAgreement = 'none';
  for (const a of as) for (const b of bs) {
    const found = nameAgreement(a, b);
    if (RANK[found] > RANK[best]) best = found;
  }
  return best;
}

/** Date-of-birth agreement: exact, partial (two of year, month and day agree, or day and month swapped), none. */
export type DateAgreement = 'exact' | 'partial' | 'none';

export function birthDateAgreement(a: string, b: string): DateAgreement {
  if (a === b) return 'exact';
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  if (!am || !ad || !bm || !bd) return 'none';
  const same = Number(ay === by) + Number(am === bm) + Number(ad === bd);
  if (same >= 2 || (ay === by && am === bd && ad === bm)) return 'partial';
  return 'none';
}
