import { describe, expect, it } from 'vitest';
import { compareWithBenchmark, type Comparison, type Polarity } from '../src';

/** [lower, upper, benchmark, polarity, expected], by the Fingertips definitions. */
const CASES: Array<[number | null, number | null, number | null, Polarity, Comparison]> = [
  [11, 13, 10, 'RAG - High is good', 'Better'],
  [11, 13, 10, 'RAG - Low is good', 'Worse'],
  [7, 9, 10, 'RAG - High is good', 'Worse'],
  [7, 9, 10, 'RAG - Low is good', 'Better'],
  [9, 11, 10, 'RAG - High is good', 'Similar'],
  [10, 12, 10, 'RAG - High is good', 'Similar'],
  [8, 10, 10, 'RAG - Low is good', 'Similar'],
  [11, 13, 10, 'BOB - Blue orange blue', 'Higher'],
  [7, 9, 10, 'BOB - Blue orange blue', 'Lower'],
  [9, 11, 10, 'BOB - Blue orange blue', 'Similar'],
  [11, 13, 10, 'Not applicable', 'Not compared'],
  [null, null, 10, 'RAG - High is good', 'Not compared'],
  [11, 13, null, 'RAG - High is good', 'Not compared'],
];

describe('compareWithBenchmark', () => {
  for (const [lower, upper, benchmark, polarity, expected] of CASES) {
    it(`[${lower}, ${upper}] against ${benchmark}, ${polarity} → ${expected}`, () => {
      expect(compareWithBenchmark({ lower, upper, benchmark, polarity })).toBe(expected);
    });
  }
  it('rejects limits the wrong way round', () => {
    expect(() => compareWithBenchmark({ lower: 3, upper: 2, benchmark: 1, polarity: 'RAG - High is good' })).toThrow(RangeError);
  });
});
