import type { LeagueTableRow } from './oversight';
import type { PublishedRating } from './published';
import type { StoredSelfAssessment } from './store';
import type { RatingResult } from './types';

/** What GET /api/performance/ratings answers (the server builds it; the web page reads it). */
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
