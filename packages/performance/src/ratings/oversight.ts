import { cutPointProblems, formatNumber, RatingInputError, scoreAgainstCutPoints, type IndicatorReadings, type RatingDomainExplanation, type RatingEngine, type RatingItemExplanation, type RatingResult, type RatingValue, type ScoredPolarity } from './types';

/**
 * NHS Oversight Framework 2025/26-style segmentation: each metric scored 1 (best) to 4, by
 * quartile rank among the bodies compared or by fixed thresholds; the scores averaged; the
 * average mapped to segments 1–4 by quartiles (2025/26) or fixed thresholds (2026/27); a
 * financial override that caps the segment; and a league table ranked by segment, then average.
 * Segment 5 (the Provider Improvement Programme) is NHS England's decision, not computed.
 */

export const OVERSIGHT_SEGMENTS: readonly RatingValue[] = [
  { value: '1', rank: 1, label: 'Segment 1' },
  { value: '2', rank: 2, label: 'Segment 2' },
  { value: '3', rank: 3, label: 'Segment 3' },
  { value: '4', rank: 4, label: 'Segment 4' },
];

export interface OversightMetricConfiguration {
  indicatorId: string;
  name: string;
  unit: string;
  polarity: ScoredPolarity;
  /** For `metricScoring: 'thresholds'`: three cut points scoring 1 to 4 (see scoreAgainstCutPoints). */
  cutPoints?: readonly [number, number, number];
}

export interface FinancialOverrideConfiguration {
  indicatorId: string;
  name: string;
  /** A value below this (a deficit against plan, £ million) triggers the override. */
  below: number;
  /** The best segment a body may then have (3: no better than segment 3). */
  bestSegment: number;
}

export interface OversightConfiguration {
  illustrative: boolean;
  note: string;
  metrics: readonly OversightMetricConfiguration[];
  /** 'quartile': by rank among the bodies compared (2025/26); 'thresholds': by each metric's cut points. */
  metricScoring: 'quartile' | 'thresholds';
  /** 'quartile': the average's rank among the bodies; 'thresholds': average ≤ cutPoints[0] is segment 1… */
  segmentation: { method: 'quartile' } | { method: 'thresholds'; cutPoints: readonly [number, number, number] };
  financialOverride: FinancialOverrideConfiguration | null;
  /** The least number of metrics with values for a body to be segmented. */
  minimumMetrics: number;
}

/** A body compared: a footprint or a place, with its latest readings. */
export interface OversightBody {
  code: string;
  name: string;
  readings: IndicatorReadings;
}

export interface OversightInputs {
  /** The body rated. */
  subject: string;
  /** Every body compared, the subject among them. */
  bodies: readonly OversightBody[];
}

export interface LeagueTableRow {
  position: number;
  code: string;
  name: string;
  segment: number | null;
  averageScore: number | null;
  overridden: boolean;
  metricsScored: number;
}

const HIGH: ScoredPolarity = 'RAG - High is good';

export const ILLUSTRATIVE_OVERSIGHT_CONFIGURATION: OversightConfiguration = {
  illustrative: true,
  note: 'Illustrative: metrics from Footprint’s catalogue, not the framework’s own metric set; scored by quartile among the bodies compared here, not nationally.',
  metrics: [
    { indicatorId: 'ae-four-hour-performance', name: 'A&E four-hour performance', unit: '%', polarity: HIGH, cutPoints: [78, 75, 70] },
    { indicatorId: 'rtt-18-weeks', name: 'Referral to treatment within 18 weeks', unit: '%', polarity: HIGH, cutPoints: [65, 60, 55] },
    { indicatorId: 'cancer-62-day', name: 'Cancer treatment within 62 days', unit: '%', polarity: HIGH, cutPoints: [75, 70, 65] },
    { indicatorId: 'emergency-admissions-per-1000', name: 'Emergency admissions', unit: 'per 1,000', polarity: 'RAG - Low is good', cutPoints: [7, 8.5, 10] },
    { indicatorId: 'hypertension-treated-to-target', name: 'Hypertension treated to target', unit: '%', polarity: HIGH, cutPoints: [77, 70, 60] },
    { indicatorId: 'diabetes-treated-to-target', name: 'Diabetes treated to target', unit: '%', polarity: HIGH, cutPoints: [70, 60, 50] },
    { indicatorId: 'premature-mortality-cvd-u75', name: 'Premature mortality from cardiovascular disease', unit: 'per 100,000', polarity: 'RAG - Low is good', cutPoints: [60, 75, 90] },
  ],
  metricScoring: 'quartile',
  segmentation: { method: 'quartile' },
  financialOverride: { indicatorId: 'finance-against-plan', name: 'Spending against the system financial plan', below: 0, bestSegment: 3 },
  minimumMetrics: 1,
};

