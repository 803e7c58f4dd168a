import { ASSURANCE_WORDS as TRAJECTORY_ASSURANCE_WORDS, STATUS_WORDS, VARIATION_WORDS } from '../scorecard/words';
import type { Assurance, PointType, VariationIcon } from '../types';

export { VARIATION_WORDS };

/**
 * The Making Data Count icons and point types in words, for the report's tables and the PDF,
 * where every icon is written out rather than drawn (NHS England, "Making Data Count", icon key).
 */
/** Assurance against an indicator's target (the scorecard's rows are assured against the plan's trajectory instead). */
export const ASSURANCE_WORDS: Record<Assurance, string> = {
  consistent_pass: 'Consistently passing the target',
  consistent_fail: 'Consistently failing the target',
  inconsistent: 'Hit and miss: the target may or may not be met',
};

export const POINT_TYPE_WORDS: Record<PointType, string> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause: improvement',
  special_cause_concern: 'Special cause: concern',
  special_cause_neutral_high: 'Special cause: neutral, higher',
  special_cause_neutral_low: 'Special cause: neutral, lower',
};

export const variationWords = (icon: VariationIcon | null): string => (icon ? VARIATION_WORDS[icon] : 'Not enough values for SPC');
export const assuranceWords = (assurance: Assurance | null): string => (assurance ? ASSURANCE_WORDS[assurance] : 'No target to assure against');
export const trajectoryAssuranceWords = (assurance: Assurance | null): string => (assurance ? TRAJECTORY_ASSURANCE_WORDS[assurance] : 'No trajectory to assure against');

export const MILESTONE_STATUS_WORDS: Record<string, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  delayed: 'Delayed',
  complete: 'Complete',
};

export const SCORECARD_STATUS_WORDS: Record<string, string> = STATUS_WORDS;

/** A number as the report prints it: en-GB grouping, at most `decimals` places. */
export function formatValue(value: number | null | undefined, unit = '', decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const n = value.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
  if (!unit || unit === 'count') return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}
