import { placesOn, referenceRegister, type PartnershipStore } from '@footprint/partnership';
import type { IndicatorValueStore } from '../indicators/store';
import type { IndicatorValue } from '../types';
import { MaturityEngine } from './maturity';
import { OversightEngine, type LeagueTableRow, type OversightBody } from './oversight';
import { RATING_SCHEMES, SCHEME_NAMES, schemeRatings, type PublishedRating } from './published';
import type { MaturityAssessmentStore, PublishedRatingStore, StoredSelfAssessment } from './store';
import { StpDashboardEngine } from './stp-dashboard';
import type { IndicatorReadings, RatingResult } from './types';

/** What GET /api/performance/ratings answers (and the board report shows). */
export interface RatingsOverview {
  footprint: { code: string; name: string };
  /** As published, with their sources: the running footprint's, and every one stored (England-wide). */
  published: { footprint: PublishedRating[]; england: PublishedRating[] };
  /** Computed by Footprint's engines from the latest indicator values and the latest self-assessment: never a published rating. */
  computed: {
    stp: RatingResult;
    oversight: {
      result: RatingResult | null;
      /** Why there is no result for the footprint, when there is none. */
      reason: string | null;
      comparing: 'footprints' | 'places' | null;
      leagueTable: LeagueTableRow[];
    };
    maturity: { result: RatingResult | null; assessment: StoredSelfAssessment | null; history: { id: number; assessedOn: string; recordedAt: string }[] };
  };
  engines: { id: string; name: string; source: string; configuration: unknown }[];
  schemes: { id: string; name: string; ratings: { value: string; label: string }[] }[];
}

export interface RatingSources {
  values: IndicatorValueStore;
  partnership: PartnershipStore;
  published: PublishedRatingStore;
  assessments: MaturityAssessmentStore;
}

export interface RatingEngines {
  stp: StpDashboardEngine;
  oversight: OversightEngine;
  maturity: MaturityEngine;
}

/** The engines with their illustrative default configurations. */
export function defaultRatingEngines(): RatingEngines {
  return { stp: new StpDashboardEngine(), oversight: new OversightEngine(), maturity: new MaturityEngine() };
}

/** The latest value of each indicator for one area (everyone, no breakdown), at or before `asAt` (a month `YYYY-MM`) when given. */
export function latestReadings(values: readonly IndicatorValue[], asAt?: string): IndicatorReadings {
  const readings: Record<string, { value: number | null; period: string | null }> = {};
  for (const v of values) {
    if (v.breakdown !== '' || v.value === null || (asAt !== undefined && v.period > asAt)) continue;
    const seen = readings[v.indicatorId];
    if (!seen || (seen.period ?? '') < v.period) readings[v.indicatorId] = { value: v.value, period: v.period };
  }
  return readings;
}

function byArea(values: readonly IndicatorValue[]): Map<string, IndicatorValue[]> {
  const areas = new Map<string, IndicatorValue[]>();
  for (const v of values) areas.set(v.areaCode, [...(areas.get(v.areaCode) ?? []), v]);
  return areas;
}

/** A footprint's latest name in the bundled register (its code when the register does not know it). */
export function footprintName(code: string): string {
  const names = referenceRegister().facts.filter((f) => f.code === code && f.fact === 'name').sort((a, b) => b.start.localeCompare(a.start));
  return names[0]?.value ?? code;
}

/**
 * The oversight engine over whatever can be compared: footprints, when at least two (the running
 * one among them) have values; otherwise the running footprint's places, with no segment for the
 * footprint itself and the reason why.
 */
async function oversightOf(sources: RatingSources, engine: OversightEngine, footprint: { code: string; name: string }): Promise<RatingsOverview['computed']['oversight']> {
  const footprints = byArea(await sources.values.list({ areaType: 'footprint', breakdown: '' }));
  if (footprints.size >= 2 && footprints.has(footprint.code)) {
    const bodies: OversightBody[] = [...footprints].map(([code, values]) => ({ code, name: code === footprint.code ? footprint.name : footprintName(code), readings: latestReadings(values) }));
    return { result: engine.rate({ subject: footprint.code, bodies }), reason: null, comparing: 'footprints', leagueTable: engine.leagueTable(bodies) };
  }
  const { places } = await placesOn(sources.partnership, footprint.code);
  const names = new Map(places.map((p) => [p.data.code, p.data.name]));
  const placeValues = byArea((await sources.values.list({ areaType: 'place', breakdown: '' })).filter((v) => names.has(v.areaCode)));
  const bodies: OversightBody[] = [...placeValues].map(([code, values]) => ({ code, name: names.get(code) ?? code, readings: latestReadings(values) }));
  const reason = footprints.size >= 2 ? `${footprint.name} has no indicator values to compare.` : `Only ${footprints.size} footprint has indicator values, so there is no league of footprints to segment ${footprint.name} in; the league table compares its places.`;
  if (!bodies.length) return { result: null, reason: `${reason.split(';')[0]}; no place has values either.`, comparing: null, leagueTable: [] };
  return { result: null, reason, comparing: 'places', leagueTable: engine.leagueTable(bodies) };
}

/** Published ratings beside the three engines' computed results for one footprint, from the stores' latest data. */
export async function ratingsOverview(sources: RatingSources, footprint: { code: string; name: string }, engines: RatingEngines = defaultRatingEngines()): Promise<RatingsOverview> {
  const [all, mine, latest, history] = await Promise.all([sources.published.list(), sources.values.list({ areaCode: footprint.code, breakdown: '' }), sources.assessments.latest(footprint.code), sources.assessments.list(footprint.code)]);
  return {
    footprint,
    published: { footprint: all.filter((r) => r.footprintCode === footprint.code), england: all },
    computed: {
      stp: engines.stp.rate({ subject: footprint.code, readings: latestReadings(mine) }),
      oversight: await oversightOf(sources, engines.oversight, footprint),
      maturity: { result: latest ? engines.maturity.rate(latest) : null, assessment: latest, history: history.map((a) => ({ id: a.id, assessedOn: a.assessedOn, recordedAt: a.recordedAt })) },
    },
    engines: [engines.stp, engines.oversight, engines.maturity].map((e) => ({ id: e.id, name: e.name, source: e.source, configuration: e.configuration })),
    schemes: RATING_SCHEMES.map((id) => ({ id, name: SCHEME_NAMES[id], ratings: schemeRatings(id).map((r) => ({ value: r.value, label: r.label })) })),
  };
}
