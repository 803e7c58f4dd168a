import { cutPointProblems, formatNumber, RatingInputError, scoreAgainstCutPoints, type IndicatorReadings, type RatingDomainExplanation, type RatingEngine, type RatingItemExplanation, type RatingResult, type RatingValue, type ScoredPolarity } from './types';

/**
 * The 2017 STP progress dashboard (NHS England, July 2017): indicators grouped in three domains
 * (hospital performance, patient-focused change, transformation), weighted, and an overall
 * category 1 Outstanding, 2 Advanced, 3 Making progress or 4 Needs most improvement. NHS England's
 * weights and cut points were not published with the ratings (docs/performance.md §6), so every
 * part of the method is configuration; the default is illustrative.
 */

export const STP_CATEGORIES: readonly RatingValue[] = [
  { value: '1', rank: 1, label: 'Outstanding' },
  { value: '2', rank: 2, label: 'Advanced' },
  { value: '3', rank: 3, label: 'Making progress' },
  { value: '4', rank: 4, label: 'Needs most improvement' },
];

export interface StpIndicatorConfiguration {
  indicatorId: string;
  name: string;
  unit: string;
  polarity: ScoredPolarity;
  /** Relative weight within its domain. */
  weight: number;
  /** Three cut points scoring the value 1 (best) to 4 (see scoreAgainstCutPoints). */
  cutPoints: readonly [number, number, number];
}

export interface StpDomainConfiguration {
  id: string;
  name: string;
  /** Relative weight of the domain in the overall score. */
  weight: number;
  indicators: readonly StpIndicatorConfiguration[];
}

export interface StpDashboardConfiguration {
  /** True when the weights and cut points are not NHS England's (the default: nobody has them). */
  illustrative: boolean;
  note: string;
  domains: readonly StpDomainConfiguration[];
  /** The overall score (1 best to 4) at or below which a footprint is Category 1, 2 and 3; above the last, 4. */
  categoryCutPoints: readonly [number, number, number];
  /** The share of the total weight that must have values for a category to be given (0–1). */
  minimumCoverage: number;
}

export interface StpDashboardInputs {
  subject: string;
  readings: IndicatorReadings;
}

const HIGH: ScoredPolarity = 'RAG - High is good';
const LOW: ScoredPolarity = 'RAG - Low is good';

/**
 * An illustrative configuration over Footprint's indicator catalogue. The domains are the
 * dashboard's; the heaviest weight goes to transformation (system finance, prevention and
 * integration), as press reports of the dashboard describe; the numbers are ours, not NHS England's.
 */
