import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenRecord } from '@footprint/record';
import { postgresKinds } from '@footprint/testing';
import { ModerationStore } from '../../src/moderation/store';
import { OutcomeStore } from '../../src/outcomes/store';
import { buildConsultationReport } from '../../src/results/report';
import { renderConsultationReportHtml } from '../../src/results/report-html';
import { renderConsultationReportPdf } from '../../src/results/report-pdf';
import { ResultsStore } from '../../src/results/store';
import { insertConsultation, insertResponse, openEngageTestStorage, pdfText } from './fixture';

describe.each(postgresKinds())('results and the report on %s', (kind) => {
  let record: OpenRecord;
  let results: ResultsStore;
  let moderation: ModerationStore;

  beforeAll(async () => {
    record = await openEngageTestStorage(kind, 'engage_results');
    results = new ResultsStore(record.sql);
    moderation = new ModerationStore(record.sql);
    await insertConsultation(record.sql, 'urgent-care');
    for (let i = 0; i < 23; i++) {
      await insertResponse(record.sql, 'urgent-care', { answers: { q1: i < 13 ? 'a' : i < 16 ? 'b' : 'c', q3: (i % 5) + 1 }, aboutYou: i < 18 ? { ageBand: '65-74' } : {}, channel: i < 20 ? 'web' : 'paper' });
    }
    await insertResponse(record.sql, 'urgent-care', { answers: { q1: 'a' }, status: 'draft' });
    await insertResponse(record.sql, 'urgent-care', { answers: { q6: 'Call me on 07700 900123, the walk-in centre saved my life.' }, publishFreeText: true });
  }, 120_000);
  afterAll(async () => record?.close());

  it('are not public until staff publish them, and cannot be published before moderation is done', async () => {
    await expect(results.published('urgent-care')).rejects.toMatchObject({ status: 404 });
    await expect(results.published('no-such-consultation')).rejects.toMatchObject({ status: 404 });
    await expect(results.publish('urgent-care', 'lead', '2026-04-01')).rejects.toMatchObject({ status: 409, title: 'Moderation not finished' });
    await expect(results.publish('urgent-care', 'lead', '2026-02-15')).rejects.toMatchObject({ status: 409, title: 'Still open' });
  });

  it('count submitted responses only, with suppression and percentages from the published numbers', async () => {
    const preview = await results.preview('urgent-care');
    expect(preview.total).toBe(25);
    expect(preview.channels).toEqual([{ channel: 'paper', count: '*' }, { channel: 'web', count: 20 }]);
    // 13, 3 and 7 of 23 answered: published 15, *, * of 25.
    expect(preview.questions[0]).toMatchObject({ answered: 25, options: [{ count: 15, percent: 60 }, { count: '*', percent: '*' }, { count: '*', percent: '*' }] });
    expect(preview.byGroup.find((g) => g.key === 'ageBand')!.options.find((o) => o.id === 'not-answered')).toMatchObject({ count: '*' });
  });

  it('publish the redacted approved text with the outcomes, themes and method, and withdraw again', async () => {
    const [item] = await moderation.items('urgent-care');
    const phone = item!.flags.find((f) => f.kind === 'phone')!;
    await moderation.redact(item!.id, { start: phone.start, end: phone.end, reason: 'personal-data', kind: 'phone' }, 'privacy');
    await moderation.approve(item!.id, 'privacy');
    await new OutcomeStore(record.sql).replace('urgent-care', [{ weAsked: 'How should urgent care work?', youSaid: 'Keep the walk-in centre open.', weDid: 'We kept it open until 10pm.', planItems: [{ kind: 'ambition', id: 'amb-1' }] }], 'lead');
    await results.setThemesNotCovered('urgent-care', { themesNotCovered: 'Parking.\n\nBuses from the villages.' }, 'lead');
    await expect(results.setThemesNotCovered('urgent-care', { themesNotCovered: 42 }, 'lead')).rejects.toMatchObject({ status: 400 });
    const published = await results.publish('urgent-care', 'lead', '2026-04-01');
    expect(published.publishedAt).not.toBeNull();
    const publicView = await results.published('urgent-care');
    const comments = publicView.questions.find((q) => q.id === 'q6');
    expect(comments).toMatchObject({ comments: [{ text: 'Call me on [redacted: personal data], the walk-in centre saved my life.' }] });
    expect(JSON.stringify(publicView)).not.toContain('07700');
    expect(publicView.outcomes.map((o) => o.weDid)).toEqual(['We kept it open until 10pm.']);
    expect(publicView.themesNotCovered).toBe('Parking.\n\nBuses from the villages.');
    await results.unpublish('urgent-care');
    await expect(results.published('urgent-care')).rejects.toMatchObject({ status: 404 });
    await results.publish('urgent-care', 'lead', '2026-04-01');
  });

  it('give a report with each question’s summary in HTML, and the same PDF bytes each time', async () => {
    const report = buildConsultationReport(await results.published('urgent-care'));
    const html = renderConsultationReportHtml(report, 'Cheshire and Merseyside Health and Care Partnership');
    for (const q of report.questions) {
      expect(html).toContain(q.title);
      expect(q.sentences.length).toBeGreaterThan(0);
    }
    expect(html).toContain('Chosen most often: Option A (60%).');
    expect(html).toContain('We kept it open until 10pm.');
    expect(html).toContain('<p>Buses from the villages.</p>');
    expect(html).not.toContain('07700');
    const first = await renderConsultationReportPdf(report, 'Cheshire and Merseyside');
    const second = await renderConsultationReportPdf(buildConsultationReport(await results.published('urgent-care')), 'Cheshire and Merseyside');
    expect(second.equals(first)).toBe(true);
    const text = await pdfText(new Uint8Array(first));
    for (const heading of ['What people told us', 'What the partnership will change', 'Themes not covered by the questions', 'How we ran the consultation', 'Which option do you prefer?', 'We kept it open until 10pm.']) expect(text).toContain(heading);
    expect(text).not.toContain('07700');
  });

  it('escape answers in the HTML report: text stays text', async () => {
    const report = buildConsultationReport(await results.preview('urgent-care'));
    const html = renderConsultationReportHtml({ ...report, themesNotCovered: '<script>alert(1)</script>' }, 'P&P');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});
