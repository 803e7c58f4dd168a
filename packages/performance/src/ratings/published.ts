import { MATURITY_RATINGS } from './maturity';
import { OVERSIGHT_SEGMENTS } from './oversight';
import { STP_CATEGORIES } from './stp-dashboard';
import { RatingInputError, type RatingValue } from './types';

/** The schemes a published rating can belong to, with the ratings each allows. */
export const RATING_SCHEMES = ['stp-progress-dashboard', 'nhs-oversight-framework', 'ics-maturity'] as const;
export type RatingScheme = (typeof RATING_SCHEMES)[number];

export const SCHEME_NAMES: Readonly<Record<RatingScheme, string>> = {
  'stp-progress-dashboard': 'STP progress dashboard',
  'nhs-oversight-framework': 'NHS Oversight Framework',
  'ics-maturity': 'ICS maturity',
};

/** Segment 5 (the Provider Improvement Programme, 2025/26) can be published though never computed. */
const SCHEME_RATINGS: Readonly<Record<RatingScheme, readonly RatingValue[]>> = {
  'stp-progress-dashboard': STP_CATEGORIES,
  'nhs-oversight-framework': [...OVERSIGHT_SEGMENTS, { value: '5', rank: 5, label: 'Segment 5 (Provider Improvement Programme)' }],
  'ics-maturity': MATURITY_RATINGS,
};

export function schemeRatings(scheme: RatingScheme): readonly RatingValue[] {
  return SCHEME_RATINGS[scheme];
}

/** A rating as it was published: never recomputed, shown with its source. */
export interface PublishedRating {
  footprintCode: string;
  footprintName: string;
  scheme: RatingScheme;
  /** When it applies: a month `YYYY-MM`, or a financial year `YYYY/YY`. */
  period: string;
  rating: string;
  ratingLabel: string;
  /** The citation: who published it, where. */
  source: string;
  sourceUrl: string | null;
  recordedAt?: string;
  recordedBy: string;
}

export type PublishedRatingInput = Omit<PublishedRating, 'ratingLabel' | 'recordedAt' | 'recordedBy'>;

/** The published facts the demo seeds (docs/performance.md §6; /work/shared/design/references.md). */
export const PUBLISHED_RATINGS: readonly PublishedRatingInput[] = [
  {
    footprintCode: 'E54000048',
    footprintName: 'Lancashire and South Cumbria',
    scheme: 'stp-progress-dashboard',
    period: '2017-07',
    rating: '2',
    source: 'Lancashire and South Cumbria Health and Care Partnership’s own statement of its rating in NHS England’s STP progress dashboard, July 2017: “Category 2 – Advanced”.',
    sourceUrl: null,
  },
];

const PERIOD = /^(\d{4}-(0[1-9]|1[0-2])|\d{4}\/\d{2})$/;
const CODE = /^E\d{8}$/;

function text(body: Record<string, unknown>, field: string, problems: string[], max = 500): string {
  const v = body[field];
  if (typeof v !== 'string' || !v.trim()) {
    problems.push(`${field}: required, a non-empty string`);
    return '';
  }
  if (v.length > max) problems.push(`${field}: at most ${max} characters`);
  return v.trim();
}

/** Validates a published rating to record; throws RatingInputError naming every bad field. */
export function parsePublishedRating(input: unknown): PublishedRatingInput & { ratingLabel: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new RatingInputError(['the body must be a JSON object']);
  const body = input as Record<string, unknown>;
  const problems: string[] = [];
  const footprintCode = text(body, 'footprintCode', problems, 9);
  if (footprintCode && !CODE.test(footprintCode)) problems.push(`footprintCode: an ONS code like E54000048, got ${JSON.stringify(footprintCode)}`);
  const footprintName = text(body, 'footprintName', problems, 200);
  const scheme = body.scheme as RatingScheme;
  if (!RATING_SCHEMES.includes(scheme)) problems.push(`scheme: one of ${RATING_SCHEMES.join(', ')}`);
  const period = text(body, 'period', problems, 7);
  if (period && !PERIOD.test(period)) problems.push(`period: a month YYYY-MM or a financial year YYYY/YY, got ${JSON.stringify(period)}`);
  const rating = text(body, 'rating', problems, 20);
  let ratingLabel = '';
  if (rating && RATING_SCHEMES.includes(scheme)) {
    const allowed = SCHEME_RATINGS[scheme];
    const found = allowed.find((r) => r.value === rating);
    if (!found) problems.push(`rating: for ${scheme}, one of ${allowed.map((r) => r.value).join(', ')}`);
    else ratingLabel = found.label;
  }
  const source = text(body, 'source', problems, 1000);
  let sourceUrl: string | null = null;
  if (body.sourceUrl !== undefined && body.sourceUrl !== null && body.sourceUrl !== '') {
    if (typeof body.sourceUrl !== 'string' || !/^https?:\/\/\S+$/.test(body.sourceUrl)) problems.push('sourceUrl: an http(s) address, or leave it out');
    else sourceUrl = body.sourceUrl;
  }
  if (problems.length) throw new RatingInputError(problems);
  return { footprintCode, footprintName, scheme, period, rating, ratingLabel, source, sourceUrl };
}