export function oversightConfigurationProblems(configuration: OversightConfiguration): string[] {
  const problems: string[] = [];
  if (!configuration.metrics.length) problems.push('give at least one metric');
  const seen = new Set<string>();
  for (const metric of configuration.metrics) {
    if (seen.has(metric.indicatorId)) problems.push(`metric ${metric.indicatorId} appears twice`);
    seen.add(metric.indicatorId);
    if (configuration.metricScoring === 'thresholds') {
      if (!metric.cutPoints) problems.push(`metric ${metric.indicatorId}: scoring by thresholds needs cut points`);
      else problems.push(...cutPointProblems(`metric ${metric.indicatorId}`, metric.polarity, metric.cutPoints));
    }
  }
  if (configuration.segmentation.method === 'thresholds') problems.push(...cutPointProblems('segment cut points', 'RAG - Low is good', configuration.segmentation.cutPoints));
  const override = configuration.financialOverride;
  if (override && !(Number.isInteger(override.bestSegment) && override.bestSegment >= 1 && override.bestSegment <= 4)) problems.push('financial override: best segment must be 1, 2, 3 or 4');
  if (!(Number.isInteger(configuration.minimumMetrics) && configuration.minimumMetrics >= 1)) problems.push('minimum metrics must be a whole number of at least 1');
  return problems;
}

/**
 * The quartile (1 best to 4) of each value among those given: sorted best first, position p of n
 * (0-based) is quartile ⌊4p / n⌋ + 1; equal values share the best position among them.
 */
export function quartileScores(values: ReadonlyMap<string, number>, betterIsHigher: boolean): Map<string, number> {
  const sorted = [...values.values()].sort((a, b) => (betterIsHigher ? b - a : a - b));
  const n = sorted.length;
  const scores = new Map<string, number>();
  for (const [code, value] of values) scores.set(code, Math.floor((4 * sorted.indexOf(value)) / n) + 1);
  return scores;
}

interface BodyAssessment {
  body: OversightBody;
  items: RatingItemExplanation[];
  average: number | null;
  scored: number;
  segment: number | null;
  overridden: boolean;
  overrideText: string;
  overrideState: OverrideState;
  segmentText: string;
}

/** What the financial override did: lowered the segment, was triggered but the segment was already no better, was not triggered, or could not be tested. */
export type OverrideState = 'applied' | 'triggered, no change' | 'not triggered' | 'not tested' | 'not configured';

const ORDINAL = ['', 'first', 'second', 'third', 'fourth'];

export class OversightEngine implements RatingEngine<OversightInputs, OversightConfiguration> {
  readonly id = 'nhs-oversight-framework';
  readonly name = 'NHS Oversight Framework segmentation (2025/26 style)';
  readonly source = 'NHS England, NHS Oversight Framework 2025/26: metrics scored 1–4, averaged, segmented by quartile with a financial override, and league tables by segment then average; 2026/27 uses fixed thresholds.';

  constructor(readonly configuration: OversightConfiguration = ILLUSTRATIVE_OVERSIGHT_CONFIGURATION) {
    const problems = oversightConfigurationProblems(configuration);
    if (problems.length) throw new RatingInputError(problems);
  }

  rate(inputs: OversightInputs): RatingResult {
    const assessments = this.assess(inputs.bodies);
    const mine = assessments.find((a) => a.body.code === inputs.subject);
    if (!mine) throw new RatingInputError([`the subject ${inputs.subject} is not among the bodies compared`]);
    const config = this.configuration;
    const notes = config.illustrative ? [config.note] : [];
    if (inputs.bodies.length < 4 && (config.metricScoring === 'quartile' || config.segmentation.method === 'quartile')) notes.push(`Only ${inputs.bodies.length} bodies compared: quartiles are coarse.`);
    const row = this.leagueTable(inputs.bodies).find((r) => r.code === inputs.subject)!;
    const metricsDomain: RatingDomainExplanation = {
      id: 'metrics',
      name: 'Metrics',
      score: mine.average,
      weight: null,
      rating: null,
      text: mine.average === null ? `No metric has a value for ${mine.body.name}.` : `Average metric score ${formatNumber(mine.average)} from ${mine.scored} of ${config.metrics.length} metrics. ${mine.segmentText}`,
      items: mine.items,
    };
    const domains = [metricsDomain];
    if (config.financialOverride) {
      const o = config.financialOverride;
      const reading = mine.body.readings[o.indicatorId];
      domains.push({
        id: 'financial-override',
        name: 'Financial override',
        score: null,
        weight: null,
        rating: mine.overrideState,
        text: mine.overrideText,
        items: [{ id: o.indicatorId, name: o.name, value: reading?.value ?? null, unit: '£ million', period: reading?.period ?? null, score: null, weight: null, text: mine.overrideText }],
      });
    }
    const rating = mine.segment === null ? null : OVERSIGHT_SEGMENTS[mine.segment - 1];
    return {
      engine: { id: this.id, name: this.name },
      subject: inputs.subject,
      computed: true,
      rating,
      score: mine.average,
      summary: rating
        ? `Computed segment ${rating.value}${mine.overridden ? ' (after the financial override)' : ''}: average metric score ${formatNumber(mine.average!)}, position ${row.position} of ${inputs.bodies.length} in the league table.`
        : `Not segmented: ${mine.scored} metrics have values, ${config.minimumMetrics} needed.`,
      domains,
      notes,
    };
  }

