import type { OpenRecord } from '@footprint/record';
import { readCsv } from '@footprint/partnership';
import { postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsStore } from '../../src';
import { openEngageRecord, refusal } from '../enquiries/support';
import { insertConsultation } from './fixture';

for (const kind of postgresKinds()) {
  describe(`staff analytics of a consultation (${kind})`, () => {
    let record: OpenRecord;
    let store: AnalyticsStore;
    let ids: number[];
    beforeAll(async () => {
      record = await openEngageRecord(kind, 'engage_analytics');
      store = new AnalyticsStore(record.sql);
      ids = await insertConsultation(record.sql, 'wirral-community', [
        { at: '2026-03-02 09:00', answers: { q1: 'yes', q2: ['hours', 'travel'], q3: 4, q4: 'The hours are too short in winter.', q5: ['b', 'a'], q6: { gp: 'good', pharmacy: 'poor' } }, aboutYou: { ageBand: '25-34', sex: 'female' }, contact: { name: 'Kim Lee', email: 'kim@example.org', consentToContact: true } },
        { at: '2026-03-02 23:30', answers: { q1: 'no', q2: ['hours'], q4: '=HYPERLINK("http://evil.example","click")' }, aboutYou: { ageBand: '25-34' }, contact: { name: 'Sam Roe', email: 'sam@example.org', consentToContact: false } },
        { at: '2026-03-05 12:00', answers: { q1: 'yes', q3: 2, q4: 'Parking is hard.' }, aboutYou: { ageBand: '65-74' } },
        { at: '2026-03-06 12:00', answers: { q1: 'yes' }, status: 'draft' },
      ]);
    });
    afterAll(async () => record?.close());

    it('counts submitted responses per day in England, gaps filled, with the running total', async () => {
      expect(await store.overTime('wirral-community')).toEqual([
        { date: '2026-03-02', count: 2, cumulative: 2 },
        { date: '2026-03-03', count: 0, cumulative: 2 },
        { date: '2026-03-04', count: 0, cumulative: 2 },
        { date: '2026-03-05', count: 1, cumulative: 3 },
      ]);
    });

    it('shows who responded and the answers by group', async () => {
      const overview = await store.overview('wirral-community', 'ageBand');
      expect([overview.submitted, overview.drafts]).toEqual([3, 1]);
      const age = overview.whoResponded.find((w) => w.key === 'ageBand')!;
      expect(age.groups.filter((g) => g.count > 0).map((g) => [g.label, g.count])).toEqual([['25 to 34', 2], ['65 to 74', 1]]);
      expect(overview.whoResponded.find((w) => w.key === 'sex')!.groups.filter((g) => g.count > 0).map((g) => [g.id, g.count])).toEqual([['female', 1], ['not-answered', 2]]);
      const q1 = overview.byGroup.questions.find((q) => q.id === 'q1')!;
      expect(q1.options.map((o) => [o.id, o.total, o.byGroup['25-34'], o.byGroup['65-74']])).toEqual([['yes', 2, 1, 1], ['no', 1, 1, 0]]);
      const q2 = overview.byGroup.questions.find((q) => q.id === 'q2')!;
      expect(q2.options.map((o) => [o.id, o.total])).toEqual([['hours', 2], ['travel', 1], ['staff', 0]]);
      const q3 = overview.byGroup.questions.find((q) => q.id === 'q3')!;
      expect(q3.options.map((o) => o.label)).toEqual(['1 (Very poor)', '2', '3', '4', '5 (Very good)']);
      expect(overview.byGroup.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
      expect(overview.freeTextQuestions).toEqual([{ id: 'q4', title: 'Anything else?', answers: 3 }]);
      expect((await refusal(store.overview('wirral-community', 'shoeSize'))).status).toBe(400);
      expect((await refusal(store.overview('no-such'))).status).toBe(404);
    });

    it('lets staff make themes, tag free-text answers and count them', async () => {
      const hours = await store.createTheme('wirral-community', { name: 'Opening hours', description: 'Times the centre is open' }, 'Pat Lead');
      const parking = await store.createTheme('wirral-community', { name: 'Parking' }, 'Pat Lead');
      expect((await refusal(store.createTheme('wirral-community', { name: 'opening HOURS' }, 'Pat Lead'))).status).toBe(409);
      expect((await refusal(store.createTheme('wirral-community', { name: ' ' }, 'Pat Lead'))).detail).toBe('name: must not be empty');
      await store.tag('wirral-community', hours.id, { responseId: ids[0], questionId: 'q4' }, 'Pat Lead');
      await store.tag('wirral-community', hours.id, { responseId: ids[0], questionId: 'q4' }, 'Pat Lead');
      const tagged = await store.tag('wirral-community', parking.id, { responseId: ids[2], questionId: 'q4' }, 'Pat Lead');
      expect(tagged.themes).toEqual([parking.id]);
      expect((await refusal(store.tag('wirral-community', parking.id, { responseId: ids[0], questionId: 'q1' }, 'Pat Lead'))).detail).toBe('questionId: must be a free-text question of this consultation');
      expect((await refusal(store.tag('wirral-community', parking.id, { responseId: ids[3], questionId: 'q4' }, 'Pat Lead'))).detail).toBe('responseId: must be a submitted response to this consultation');
      expect((await store.themes('wirral-community')).map((t) => [t.name, t.answers])).toEqual([['Opening hours', 1], ['Parking', 1]]);
      expect((await store.freeText('wirral-community', { theme: 'none' })).map((a) => a.responseId)).toEqual([ids[1]]);
      await store.tag('wirral-community', parking.id, { responseId: ids[2], questionId: 'q4', tagged: false }, 'Pat Lead');
      expect((await store.themes('wirral-community')).find((t) => t.id === parking.id)!.answers).toBe(0);
      await store.tag('wirral-community', parking.id, { responseId: ids[2], questionId: 'q4' }, 'Pat Lead');
    });

    it('exports one row per submitted response, a column per question and about-you key, contact details only with consent, formulas neutralised', async () => {
      const { filename, csv } = await store.exportCsv('wirral-community');
      expect(filename).toBe('wirral-community-responses.csv');
      const rows = readCsv(csv).map((r) => r.cells);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({
        response: 'R-WIR0',
        'q1: Do you use the walk-in centre?': 'Yes',
        'q2: What matters most?': 'Opening hours; Travel',
        'q3: How good is it?': '4',
        'q5: Rank these (most important first)': 'Beta > Alpha',
        'q6: Rate each: GP': 'Good',
        'q6: Rate each: Pharmacy': 'Poor',
        about_you_ageBand: '25 to 34',
        about_you_sex: 'Female',
        themes: 'Opening hours',
        contact_consented: 'yes',
        contact_name: 'Kim Lee',
        contact_email: 'kim@example.org',
      });
      expect([rows[1].contact_consented, rows[1].contact_name, rows[1].contact_email]).toEqual(['no', '', '']);
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(csv).not.toContain('Sam Roe');
      expect(csv).not.toContain('FP-C-');
      expect(Object.keys(rows[0])).toContain('about_you_carer');
    });
  });
}
