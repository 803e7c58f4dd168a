/**
 * The one rating-engine interface. Every engine (the 2017 STP progress dashboard, NHS Oversight
 * Framework-style segmentation, the ICS maturity self-assessment) rates from its inputs and
 * explains its result from them: domain by domain, item by item, in words and as data. Results
 * are always labelled computed: a published rating is stored as data (PublishedRatingStore) and
 * shown beside them, never recomputed.
 */

/** One item of an explanation: an indicator, a metric or a self-assessment criterion. */
export interface RatingItemExplanation {
  id: string;
  name: string;
  /** The input: a value (with its period), an answer, or null when there was none. */
  value: number | string | null;
  unit: string | null;
  period: string | null;
  /** What the engine made of it (its score or band), or null when it was left out. */
  score: number | null;
  /** Its weight within its domain, where the engine weights. */
  weight: number | null;
  /** The same in words. */
  text: string;
}

/** One domain (STP), group of metrics (oversight) or test (maturity). */
export interface RatingDomainExplanation {
  id: string;
  name: string;
  score: number | null;
  weight: number | null;
  /** The domain's own band, where the engine gives one (a maturity test's stage). */
  rating: string | null;
  text: string;
  items: RatingItemExplanation[];
}

/** A rating: its value as the scheme writes it ('2', 'maturing'), its rank (1 is best) and its label. */
export interface RatingValue {
  value: string;
  rank: number;
  label: string;
}

export interface RatingResult {
  engine: { id: string; name: string };
  /** The area rated (a footprint's ONS code, or a place's). */
  subject: string;
  /** Always true: a computed result, never a published one. */
  computed: true;
  /** Null when the inputs were not enough to rate. */
  rating: RatingValue | null;
  /** The overall score the rating came from, on the engine's scale (null for maturity or when unrated). */
  score: number | null;
  /** The result in one or two sentences. */
  summary: string;
  domains: RatingDomainExplanation[];
  /** Caveats: the configuration is illustrative, inputs missing, too few bodies compared. */
  notes: string[];
}

export interface RatingEngine<Inputs, Configuration> {
  id: string;
  name: string;
  /** Where the method comes from, and how far this follows it. */
  source: string;
  configuration: Configuration;
  rate(inputs: Inputs): RatingResult;
}

/** An indicator's latest value, as the engines read them (from IndicatorValueStore). */
export interface IndicatorReading {
  value: number | null;
  period: string | null;
}

/** A body's readings by indicator id. */
export type IndicatorReadings = Readonly<Record<string, IndicatorReading | undefined>>;

/** Polarities a scored indicator may have: a neutral one cannot be better or worse. */
export type ScoredPolarity = 'RAG - High is good' | 'RAG - Low is good';

/** A bad configuration or input: the message says exactly what is wrong. */
export class RatingInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'RatingInputError';
  }
}

/**
 * Scores a value 1 (best) to 4 against three cut points, respecting polarity. For "High is good"
 * the cut points descend: value ≥ cuts[0] scores 1, ≥ cuts[1] scores 2, ≥ cuts[2] scores 3, else
 * 4. For "Low is good" they ascend: value ≤ cuts[0] scores 1, and so on. A value on a cut point
 * takes the better score.
 */
export function scoreAgainstCutPoints(value: number, polarity: ScoredPolarity, cuts: readonly [number, number, number]): number {
  for (let i = 0; i < 3; i++) {
    if (polarity === 'RAG - High is good' ? value >= cuts[i] : value <= cuts[i]) return i + 1;
  }
  return 4;
}

/** Checks cut points are three finite numbers in the order the polarity needs. */
export function cutPointProblems(where: string, polarity: ScoredPolarity, cuts: readonly number[]): string[] {
  if (cuts.length !== 3 || cuts.some((c) => !Number.isFinite(c))) return [`${where}: give three finite cut points`];
  const descending = polarity === 'RAG - High is good';
  const ordered = descending ? cuts[0] >= cuts[1] && cuts[1] >= cuts[2] : cuts[0] <= cuts[1] && cuts[1] <= cuts[2];
  return ordered ? [] : [`${where}: cut points must ${descending ? 'descend (high is good)' : 'ascend (low is good)'}, got ${cuts.join(', ')}`];
}

/** Rounds for display in words: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
