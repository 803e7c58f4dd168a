import { CohortError } from '../errors';

/** Small-number suppression and rounding for outputs that leave identifiable use. */
export interface DisclosureOptions {
  /** Counts at or below this are suppressed (null). Default 7. */
  threshold?: number;
  /** Counts above the threshold are rounded to the nearest multiple of this. Default 5. */
  rounding?: number;
}

export const DEFAULT_DISCLOSURE = Object.freeze({ threshold: 7, rounding: 5 });

export function resolveDisclosure(options: DisclosureOptions = {}): { threshold: number; rounding: number } {
  const threshold = options.threshold ?? DEFAULT_DISCLOSURE.threshold;
  const rounding = options.rounding ?? DEFAULT_DISCLOSURE.rounding;
  if (!Number.isInteger(threshold) || threshold < 0) throw new CohortError(`disclosure threshold must be a whole number ≥ 0, got ${threshold}`);
  if (!Number.isInteger(rounding) || rounding < 1) throw new CohortError(`disclosure rounding must be a whole number ≥ 1, got ${rounding}`);
  return { threshold, rounding };
}

/** One count after disclosure control: null when suppressed, else rounded (halves round up). */
export function controlCount(count: number | null, options: DisclosureOptions = {}): number | null {
  const { threshold, rounding } = resolveDisclosure(options);
  if (count === null || count <= threshold) return null;
  return Math.round(count / rounding) * rounding;
}

/**
 * Applies disclosure control to the named count columns of each row, and recomputes each named
 * ratio from the controlled counts (null when either count is suppressed), so no unrounded
 * figure can be recovered from a ratio.
 */
export function applyDisclosureControl<R extends Record<string, unknown>>(
  rows: readonly R[],
  counts: readonly (keyof R & string)[],
  options: DisclosureOptions & { ratios?: Record<string, { numerator: keyof R & string; denominator: keyof R & string; per?: number }> } = {},
): R[] {
  resolveDisclosure(options);
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const column of counts) {
      const v = row[column];
      out[column] = controlCount(v === null || v === undefined ? null : Number(v), options);
    }
    for (const [name, { numerator, denominator, per = 1 }] of Object.entries(options.ratios ?? {})) {
      const n = out[numerator] as number | null;
      const d = out[denominator] as number | null;
      out[name] = n === null || d === null || d === 0 ? null : (n / d) * per;
    }
    return out as R;
  });
}
