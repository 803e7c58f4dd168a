import type { Comparison, FunnelSignificance } from '@footprint/statistics';
import type { AreaType, Polarity, StatisticType } from '../types';

/** What is compared: places of the footprint, practices (within a place, or all of the footprint's), or footprints. */
export const COMPARISON_LEVELS = ['places', 'practices', 'footprints'] as const;
export type ComparisonLevel = (typeof COMPARISON_LEVELS)[number];

export interface ComparisonArea {
  code: string;
  name: string;
  type: AreaType;
}

/** One area of the comparison. */
export interface ComparisonRow {
  area: ComparisonArea;
  value: number;
  numerator: number | null;
  denominator: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  /** True when the limits were computed here from numerator and denominator (the value had none). */
  limitsComputed: boolean;
  synthetic: boolean;
  /** Against the benchmark by the 95% interval and the polarity. */
  comparison: Comparison;
  /** Against the funnel's average (PHEindicatormethods' assign_funnel_significance), or null off the funnel. */
  significance: FunnelSignificance | null;
  /** Where the point sits on the funnel: x (population, derived one-year denominator, or expected events) and y (the value). */
  funnelX: number | null;
}

/** A line of the funnel as points (x, y) in x order. */
export type FunnelLine = Array<[number, number]>;

export interface FunnelPlot {
  /** PHEindicatormethods' statistic: proportion (Wilson), rate (exact Poisson) or ratio (exact Poisson). */
  statistic: 'proportion' | 'rate' | 'ratio';
  /** The funnel's centre: Σ numerators / Σ denominators × multiplier (1 for a ratio shown as O/E, 100 as an ISR). */
  average: number;
  xLabel: string;
  yLabel: string;
  /** 95% (p = 0.025 each side) and 99.8% (p = 0.001) lines. */
  lower95: FunnelLine;
  upper95: FunnelLine;
  lower998: FunnelLine;
  upper998: FunnelLine;
}

export interface IndicatorComparison {
  indicator: { id: string; name: string; unit: string; polarity: Polarity; statistic: StatisticType; multiplier: number };
  level: ComparisonLevel;
  period: string;
  /** Every period that has values at this level, newest first (for a period switch). */
  periods: string[];
  place: { code: string; name: string } | null;
  /** The area compared with: the footprint for places and practices, England for footprints (where imported). */
  benchmark: (ComparisonArea & { value: number; lower95: number | null; upper95: number | null }) | null;
  rows: ComparisonRow[];
  funnel: FunnelPlot | null;
  /** Why there is no funnel, or what it leaves out, in words. */
  notes: string[];
  counts: Partial<Record<Comparison, number>>;
  methods: { funnel: string; benchmark: string };
}
