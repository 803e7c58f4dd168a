import type { TripleAimGap } from '@footprint/partnership';

/**
 * The shapes every part of system performance shares: an indicator's definition, its values in
 * Fingertips' long format, and what statistical process control says of a series. Each part
 * (catalogue, values, SPC, computation, comparison, scorecard, ratings, board report) builds on
 * these and owns its own module beside them.
 */

export type { TripleAimGap };

/** Fingertips' polarity values, exactly as Fingertips writes them. */
export const POLARITIES = ['RAG - High is good', 'RAG - Low is good', 'BOB - Blue orange blue', 'Not applicable'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** The kind of statistic an indicator is: it decides the confidence-interval method. */
export const STATISTIC_TYPES = ['proportion', 'crude-rate', 'directly-standardised-rate', 'indirectly-standardised-ratio', 'mean', 'count'] as const;
export type StatisticType = (typeof STATISTIC_TYPES)[number];

/** The SPC profiles: NHSRplotthedots 0.2.2's defaults, and NHS England's Making Data Count Excel tool. */
export const SPC_PROFILES = ['nhsrplotthedots', 'mdc'] as const;
export type SpcProfileId = (typeof SPC_PROFILES)[number];

/** The areas a value is for. Codes: England E92000001, footprints E54…, places (local authorities) E06/E07/E08/E09…, practices by ODS code. */
export const AREA_TYPES = ['england', 'footprint', 'place', 'practice'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

/**
 * Where an indicator's values come from: computed from the warehouse, imported from CSV (national
 * statistics), or sent by another pillar from the record's own workflows as disclosure-controlled
 * counts (care coordination's social prescribing, docs/coordination.md §5).
 */
export const INDICATOR_ORIGINS = ['warehouse', 'import', 'coordination'] as const;
export type IndicatorOrigin = (typeof INDICATOR_ORIGINS)[number];

/** A dated value an indicator should reach (a target) or pass on the way (a trajectory point). Periods are months, `YYYY-MM`. */
export interface PeriodValue {
  period: string;
  value: number;
}

/** One indicator of the catalogue. */
export interface IndicatorDefinition {
  /** Lower-case words joined by hyphens (the plan's ambitions link to it by this id). */
  id: string;
  name: string;
  /** What is counted and how, in full: the definition shown one click from every number. */
  definition: string;
  /** Where the data or the method comes from. */
  source: string;
  gap: TripleAimGap;
  polarity: Polarity;
  statistic: StatisticType;
  /** How the value reads: '%', 'per 1,000', 'per 100,000', '£ million', 'weeks'… */
  unit: string;
  /** The value is numerator / denominator × multiplier (100 for a percentage, 1000 per 1,000); 1 for a count or a mean. */
  multiplier: number;
  origin: IndicatorOrigin;
  /** The area types values are given for. */
  areaTypes: readonly AreaType[];
  /** An optional target (a national standard, or the plan's). */
  target?: PeriodValue;
  /** An optional trajectory towards the target, in period order. */
  trajectory?: readonly PeriodValue[];
  spcProfile: SpcProfileId;
  /** Shown on public pages (engagement, later) when true. */
  public: boolean;
}

/**
 * One value in long format, one row per indicator × area × period × breakdown, with the columns
 * public-health analysts know from Fingertips. `period` is a calendar month `YYYY-MM` (for a
 * rolling measure, the month its 12 months end). `breakdown` is '' for everyone, or
 * `<dimension>:<group>` such as `imd_quintile:1`. Limits are null where the method gives none
 * (or suppresses them, as below 10 events for a standardised rate).
 */
export interface IndicatorValue {
  indicatorId: string;
  areaCode: string;
  areaType: AreaType;
  period: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  note: string | null;
  /** True for the demo's made-up national series: shown as "Synthetic" wherever it appears. */
  synthetic: boolean;
}

/** Which way is better for SPC: from the polarity (High is good → increase, Low is good → decrease, else neutral). */
export type Improvement = 'increase' | 'decrease' | 'neutral';

export function improvementOf(polarity: Polarity): Improvement {
  return polarity === 'RAG - High is good' ? 'increase' : polarity === 'RAG - Low is good' ? 'decrease' : 'neutral';
}

/** NHSRplotthedots' point types (the `point_type` column of `footprint spc`). */
export const POINT_TYPES = ['common_cause', 'special_cause_improvement', 'special_cause_concern', 'special_cause_neutral_high', 'special_cause_neutral_low'] as const;
export type PointType = (typeof POINT_TYPES)[number];

/** The rule that fired on a point (the `rule` column), or null for common cause. Precedence: outside_limits > trend > two_in_three > shift. */
export const SPC_RULES = ['outside_limits', 'trend', 'two_in_three', 'shift'] as const;
export type SpcRule = (typeof SPC_RULES)[number];

/** Assurance against a target: consistently passing, consistently failing, or hit-and-miss (null without a target). */
export const ASSURANCES = ['consistent_pass', 'consistent_fail', 'inconsistent'] as const;
export type Assurance = (typeof ASSURANCES)[number];

/** The Making Data Count variation icon for a series (from its latest point). */
export const VARIATION_ICONS = ['common_cause', 'improvement_high', 'improvement_low', 'concern_high', 'concern_low', 'neutral_high', 'neutral_low'] as const;
export type VariationIcon = (typeof VARIATION_ICONS)[number];

export interface SpcInputPoint {
  /** ISO date `YYYY-MM-DD` (a month's value is dated its first day). */
  date: string;
  value: number;
}

export interface SpcOptions {
  improvement: Improvement;
  /** A target value, or one per point (a trajectory), aligned with the input. */
  target?: number | readonly (number | null)[];
  /** Dates at which the limits are recalculated (each starts a new group). */
  rebase?: readonly string[];
  /** Fix the mean and limits on the first N points of each group (at least 12). */
  fixAfter?: number;
  profile?: SpcProfileId;
  /** Points in a row for a shift or a trend: 7 (the default); the 'mdc' profile also allows 6. */
  runLength?: number;
}

export interface SpcPointResult {
  date: string;
  value: number;
  mean: number;
  lpl: number;
  upl: number;
  /** The 2σ lines (mean ± 2/3 of the distance to the process limits), for the 2-of-3 rule and charts. */
  lowerTwoSigma: number;
  upperTwoSigma: number;
  target: number | null;
  pointType: PointType;
  rule: SpcRule | null;
  /** Which rebase group the point belongs to (0, 1, …). */
  group: number;
}

export interface SpcResult {
  profile: SpcProfileId;
  improvement: Improvement;
  points: SpcPointResult[];
  /** The variation icon of the latest point. */
  variation: VariationIcon;
  /** Assurance of the latest group against the target, or null without a target (or with a neutral improvement). */
  assurance: Assurance | null;
  /** Warnings a chart must show (fewer than 13 points in a group…). */
  warnings: string[];
}