export const ILLUSTRATIVE_STP_CONFIGURATION: StpDashboardConfiguration = {
  illustrative: true,
  note: 'Illustrative weights and cut points chosen by Footprint: NHS England did not publish the 2017 dashboard’s weights or cut points, so this does not reproduce its ratings.',
  domains: [
    {
      id: 'hospital-performance',
      name: 'Hospital performance',
      weight: 1,
      indicators: [
        { indicatorId: 'ae-four-hour-performance', name: 'A&E four-hour performance', unit: '%', polarity: HIGH, weight: 1, cutPoints: [95, 90, 85] },
        { indicatorId: 'rtt-18-weeks', name: 'Referral to treatment within 18 weeks', unit: '%', polarity: HIGH, weight: 1, cutPoints: [92, 80, 65] },
        { indicatorId: 'emergency-admissions-per-1000', name: 'Emergency admissions', unit: 'per 1,000', polarity: LOW, weight: 1, cutPoints: [7, 8.5, 10] },
      ],
    },
    {
      id: 'patient-focused-change',
      name: 'Patient-focused change',
      weight: 1,
      indicators: [
        { indicatorId: 'cancer-62-day', name: 'Cancer treatment within 62 days', unit: '%', polarity: HIGH, weight: 1, cutPoints: [85, 75, 65] },
        { indicatorId: 'mental-health-investment-standard', name: 'Mental Health Investment Standard', unit: 'percentage points', polarity: HIGH, weight: 1, cutPoints: [0.5, 0, -0.5] },
        { indicatorId: 'serious-mental-illness-health-checks', name: 'Physical health checks for people with serious mental illness', unit: '%', polarity: HIGH, weight: 1, cutPoints: [60, 50, 40] },
        { indicatorId: 'maternity-safety-standards', name: 'Maternity safety actions met', unit: '%', polarity: HIGH, weight: 1, cutPoints: [100, 75, 50] },
        { indicatorId: 'learning-disability-inpatients', name: 'People with learning disabilities or autism in inpatient care', unit: 'per million', polarity: LOW, weight: 1, cutPoints: [30, 40, 50] },
      ],
    },
    {
      id: 'transformation',
      name: 'Transformation',
      weight: 2,
      indicators: [
        { indicatorId: 'finance-against-plan', name: 'Spending against the system financial plan', unit: '£ million', polarity: HIGH, weight: 2, cutPoints: [0, -10, -25] },
        { indicatorId: 'hypertension-treated-to-target', name: 'Hypertension treated to target', unit: '%', polarity: HIGH, weight: 1, cutPoints: [77, 70, 60] },
        { indicatorId: 'register-prevalence-gap', name: 'Case finding: found against estimated', unit: '%', polarity: HIGH, weight: 1, cutPoints: [90, 80, 70] },
        { indicatorId: 'learning-disability-community-living', name: 'People with learning disabilities living in the community', unit: '%', polarity: HIGH, weight: 1, cutPoints: [90, 80, 70] },
      ],
    },
  ],
  categoryCutPoints: [1.75, 2.5, 3.25],
  minimumCoverage: 0.5,
};

/** Everything wrong with a configuration, in words (empty when it is usable). */
export function stpConfigurationProblems(configuration: StpDashboardConfiguration): string[] {
  const problems: string[] = [];
  if (!configuration.domains.length) problems.push('give at least one domain');
  const seen = new Set<string>();
  for (const domain of configuration.domains) {
    if (!(domain.weight > 0)) problems.push(`domain ${domain.id}: weight must be above 0`);
    if (!domain.indicators.length) problems.push(`domain ${domain.id}: give at least one indicator`);
    for (const indicator of domain.indicators) {
      if (seen.has(indicator.indicatorId)) problems.push(`indicator ${indicator.indicatorId} appears twice`);
      seen.add(indicator.indicatorId);
      if (!(indicator.weight > 0)) problems.push(`indicator ${indicator.indicatorId}: weight must be above 0`);
      problems.push(...cutPointProblems(`indicator ${indicator.indicatorId}`, indicator.polarity, indicator.cutPoints));
    }
  }
  problems.push(...cutPointProblems('category cut points', LOW, configuration.categoryCutPoints));
  if (!(configuration.minimumCoverage >= 0 && configuration.minimumCoverage <= 1)) problems.push('minimum coverage must be between 0 and 1');
  return problems;
}

/** The category an overall score falls in (a score on a cut point takes the better category). */
export function stpCategory(score: number, cutPoints: readonly [number, number, number]): RatingValue {
  return STP_CATEGORIES[scoreAgainstCutPoints(score, LOW, cutPoints) - 1];
}

const direction = (p: ScoredPolarity) => (p === HIGH ? 'high is good' : 'low is good');

function weightedMean(parts: readonly { score: number; weight: number }[]): number | null {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  return total > 0 ? parts.reduce((s, p) => s + p.score * p.weight, 0) / total : null;
}

export class StpDashboardEngine implements RatingEngine<StpDashboardInputs, StpDashboardConfiguration> {
  readonly id = 'stp-progress-dashboard';
  readonly name = 'STP progress dashboard (2017)';
  readonly source = 'NHS England, Sustainability and transformation partnerships progress dashboard, July 2017: domains and categories as published; weights and cut points configurable because they were not published.';

