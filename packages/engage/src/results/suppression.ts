/**
 * Small-number suppression for published results: a count of 1 to 7 is shown as `*`, any other
 * count is rounded to the nearest 5, and 0 is shown as 0. Percentages are computed from the
 * published numbers (never from the true counts), so no figure can be worked back from another.
 */

/** A count as published: a whole number (0 or a multiple of 5) or `*` for 1 to 7. */
export type PublishedCount = number | '*';

export const SUPPRESSION_RULES = {
  /** Counts from 1 up to this are suppressed. */
  suppressUpTo: 7,
  /** Every other count is rounded to the nearest multiple of this. */
  roundTo: 5,
} as const;

/** The rules in words, for the results page and the report's method. */
export const SUPPRESSION_WORDS = `To protect the people who responded, a count of 1 to ${SUPPRESSION_RULES.suppressUpTo} is shown as *, every other count is rounded to the nearest ${SUPPRESSION_RULES.roundTo}, and 0 is shown as 0. Percentages are worked out from the rounded numbers, so they may not add up to 100.`;

/** The published form of a true count. */
export function publishedCount(count: number): PublishedCount {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('a count is a whole number of 0 or more');
  if (count === 0) return 0;
  if (count <= SUPPRESSION_RULES.suppressUpTo) return '*';
  return Math.round(count / SUPPRESSION_RULES.roundTo) * SUPPRESSION_RULES.roundTo;
}

/**
 * A published count as a whole-number percentage of a published base; `*` when either is
 * suppressed (or the base is 0), since a percentage of a hidden number would reveal it.
 */
export function publishedPercent(count: PublishedCount, base: PublishedCount): number | '*' {
  if (count === '*' || base === '*' || base === 0) return '*';
  return Math.round((count / base) * 100);
}

/** A mean shown only when more than the suppression threshold answered, to one decimal place. */
export function publishedMean(values: readonly number[]): number | null {
  if (values.length <= SUPPRESSION_RULES.suppressUpTo) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