  /** Every body compared, ranked by segment, then by average score (lower is better), then by code; unsegmented last. */
  leagueTable(bodies: readonly OversightBody[]): LeagueTableRow[] {
    const rows = this.assess(bodies).map((a) => ({ code: a.body.code, name: a.body.name, segment: a.segment, averageScore: a.average, overridden: a.overridden, metricsScored: a.scored }));
    const key = (v: number | null) => (v === null ? Infinity : v);
    rows.sort((a, b) => key(a.segment) - key(b.segment) || key(a.averageScore) - key(b.averageScore) || a.code.localeCompare(b.code));
    return rows.map((r, i) => ({ position: i + 1, ...r }));
  }

  private assess(bodies: readonly OversightBody[]): BodyAssessment[] {
    const config = this.configuration;
    const codes = new Set<string>();
    for (const b of bodies) {
      if (codes.has(b.code)) throw new RatingInputError([`body ${b.code} is given twice`]);
      codes.add(b.code);
    }
    const metricScores = new Map<string, Map<string, number>>();
    for (const metric of config.metrics) {
      const values = new Map<string, number>();
      for (const b of bodies) {
        const v = b.readings[metric.indicatorId]?.value;
        if (v !== null && v !== undefined && Number.isFinite(v)) values.set(b.code, v);
      }
      metricScores.set(
        metric.indicatorId,
        config.metricScoring === 'quartile' ? quartileScores(values, metric.polarity === HIGH) : new Map([...values].map(([c, v]) => [c, scoreAgainstCutPoints(v, metric.polarity, metric.cutPoints!)])),
      );
    }
    const partial = bodies.map((body) => {
      const scores: number[] = [];
      const items = config.metrics.map((metric): RatingItemExplanation => {
        const reading = body.readings[metric.indicatorId];
        const score = metricScores.get(metric.indicatorId)!.get(body.code) ?? null;
        const base = { id: metric.indicatorId, name: metric.name, unit: metric.unit, period: reading?.period ?? null, weight: 1 };
        if (score === null) return { ...base, value: null, score: null, text: `${metric.name}: no value, so not scored.` };
        scores.push(score);
        const compared = metricScores.get(metric.indicatorId)!.size;
        const how = config.metricScoring === 'thresholds' ? `cut points ${metric.cutPoints!.join(', ')}` : compared === 1 ? 'the only body with a value' : `${ORDINAL[score]} quartile of ${compared} bodies`;
        return { ...base, value: reading!.value, score, text: `${metric.name}: ${formatNumber(reading!.value!)} ${metric.unit} scores ${score} (${how}; ${metric.polarity === HIGH ? 'high' : 'low'} is good).` };
      });
      const average = scores.length >= config.minimumMetrics ? scores.reduce((s, v) => s + v, 0) / scores.length : null;
      return { body, items, average, scored: scores.length };
    });
    const averages = new Map(partial.flatMap((p) => (p.average === null ? [] : [[p.body.code, p.average] as [string, number]])));
    const segmentBy = config.segmentation;
    const segments = segmentBy.method === 'quartile' ? quartileScores(averages, false) : new Map([...averages].map(([c, v]) => [c, scoreAgainstCutPoints(v, 'RAG - Low is good', segmentBy.cutPoints)]));
    return partial.map((p) => {
      const bySegment = segments.get(p.body.code) ?? null;
      const segmentText = bySegment === null ? '' : segmentBy.method === 'quartile' ? `The average is in the ${ORDINAL[bySegment]} quartile of ${averages.size} bodies: segment ${bySegment}.` : `Against segment cut points ${segmentBy.cutPoints.join(', ')}: segment ${bySegment}.`;
      const { segment, overridden, overrideText, overrideState } = this.override(p.body, bySegment);
      return { ...p, segment, overridden, overrideText, overrideState, segmentText };
    });
  }

  private override(body: OversightBody, segment: number | null): { segment: number | null; overridden: boolean; overrideText: string; overrideState: OverrideState } {
    const o = this.configuration.financialOverride;
    if (!o) return { segment, overridden: false, overrideText: '', overrideState: 'not configured' };
    const value = body.readings[o.indicatorId]?.value;
    if (value === null || value === undefined || !Number.isFinite(value)) return { segment, overridden: false, overrideText: `${o.name}: no value, so the financial override was not tested.`, overrideState: 'not tested' };
    if (!(value < o.below)) return { segment, overridden: false, overrideText: `${o.name}: ${formatNumber(value)} £ million is not below ${o.below}: no override.`, overrideState: 'not triggered' };
    const overridden = segment !== null && segment < o.bestSegment;
    const text = `${o.name}: ${formatNumber(value)} £ million is below ${o.below}, so the segment can be no better than ${o.bestSegment}${overridden ? `: segment ${segment} became ${o.bestSegment}.` : segment === null ? '.' : `; it was already ${segment}.`}`;
    return { segment: overridden ? o.bestSegment : segment, overridden, overrideText: text, overrideState: overridden ? 'applied' : 'triggered, no change' };
  }
}
