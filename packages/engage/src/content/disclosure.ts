import { controlCount, DEFAULT_DISCLOSURE } from '@footprint/cohort';
import type { IndicatorValue } from '@footprint/performance';

/**
 * Disclosure control on the indicator values the public sees, as insight and cohort outputs do
 * (packages/cohort measures/disclosure): a value whose numerator is a small count (at or below the
 * threshold, 7 by default) is hidden, with its numerator and denominator, so no one can be picked
 * out of a small group. The public pages say why a value is hidden.
 */
export const PUBLIC_DISCLOSURE = DEFAULT_DISCLOSURE;

/** Why a hidden value is hidden, in words the public reads. */
export const SUPPRESSION_WORDS = `Hidden to protect privacy: fewer than ${PUBLIC_DISCLOSURE.threshold + 1} people were counted, so the figure could identify someone.`;

/** One value as the public may see it. */
export interface PublicValue {
  period: string;
  /** Null when hidden (or when the source had no value). */
  value: number | null;
  /** True when disclosure control hid it. */
  suppressed: boolean;
  synthetic: boolean;
}

/** True when this value may not be shown: its numerator is a small count. */
export function isDisclosive(value: Pick<IndicatorValue, 'numerator'>, threshold: number = PUBLIC_DISCLOSURE.threshold): boolean {
  return value.numerator !== null && controlCount(value.numerator, { threshold, rounding: 1 }) === null;
}

/**
 * The values with every disclosive one hidden: its value, numerator, denominator and intervals
 * made null (so nothing computed from it, such as an SPC chart or a scorecard status, can show it).
 */
export function controlIndicatorValues(values: readonly IndicatorValue[], threshold: number = PUBLIC_DISCLOSURE.threshold): { values: IndicatorValue[]; suppressed: Set<string> } {
  const suppressed = new Set<string>();
  const out = values.map((v) => {
    if (!isDisclosive(v, threshold)) return v;
    suppressed.add(`${v.indicatorId}|${v.areaCode}|${v.breakdown}|${v.period}`);
    return { ...v, value: null, numerator: null, denominator: null, lower95: null, upper95: null, lower998: null, upper998: null, note: 'suppressed' };
  });
  return { values: out, suppressed };
}

/** The public's view of one area's series: every month, hidden ones marked. */
export function publicSeries(values: readonly IndicatorValue[], suppressed: ReadonlySet<string>): PublicValue[] {
  return [...values]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((v) => ({ period: v.period, value: v.value, suppressed: suppressed.has(`${v.indicatorId}|${v.areaCode}|${v.breakdown}|${v.period}`), synthetic: v.synthetic }));
}
