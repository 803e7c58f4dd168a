import type { Assurance, VariationIcon } from '../types';
import type { ScorecardStatus } from './types';

/** The Making Data Count variation icons in words (the text alternative every icon carries). */
export const VARIATION_WORDS: Record<VariationIcon, string> = {
  common_cause: 'Common cause variation: no significant change',
  improvement_high: 'Special cause variation: improvement, higher values',
  improvement_low: 'Special cause variation: improvement, lower values',
  concern_high: 'Special cause variation: concern, higher values',
  concern_low: 'Special cause variation: concern, lower values',
  neutral_high: 'Special cause variation: higher values (neither better nor worse)',
  neutral_low: 'Special cause variation: lower values (neither better nor worse)',
};

/** The assurance icons in words. */
export const ASSURANCE_WORDS: Record<Assurance, string> = {
  consistent_pass: 'Consistently passing the trajectory: it lies beyond the process limits on the good side',
  consistent_fail: 'Consistently failing the trajectory: it lies beyond the process limits on the bad side',
  inconsistent: 'Hit and miss: the trajectory lies within the process limits, so it will sometimes be met and sometimes not',
};

export const STATUS_WORDS: Record<ScorecardStatus, string> = { 'on-track': 'On track', 'off-track': 'Off track', 'no-data': 'No data yet' };

/** Signal or noise, in a few words, from the variation icon. */
export function signalOrNoise(icon: VariationIcon): string {
  if (icon === 'common_cause') return 'noise, not signal: the variation is common cause';
  if (icon.startsWith('improvement')) return 'a signal of improvement (special cause)';
  if (icon.startsWith('concern')) return 'a signal of concern (special cause)';
  return 'a signal of change (special cause, neither better nor worse)';
}

/** A value with its unit: "62.1%", "9.3 per 1,000". */
export function withUnit(value: string, unit: string): string {
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}