  constructor(readonly configuration: StpDashboardConfiguration = ILLUSTRATIVE_STP_CONFIGURATION) {
    const problems = stpConfigurationProblems(configuration);
    if (problems.length) throw new RatingInputError(problems);
  }

  rate(inputs: StpDashboardInputs): RatingResult {
    const config = this.configuration;
    const notes = config.illustrative ? [config.note] : [];
    let coveredWeight = 0;
    let totalWeight = 0;
    let counted = 0;
    let indicatorCount = 0;
    const domains: RatingDomainExplanation[] = config.domains.map((domain) => {
      const domainIndicatorWeight = domain.indicators.reduce((s, i) => s + i.weight, 0);
      const scored: { score: number; weight: number }[] = [];
      const items: RatingItemExplanation[] = domain.indicators.map((indicator) => {
        indicatorCount++;
        const reading = inputs.readings[indicator.indicatorId];
        const value = reading?.value ?? null;
        const base = { id: indicator.indicatorId, name: indicator.name, unit: indicator.unit, period: reading?.period ?? null, weight: indicator.weight };
        if (value === null || !Number.isFinite(value)) {
          return { ...base, value: null, score: null, text: `${indicator.name}: no value, so left out of ${domain.name.toLowerCase()}.` };
        }
        counted++;
        const score = scoreAgainstCutPoints(value, indicator.polarity, indicator.cutPoints);
        scored.push({ score, weight: indicator.weight });
        const when = reading?.period ? ` (${reading.period})` : '';
        return {
          ...base,
          value,
          score,
          text: `${indicator.name}: ${formatNumber(value)} ${indicator.unit}${when} scores ${score} of 4 (cut points ${indicator.cutPoints.join(', ')}; ${direction(indicator.polarity)}); weight ${indicator.weight} of ${domainIndicatorWeight}.`,
        };
      });
      const score = weightedMean(scored);
      const share = scored.reduce((s, p) => s + p.weight, 0) / domainIndicatorWeight;
      coveredWeight += domain.weight * share;
      totalWeight += domain.weight;
      const text =
        score === null
          ? `${domain.name}: no indicator has a value, so the domain is left out.`
          : `${domain.name}: weighted score ${formatNumber(score)} (1 best, 4 worst) from ${scored.length} of ${domain.indicators.length} indicators; domain weight ${domain.weight}.`;
      return { id: domain.id, name: domain.name, score, weight: domain.weight, rating: null, text, items };
    });

    const coverage = totalWeight > 0 ? coveredWeight / totalWeight : 0;
    const overall = weightedMean(domains.flatMap((d) => (d.score === null ? [] : [{ score: d.score, weight: d.weight ?? 0 }])));
    const cuts = config.categoryCutPoints.join(', ');
    if (overall === null || coverage < config.minimumCoverage) {
      return {
        engine: { id: this.id, name: this.name },
        subject: inputs.subject,
        computed: true,
        rating: null,
        score: null,
        summary: `Not rated: indicators with values carry ${Math.round(coverage * 100)}% of the weight, below the ${Math.round(config.minimumCoverage * 100)}% needed.`,
        domains,
        notes,
      };
    }
    const rating = stpCategory(overall, config.categoryCutPoints);
    const missing = indicatorCount - counted;
    if (missing) notes.push(`${missing} of ${indicatorCount} indicators had no value and were left out; the weights of the rest were rescaled.`);
    return {
      engine: { id: this.id, name: this.name },
      subject: inputs.subject,
      computed: true,
      rating,
      score: overall,
      summary: `Computed Category ${rating.value} – ${rating.label}: overall weighted score ${formatNumber(overall)} (1 best, 4 worst) from ${counted} of ${indicatorCount} indicators; a score at or below ${cuts} gives Categories 1, 2 and 3.`,
      domains,
      notes,
    };
  }
}
