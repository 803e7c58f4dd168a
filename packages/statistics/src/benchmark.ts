/**
 * Comparison with a benchmark by confidence interval, as Fingertips (OHID, formerly PHE) presents
 * it: a value whose interval lies wholly above the benchmark is higher, wholly below is lower, and
 * one whose interval includes the benchmark (touching counts as including) is similar. Polarity
 * turns higher / lower into better / worse; 'BOB - Blue orange blue' keeps higher / lower;
 * 'Not applicable' is never compared.
 */

export type Polarity = 'RAG - High is good' | 'RAG - Low is good' | 'BOB - Blue orange blue' | 'Not applicable';

export type Comparison = 'Better' | 'Similar' | 'Worse' | 'Higher' | 'Lower' | 'Not compared';

export interface BenchmarkInput {
  /** The interval's limits; null when they were not computed (e.g. a suppressed DSR). */
  lower: number | null;
  upper: number | null;
  /** The benchmark's value (e.g. England's); null when there is none. */
  benchmark: number | null;
  polarity: Polarity;
}

export function compareWithBenchmark({ lower, upper, benchmark, polarity }: BenchmarkInput): Comparison {
  if (polarity === 'Not applicable') return 'Not compared';
  if (lower === null || upper === null || benchmark === null) return 'Not compared';
  if (![lower, upper, benchmark].every(Number.isFinite)) return 'Not compared';
  if (lower > upper) throw new RangeError(`lower limit ${lower} is above upper limit ${upper}`);
  const side = lower > benchmark ? 'Higher' : upper < benchmark ? 'Lower' : 'Similar';
  if (side === 'Similar' || polarity === 'BOB - Blue orange blue') return side;
  const highIsGood = polarity === 'RAG - High is good';
  return (side === 'Higher') === highIsGood ? 'Better' : 'Worse';
}
