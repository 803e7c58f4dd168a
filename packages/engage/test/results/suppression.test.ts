import { describe, expect, it } from 'vitest';
import { publishedCount, publishedMean, publishedPercent } from '../../src/results/suppression';
import { questionResult, groupResults } from '../../src/results/compute';
import { EVERY_QUESTION } from './fixture';

describe('small-number suppression', () => {
  it('shows 0 as 0, 1 to 7 as *, and rounds every other count to the nearest 5', () => {
    expect([0, 1, 2, 7].map(publishedCount)).toEqual([0, '*', '*', '*']);
    expect([8, 9, 10, 12, 13, 17, 18, 22, 23, 100, 102, 103].map(publishedCount)).toEqual([10, 10, 10, 10, 15, 15, 20, 20, 25, 100, 100, 105]);
    expect(() => publishedCount(-1)).toThrow();
  });

  it('computes percentages from the published numbers, never from the true counts', () => {
    // 13 of 22 is 59%; published, 15 of 20 is 75%.
    expect(publishedPercent(publishedCount(13), publishedCount(22))).toBe(75);
    expect(publishedPercent('*', 20)).toBe('*');
    expect(publishedPercent(10, '*')).toBe('*');
    expect(publishedPercent(0, 20)).toBe(0);
    expect(publishedPercent(0, 0)).toBe('*');
  });

  it('shows a mean only when more than 7 answered', () => {
    expect(publishedMean([1, 2, 3, 4, 5, 1, 2])).toBeNull();
    expect(publishedMean([1, 2, 3, 4, 5, 1, 2, 4])).toBe(2.8);
  });

  it('counts a single choice question with suppression and percentages of the published base', () => {
    const answers = [...Array(13).fill('a'), ...Array(3).fill('b'), ...Array(6).fill('c'), undefined, 'not-an-option'];
    const result = questionResult(EVERY_QUESTION[0]!, answers, []);
    expect(result).toMatchObject({ answered: 20, options: [{ id: 'a', count: 15, percent: 75 }, { id: 'b', count: '*', percent: '*' }, { id: 'c', count: '*', percent: '*' }] });
  });

  it('counts rankings by first choice and mean position, and matrices by row', () => {
    const ranking = questionResult(EVERY_QUESTION[3]!, [...Array(9).fill(['waits', 'prevention', 'staff']), ['prevention', 'staff', 'waits']], []);
    expect(ranking).toMatchObject({ answered: 10, firstChoice: [{ id: 'prevention', count: '*' }, { id: 'waits', count: 10, percent: 100 }, { id: 'staff', count: 0, percent: 0 }] });
    expect(ranking.type === 'ranking' && ranking.meanRank.map((r) => r.meanRank)).toEqual([1.9, 1.2, 2.9]);
    const matrix = questionResult(EVERY_QUESTION[4]!, [...Array(12).fill({ gp: 'good', ae: 'poor' }), { gp: 'poor' }], []);
    expect(matrix).toMatchObject({ answered: 15, rows: [{ id: 'gp', answered: 15, columns: [{ count: '*' }, { count: 10, percent: 67 }] }, { id: 'ae', answered: 10, columns: [{ count: 10, percent: 100 }, { count: 0 }] }] });
  });

  it('shows who responded by group with the same suppression, including those who did not say', () => {
    const responses = [...Array(18).fill({ ageBand: '65-74' }), ...Array(2).fill({ ageBand: '16-24' }), ...Array(10).fill({})].map((aboutYou: Record<string, string>) => ({ answers: {}, aboutYou, channel: 'web' }));
    const age = groupResults(responses, {}).find((g) => g.key === 'ageBand')!;
    expect(age.answered).toBe(20);
    expect(age.options.find((o) => o.id === '65-74')).toMatchObject({ count: 20, percent: 67 });
    expect(age.options.find((o) => o.id === '16-24')).toMatchObject({ count: '*', percent: '*' });
    expect(age.options.find((o) => o.id === 'not-answered')).toMatchObject({ count: 10, percent: 33 });
    const place = groupResults([{ answers: {}, aboutYou: { place: 'E08000015' }, channel: 'web' }], { E08000015: 'Wirral' }).find((g) => g.key === 'place')!;
    expect(place.options[0]).toMatchObject({ id: 'E08000015', label: 'Wirral', count: '*' });
  });
});
