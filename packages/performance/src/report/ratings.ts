import type { IndicatorValueStore } from '../indicators/store';
import { MaturityEngine } from '../ratings/maturity';
import { OversightEngine, type OversightBody } from '../ratings/oversight';
import { StpDashboardEngine } from '../ratings/stp-dashboard';
import { footprintName, latestReadings } from '../ratings/overview';
import type { MaturityAssessmentStore, PublishedRatingStore } from '../ratings/store';
import type { IndicatorReadings, RatingResult } from '../ratings/types';
import type { IndicatorValue } from '../types';
import { periodBounds } from './period';
import type { BoardReportInputs } from './types';

/** Each indicator's latest value at or before the period (everyone, no breakdown). */
export const readingsAsAt = (values: readonly IndicatorValue[], period: string): IndicatorReadings => latestReadings(values, period);

/** Whether a published rating's period (`YYYY-MM`, or a financial year `YYYY/YY` from April) had begun by the month. */
const publishedBy = (ratingPeriod: string, period: string) => (ratingPeriod.includes('/') ? `${ratingPeriod.slice(0, 4)}-04` : ratingPeriod) <= period;

export interface ReportRatingSources {
  values: IndicatorValueStore;
  published: PublishedRatingStore;
  assessments: MaturityAssessmentStore;
  footprint: { code: string; name: string };
}

/**
 * The ratings as at the period: the engines' computed results from the values at or before it
 * (the STP dashboard; oversight segmentation when two or more footprints have values to compare;
 * maturity from the latest self-assessment made by the period's end), and the ratings published
 * by then, as published.
 */
export async function ratingsAsAt(sources: ReportRatingSources, period: string): Promise<BoardReportInputs['ratings']> {
  const end = periodBounds(period).end;
  const [footprints, published, assessments] = await Promise.all([
    sources.values.list({ areaType: 'footprint', breakdown: '', to: period }),
    sources.published.list({ footprintCode: sources.footprint.code }),
    sources.assessments.list(sources.footprint.code),
  ]);
  const mine = footprints.filter((v) => v.areaCode === sources.footprint.code);
  const computed: RatingResult[] = [new StpDashboardEngine().rate({ subject: sources.footprint.code, readings: readingsAsAt(mine, period) })];
  const codes = [...new Set(footprints.map((v) => v.areaCode))].sort();
  if (codes.length >= 2 && codes.includes(sources.footprint.code)) {
    const bodies: OversightBody[] = codes.map((code) => ({ code, name: code === sources.footprint.code ? sources.footprint.name : footprintName(code), readings: readingsAsAt(footprints.filter((v) => v.areaCode === code), period) }));
    computed.push(new OversightEngine().rate({ subject: sources.footprint.code, bodies }));
  }
  const assessment = assessments.find((a) => a.assessedOn <= end);
  if (assessment) computed.push(new MaturityEngine().rate(assessment));
  return { computed, published: published.filter((r) => publishedBy(r.period, period)) };
}
