import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaturityAssessmentStore, parsePublishedRating, performanceMigrationSets, PUBLISHED_RATINGS, PublishedRatingStore, RatingConflictError, RatingInputError } from '../../src';

for (const kind of postgresKinds()) {
  describe(`published ratings and self-assessments (${kind})`, () => {
    let record: OpenRecord;
    let published: PublishedRatingStore;
    let assessments: MaturityAssessmentStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'performance_ratings', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...performanceMigrationSets] }));
      published = new PublishedRatingStore(record.sql);
      assessments = new MaturityAssessmentStore(record.sql);
    });
    afterAll(async () => record?.close());

    it('seeds Lancashire and South Cumbria’s published Category 2 once, with its source', async () => {
      expect(await published.seed(PUBLISHED_RATINGS, 'seed')).toBe(1);
      expect(await published.seed(PUBLISHED_RATINGS, 'seed')).toBe(0);
      const stored = await published.list({ footprintCode: 'E54000048' });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ footprintName: 'Lancashire and South Cumbria', scheme: 'stp-progress-dashboard', period: '2017-07', rating: '2', ratingLabel: 'Advanced', recordedBy: 'seed' });
      expect(stored[0].source).toMatch(/own statement/);
    });

    it('records a published rating, and refuses to overwrite one for the same footprint, scheme and period', async () => {
      const input = parsePublishedRating({ footprintCode: 'E54000008', footprintName: 'Cheshire and Merseyside', scheme: 'nhs-oversight-framework', period: '2025/26', rating: '5', source: 'NHS England segmentation, quarter 1', sourceUrl: 'https://www.england.nhs.uk/' });
      expect(input.ratingLabel).toBe('Segment 5 (Provider Improvement Programme)');
      const saved = await published.record(input, 'u-lead');
      expect(saved).toMatchObject({ rating: '5', recordedBy: 'u-lead', sourceUrl: 'https://www.england.nhs.uk/' });
      const again = await published.record({ ...input, rating: '1' }, 'u-other').then(() => null, (e: unknown) => e);
      expect(again).toBeInstanceOf(RatingConflictError);
      expect((await published.list({ footprintCode: 'E54000008' })).map((r) => r.rating)).toEqual(['5']);
      expect((await published.list()).map((r) => r.footprintCode)).toEqual(['E54000008', 'E54000048']);
    });

    it('validates a published rating field by field', () => {
      const problems = (() => {
        try {
          parsePublishedRating({ footprintCode: 'X1', scheme: 'stp-progress-dashboard', period: '2017', rating: '5', source: '', sourceUrl: 'ftp://x' });
        } catch (e) {
          return (e as RatingInputError).problems;
        }
      })();
      expect(problems).toEqual([
        'footprintCode: an ONS code like E54000048, got "X1"',
        'footprintName: required, a non-empty string',
        'period: a month YYYY-MM or a financial year YYYY/YY, got "2017"',
        'rating: for stp-progress-dashboard, one of 1, 2, 3, 4',
        'source: required, a non-empty string',
        'sourceUrl: an http(s) address, or leave it out',
      ]);
    });

    it('keeps self-assessments as history, the latest by date assessed first', async () => {
      await assessments.record({ footprintCode: 'E54000008', assessedOn: '2026-06-30', answers: { 'plan-agreed': { answer: 'met' } } }, 'u-lead');
      await assessments.record({ footprintCode: 'E54000008', assessedOn: '2026-11-30', answers: { 'plan-agreed': { answer: 'met', evidence: 'Plan 2026' }, 'leadership-board': { answer: 'not-met' } } }, 'u-lead');
      await assessments.record({ footprintCode: 'E54000008', assessedOn: '2026-01-31', answers: {} }, 'u-lead');
      const latest = await assessments.latest('E54000008');
      expect(latest).toMatchObject({ assessedOn: '2026-11-30', answers: { 'plan-agreed': { answer: 'met', evidence: 'Plan 2026' }, 'leadership-board': { answer: 'not-met' } } });
      expect((await assessments.list('E54000008')).map((a) => a.assessedOn)).toEqual(['2026-11-30', '2026-06-30', '2026-01-31']);
      expect(await assessments.latest('E54000048')).toBeNull();
    });
  });
}
