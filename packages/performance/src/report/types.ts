import type { ActionView, MilestoneStatus, PlanTree, RiskBand, TripleAimGap } from '@footprint/partnership';
import type { Assurance, IndicatorDefinition, IndicatorValue, Polarity, SpcResult, VariationIcon } from '../types';

/**
 * The board report (docs/performance.md §7): for one month, the plan's scorecard, the SPC charts
 * of the indicators that changed, progress ratings, milestones due and missed, the top risks, and
 * the decisions and actions of the governance log. `buildBoardReport` makes it from inputs already
 * gathered, so the same inputs give the same report, byte for byte once rendered.
 */

/**
 * The parts of the plan's scorecard (../scorecard) the report reads: written structurally so the
 * report depends only on what it shows.
 */
export interface ScorecardSource {
  plan: { id: string; name: string; version: string };
  period: string | null;
  latestPeriod: string | null;
  gaps: ReadonlyArray<{
    gap: TripleAimGap;
    label: string;
    ambitions: ReadonlyArray<{
      id: string;
      statement: string;
      unit: string;
      baseline: { value: number; period: string };
      target: { value: number; period: string };
      illustrative: boolean;
      primary: { id: string; name: string } | null;
      footprint: {
        latest: { period: string; value: number; synthetic: boolean } | null;
        trajectory: { value: number } | null;
        gap: { value: number; direction: 'better' | 'worse' | 'level' } | null;
        variation: VariationIcon | null;
        assurance: Assurance | null;
        trend: { direction: string; words: string };
        status: string;
        reason: string;
      };
    }>;
  }>;
}

/** A computed rating, as the rating engines (../ratings) explain it. */
export interface RatingSource {
  engine: { id: string; name: string };
  subject: string;
  rating: { value: string; rank: number; label: string } | null;
  score: number | null;
  summary: string;
  domains: ReadonlyArray<{ id: string; name: string; score: number | null; rating: string | null; text: string }>;
  notes: readonly string[];
}

/** A rating as it was published, stored as data with its source (never recomputed). */
export interface PublishedRatingSource {
  scheme: string;
  period: string;
  rating: string;
  ratingLabel: string;
  source: string;
  sourceUrl: string | null;
}

/** One indicator's footprint series to the period, with SPC at the period and at the month before. */
export interface IndicatorSeries {
  definition: IndicatorDefinition;
  /** The footprint's values (everyone), oldest first, none after the period. */
  values: readonly IndicatorValue[];
  /** SPC on the series to the period, or null with fewer than 2 values. */
  spc: SpcResult | null;
  /** SPC on the series to the month before the period, or null with fewer than 2 values then. */
  previous: SpcResult | null;
}

/** A decision of the governance log, with the meeting and body it was taken at. */
export interface DecisionSource {
  id: string;
  reference?: string;
  text: string;
  date: string;
  status: string;
  statusLabel: string;
  body: { id: string; name: string };
  meeting: { id: string; title: string; date: string };
}

/** Everything the report is made from, gathered beforehand (gatherBoardReportInputs reads them from the stores). */
export interface BoardReportInputs {
  /** The month, `YYYY-MM`. */
  period: string;
  footprint: { code: string; name: string };
  /** The plan version reported on (its milestones and risks), or null when the footprint has none. */
  plan: Pick<PlanTree, 'plan' | 'priorities' | 'risks'> | null;
  scorecard: ScorecardSource | null;
  indicators: readonly IndicatorSeries[];
  ratings: { computed: readonly RatingSource[]; published: readonly PublishedRatingSource[] };
  governance: { decisions: readonly DecisionSource[]; actions: readonly ActionView[] };
  /** How many risks to show (default 5). */
  topRisks?: number;
}

export interface ReportScorecardRow {
  gap: TripleAimGap;
  gapLabel: string;
  ambitionId: string;
  statement: string;
  indicator: string | null;
  unit: string;
  baseline: { value: number; period: string };
  target: { value: number; period: string };
  latest: { period: string; value: number; synthetic: boolean } | null;
  trajectory: number | null;
  gapToTrajectory: { value: number; direction: 'better' | 'worse' | 'level' } | null;
  variation: VariationIcon | null;
  assurance: Assurance | null;
  trend: string;
  status: string;
  reason: string;
  illustrative: boolean;
}

/** Why an indicator is in the report's charts section. */
export type ChangeReason = 'special-cause' | 'variation-changed' | 'assurance-changed';

export interface ReportIndicator {
  id: string;
  name: string;
  gap: TripleAimGap;
  unit: string;
  polarity: Polarity;
  synthetic: boolean;
  latest: { period: string; value: number };
  variation: VariationIcon;
  previousVariation: VariationIcon | null;
  assurance: Assurance | null;
  previousAssurance: Assurance | null;
  reasons: ChangeReason[];
  /** The reasons in words. */
  why: string;
  spc: SpcResult;
}

export interface ReportMilestone {
  id: string;
  name: string;
  programme: string;
  due: string;
  status: MilestoneStatus;
  completed: string | null;
  /** Not complete by the end of the period though due by then (judged as at the period's end). */
  missed: boolean;
  illustrative: boolean;
}

export interface ReportRisk {
  id: string;
  title: string;
  programme: string | null;
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  owner: string;
  mitigation: string;
  illustrative: boolean;
}

export interface ReportAction {
  id: string;
  description: string;
  owner: string;
  dueDate: string;
  status: string;
  statusLabel: string;
  /** Open or in progress with its due date before the period's end. */
  overdue: boolean;
  body: string;
  meeting: { title: string; date: string };
  decision: string | null;
}

export interface BoardReport {
  period: string;
  /** "March 2025". */
  periodLabel: string;
  /** The period's first and last days, ISO dates. */
  periodStart: string;
  periodEnd: string;
  footprint: { code: string; name: string };
  plan: { id: string; name: string; version: string } | null;
  scorecard: { rows: ReportScorecardRow[]; latestPeriod: string | null } | null;
  indicators: { changed: ReportIndicator[]; considered: number; unchanged: number };
  ratings: { computed: RatingSource[]; published: PublishedRatingSource[] };
  milestones: { due: ReportMilestone[]; missed: ReportMilestone[] };
  risks: { top: ReportRisk[]; open: number };
  governance: { decisions: DecisionSource[]; actions: ReportAction[] };
  /** How each section was chosen, in words (shown in the report). */
  methods: { changed: string; milestones: string; risks: string; governance: string };
  /** SHA-256 of the report's content (everything above): the PDF's metadata carries it. */
  digest: string;
}
