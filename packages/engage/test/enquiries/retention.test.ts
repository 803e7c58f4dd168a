import type { OpenRecord } from '@footprint/record';
import { postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRetention, EnquiryStore, parseRetentionDays, retentionDaysFromEnvironment, retentionRuns, runRetention } from '../../src';
import { lead, openEngageRecord, refusal } from './support';

for (const kind of postgresKinds()) {
  describe(`the retention job (${kind})`, () => {
    let record: OpenRecord;
    let store: EnquiryStore;
    beforeAll(async () => {
      record = await openEngageRecord(kind, 'engage_retention');
      store = new EnquiryStore(record.sql);
    });
    afterAll(async () => record?.close());

    async function closedDaysAgo(days: number, message: string): Promise<string> {
      const { reference } = await store.receive({ topic: 'service', message, name: 'Jo Bloggs', email: 'jo@example.org', consentToContact: true }, 'web');
      await store.assign(reference, 'primary-care', lead);
      await store.reply(reference, 'Dear Jo, thank you.', lead);
      await store.note(reference, 'Jo rang too.', lead);
      await store.close(reference, 'answered', lead);
      await record.sql.query("UPDATE engage_enquiry SET closed_at = now() - make_interval(days => $2), received_at = now() - make_interval(days => $2 + 3) WHERE reference = $1", [reference, days]);
      return reference;
    }

    it('removes the personal data of enquiries closed longer ago than the period, keeps their facts, and reports counts by kind', async () => {
      const old = await closedDaysAgo(400, 'My old message');
      const recent = await closedDaysAgo(10, 'My recent message');
      const { reference: open } = await store.receive({ topic: 'the-plan', message: 'Still open', name: 'Open Person', email: 'open@example.org' }, 'web');
      await record.sql.query("UPDATE engage_enquiry SET received_at = now() - interval '800 days' WHERE reference = $1", [open]);
      // A consultation closed two years ago, with one response with contact details and one without; one still open.
      await record.sql.query(`INSERT INTO engage_consultation (id, footprint_code, definition, opens_on, closes_on, created_by, updated_by) VALUES
        ('old-consultation', 'E54000008', '{}', current_date - 800, current_date - 730, 't', 't'), ('open-consultation', 'E54000008', '{}', current_date - 10, current_date + 30, 't', 't')`);
      await record.sql.query(`INSERT INTO engage_response (consultation_id, public_id, reference, status, contact, submitted_at) VALUES
        ('old-consultation', 'R-AAAAAA', 'FP-C-1', 'submitted', '{"name":"Kim","email":"kim@example.org","consentToContact":true}', now() - interval '740 days'),
        ('old-consultation', 'R-BBBBBB', 'FP-C-2', 'submitted', NULL, now() - interval '740 days'),
        ('open-consultation', 'R-CCCCCC', 'FP-C-3', 'submitted', '{"name":"Lee","consentToContact":false}', now())`);
      await record.sql.query("INSERT INTO engage_mail_sink_message (envelope_to, subject, text_body, size, received_at) VALUES ('{jo@example.org}', 'old', 'Dear Jo', 7, now() - interval '500 days'), ('{x@example.org}', 'new', 'Hello', 5, now())");

      const dry = await runRetention(record.sql, { days: 365, dryRun: true, trigger: 'command-line' });
      const expected = { enquiries: 1, names: 1, emailAddresses: 1, messages: 1, repliesAndNotes: 2, outgoingMail: 1, responseContacts: 1, sinkMessages: 1 };
      expect(dry.removed).toEqual(expected);
      expect((await store.get(old)).message).toBe('My old message');
      expect(await retentionRuns(record.sql)).toEqual([]);

      const report = await runRetention(record.sql, { days: 365, trigger: 'command-line' });
      expect(report.removed).toEqual(expected);
      expect(describeRetention(report)[1]).toBe('  closed enquiries: 1 (names 1, email addresses 1, messages 1, replies and notes 2, outgoing mail 1)');
      const kept = await store.get(old);
      expect([kept.message, kept.name, kept.email, kept.topic, kept.team?.id, kept.outcome, kept.state]).toEqual([null, null, null, 'service', 'primary-care', 'answered', 'closed']);
      expect(kept.personalDataRemovedAt).not.toBeNull();
      expect(kept.events.map((e) => [e.kind, e.body])).toEqual([['received', null], ['assigned', null], ['replied', null], ['noted', null], ['closed', null], ['personal-data-removed', null]]);
      expect(kept.mail.map((m) => [m.recipient, m.status])).toEqual([[null, 'failed']]);
      expect((await refusal(store.reopen(old, lead))).status).toBe(409);
      expect((await store.get(recent)).message).toBe('My recent message');
      expect((await store.get(open)).email).toBe('open@example.org');
      const { rows } = await record.sql.query<{ public_id: string; contact: unknown }>('SELECT public_id, contact FROM engage_response ORDER BY public_id');
      expect(rows.map((r) => [r.public_id, r.contact === null])).toEqual([['R-AAAAAA', true], ['R-BBBBBB', true], ['R-CCCCCC', false]]);
      expect((await record.sql.query('SELECT subject FROM engage_mail_sink_message')).rows).toEqual([{ subject: 'new' }]);

      const again = await runRetention(record.sql, { days: 365, trigger: 'server' });
      expect(Object.values(again.removed).every((n) => n === 0)).toBe(true);
      expect((await retentionRuns(record.sql)).map((r) => [r.trigger, r.removed.enquiries])).toEqual([['server', 0], ['command-line', 1]]);
      // A shorter period reaches the recent one.
      expect((await runRetention(record.sql, { days: 5, trigger: 'server' })).removed.enquiries).toBe(1);
    });
  });
}

describe('the retention period', () => {
  it('is FOOTPRINT_ENQUIRY_RETENTION_DAYS, 365 by default, and refuses anything but whole days', () => {
    expect(retentionDaysFromEnvironment({})).toBe(365);
    expect(retentionDaysFromEnvironment({ FOOTPRINT_ENQUIRY_RETENTION_DAYS: '730' })).toBe(730);
    expect(() => retentionDaysFromEnvironment({ FOOTPRINT_ENQUIRY_RETENTION_DAYS: '1.5' })).toThrow('FOOTPRINT_ENQUIRY_RETENTION_DAYS must be a whole number of days from 1 to 36500, not "1.5"');
    expect(() => parseRetentionDays('0', '--days')).toThrow('--days must be');
  });
});
