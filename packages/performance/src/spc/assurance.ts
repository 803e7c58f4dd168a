import type { Assurance, Improvement, PointType, VariationIcon } from '../types';

/**
 * Assurance of a group against a target (R/ptd_calculate_assurance_type.R): a pass or a fail is
 * consistent when the target lies outside the process-limit band (strictly), on the side that makes
 * every value in the band pass or fail; otherwise inconsistent. Null without a target or when neutral.
 */
export function assuranceOf(improvement: Improvement, target: number | null, lpl: number, upl: number): Assurance | null {
  if (target === null || improvement === 'neutral' || Number.isNaN(lpl) || Number.isNaN(upl)) return null;
  const increasing = improvement === 'increase';
  if (target > upl) return increasing ? 'consistent_fail' : 'consistent_pass';
  if (target < lpl) return increasing ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}

/** The variation icon of a point type (R/geom_ptd_icon.R, ptd_get_icons). */
export function variationIconOf(pointType: PointType, improvement: Improvement): VariationIcon {
  switch (pointType) {
    case 'common_cause':
      return 'common_cause';
    case 'special_cause_neutral_high':
      return 'neutral_high';
    case 'special_cause_neutral_low':
      return 'neutral_low';
    case 'special_cause_concern':
      return improvement === 'increase' ? 'concern_low' : 'concern_high';
    case 'special_cause_improvement':
      return improvement === 'increase' ? 'improvement_high' : 'improvement_low';
  }
}

/** The point type of a rule's direction (ptd_point_type): high or low, oriented by the improvement direction. */
export function pointTypeOf(direction: 1 | -1 | 0, improvement: Improvement): PointType {
  if (direction === 0) return 'common_cause';
  if (improvement === 'neutral') return direction > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  const oriented = improvement === 'increase' ? direction : -direction;
  return oriented > 0 ? 'special_cause_improvement' : 'special_cause_concern';
}
