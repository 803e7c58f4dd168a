import type { TripleAimGap } from '@footprint/partnership';
import type { Assurance, AreaType, Polarity, VariationIcon } from '../types';

/** Where an ambition stands for one area: on track, off track, or nothing to judge it by yet. */
export const SCORECARD_STATUSES = ['on-track', 'off-track', 'no-data'] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];

/** Which way the plan wants the measure to move (from the indicator's polarity, else from baseline → target). */
export type PlanDirection = 'higher' | 'lower';

/** The trend over the last 12 months (see trend.ts for the method). */
/** 'rising' and 'falling' are for an indicator with no better direction (Blue-orange-blue or Not applicable). */
export const TREND_DIRECTIONS = ['improving', 'worsening', 'rising', 'falling', 'no-significant-change', 'too-few-points'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

export interface Trend {
  direction: TrendDirection;
  /** Least-squares slope per month (in the ambition's units), or null with too few points. */
  slopePerMonth: number | null;
  /** The slope's 95% confidence interval (t with n − 2 degrees of freedom). */
  lower95: number | null;
  upper95: number | null;
  /** Points used (the months of the last 12 up to the scorecard's period that have a value). */
  points: number;
  /** From and to period of the points used. */
  from: string | null;
  to: string | null;
  /** The trend in words ("Improving: falling by 0.4 a month (95% CI 0.2 to 0.6) over 12 months"). */
  words: string;
}

/** The trajectory's value for a period, with how it was found. */
export interface TrajectoryValue {
  period: string;
  value: number;
  /** 'baseline', 'target', 'point' (a trajectory point's own month), 'interpolated' or 'after-target' (held at the target). */
  how: 'baseline' | 'point' | 'interpolated' | 'target' | 'after-target';
  /** In words: "interpolated between 45.3 (2022-03) and 54.7 (2023-03)". */
  words: string;
}

export interface GapToTrajectory {
  /** latest − trajectory, in the ambition's units (signed). */
  value: number;
  /** Better, worse or level given the plan's direction. */
  direction: 'better' | 'worse' | 'level';
}

export interface ScorecardArea {
  code: string;
  name: string;
  type: Extract<AreaType, 'footprint' | 'place' | 'practice'>;
}

/** One ambition for one area (the footprint or a place). */
export interface ScorecardCell {
  area: ScorecardArea;
  /** The latest value at or before the scorecard's period, in the ambition's units. */
  latest: { period: string; value: number; synthetic: boolean } | null;
  trajectory: TrajectoryValue | null;
  gap: GapToTrajectory | null;
  /** SPC on the whole series to the period, with the trajectory as each point's target (null with fewer than 2 points). */
  variation: VariationIcon | null;
  assurance: Assurance | null;
  spcWarnings: string[];
  trend: Trend;
  status: ScorecardStatus;
  /** Why, in words, including whether the movement is signal or noise. */
  reason: string;
  /** How many values the series has (to the period). */
  points: number;
}

export interface ScorecardIndicatorRef {
  id: string;
  name: string;
  role: 'primary' | 'supporting';
  unit: string;
  polarity: Polarity;
  /** False when the plan links an id the catalogue does not have. */
  known: boolean;
}

export interface ScorecardAmbition {
  id: string;
  statement: string;
  gap: TripleAimGap;
  measure: string;
  unit: string;
  baseline: { value: number; period: string };
  target: { value: number; period: string };
  /** The plan's trajectory points, as months. */
  trajectory: Array<{ value: number; period: string }>;
  illustrative: boolean;
  note: string | null;
  direction: PlanDirection;
  /** The indicator the ambition is measured by, or null when it links only supporting ones. */
  primary: ScorecardIndicatorRef | null;
  indicators: ScorecardIndicatorRef[];
  /** What each value of the primary indicator is multiplied by to read in the ambition's units (12 for a monthly rate against a yearly measure). */
  scale: number;
  scaleWords: string | null;
  footprint: ScorecardCell;
  places: ScorecardCell[];
}

export interface ScorecardGap {
  gap: TripleAimGap;
  label: string;
  ambitions: ScorecardAmbition[];
  /** Footprint statuses counted. */
  counts: Record<ScorecardStatus, number>;
}

export interface Scorecard {
  plan: { id: string; name: string; version: string };
  footprint: { code: string; name: string };
  places: Array<{ code: string; name: string }>;
  /** The month the scorecard is for (values after it are ignored), or null for "the latest there is". */
  period: string | null;
  /** The newest period of any value used. */
  latestPeriod: string | null;
  gaps: ScorecardGap[];
  /** The methods, in words, for the page and the report. */
  methods: { trajectory: string; gap: string; spc: string; trend: string; status: string };
}
