import type { OpenRecord } from '@footprint/record';
import { postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnquiryStore, MailOutbox, Mailer, mailSettingsFromEnvironment, sinkMessages, startMailSink, type RunningMailSink } from '../../src';
import { lead, openEngageRecord, refusal } from '../enquiries/support';

for (const kind of postgresKinds()) {
  describe(`replies by email through SMTP, into a real mail sink (${kind})`, () => {
    let record: OpenRecord;
    let sink: RunningMailSink;
    let store: EnquiryStore;
    beforeAll(async () => {
      record = await openEngageRecord(kind, 'engage_mail');
      sink = await startMailSink(record.sql);
      store = new EnquiryStore(record.sql, 'Cheshire and Merseyside Health and Care Partnership');
    });
    afterAll(async () => {
      await sink?.close();
      await record?.close();
    });

    it('sends a reply as plain text, records it on the enquiry, and the sink keeps it', async () => {
      const mailer = new Mailer({ smtpUrl: sink.url, from: 'Get in touch <engagement@example.nhs.uk>' });
      const { reference } = await store.receive({ topic: 'the-plan', message: 'Hello', name: 'Ada <b>Lovelace</b>', email: 'ada@example.org' }, 'web');
      const { mailId } = await store.reply(reference, 'Thank you: <script>alert(1)</script> stays text.', lead);
      expect(await new MailOutbox(record.sql, mailer).deliver(mailId!)).toEqual({ id: mailId, status: 'sent' });
      const [received] = await sinkMessages(record.sql);
      expect(received.envelopeTo).toEqual(['ada@example.org']);
      expect(received.subject).toBe(`Your message to us (reference ${reference})`);
      expect(received.text).toContain('Dear Ada <b>Lovelace</b>,\n\nThank you: <script>alert(1)</script> stays text.\n\nCheshire and Merseyside Health and Care Partnership');
      const enquiry = await store.get(reference);
      expect(enquiry.events.map((e) => e.kind)).toEqual(['received', 'replied', 'mail-sent']);
      expect(enquiry.mail[0].status).toBe('sent');
      expect((await refusal(new MailOutbox(record.sql, mailer).deliver(mailId!))).status).toBe(409);
      mailer.close();
    });

    it('records a failure on the enquiry, retries when due, and a staff retry sends it', async () => {
      const down = new Mailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'x@example.org' });
      const { reference } = await store.receive({ topic: 'service', message: 'Hi', email: 'bo@example.org' }, 'web');
      const { mailId } = await store.reply(reference, 'Our answer', lead);
      const failed = await new MailOutbox(record.sql, down).deliver(mailId!);
      expect(failed.status).toBe('failed');
      expect(failed.reason).toMatch(/ECONNREFUSED/);
      let enquiry = await store.get(reference);
      expect(enquiry.events.at(-1)).toMatchObject({ kind: 'mail-failed', details: { attempt: 1 } });
      expect(enquiry.mail[0]).toMatchObject({ status: 'failed', attempts: 1 });
      // Not due yet (retried 5 minutes × attempts after the last), so the timer leaves it; a staff retry sends it now.
      const working = new Mailer({ smtpUrl: sink.url, from: 'x@example.org' });
      const outbox = new MailOutbox(record.sql, working);
      expect(await outbox.deliverDue()).toEqual([]);
      expect((await outbox.deliver(mailId!, { force: true })).status).toBe('sent');
      enquiry = await store.get(reference);
      expect(enquiry.events.slice(-2).map((e) => e.kind)).toEqual(['mail-failed', 'mail-sent']);
      expect(enquiry.mail[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(enquiry.events.find((e) => e.kind === 'mail-failed')?.details.error).toBe('connect ECONNREFUSED 127.0.0.1:1');
      // A failed one that is due goes with the timer's run.
      const second = await store.reply(reference, 'And another thing', lead);
      await new MailOutbox(record.sql, down).deliver(second.mailId!);
      await record.sql.query("UPDATE engage_mail_outbox SET last_attempt_at = now() - interval '1 hour' WHERE id = $1", [second.mailId]);
      expect(await outbox.deliverDue()).toEqual([{ id: second.mailId, status: 'sent' }]);
      down.close();
      working.close();
    });

    it('keeps replies without email configured, pending and said so', async () => {
      const none = new Mailer(undefined);
      expect(none.description).toContain('Email is not configured');
      const { reference } = await store.receive({ topic: 'service', message: 'Hi', email: 'cy@example.org' }, 'web');
      const { mailId } = await store.reply(reference, 'Answer', lead);
      expect(await new MailOutbox(record.sql, none).deliver(mailId!)).toMatchObject({ status: 'pending' });
      expect((await store.get(reference)).mail[0].status).toBe('pending');
    });
  });
}

describe('mail settings', () => {
  it('come from FOOTPRINT_SMTP_URL and FOOTPRINT_MAIL_FROM, and refuse what is not an SMTP URL', () => {
    expect(mailSettingsFromEnvironment({})).toBeUndefined();
    expect(mailSettingsFromEnvironment({ FOOTPRINT_SMTP_URL: 'smtp://127.0.0.1:2525', FOOTPRINT_MAIL_FROM: 'a@b.nhs.uk' })).toEqual({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'a@b.nhs.uk' });
    expect(() => mailSettingsFromEnvironment({ FOOTPRINT_SMTP_URL: 'http://x' })).toThrow('must start smtp:// or smtps://');
    expect(new Mailer({ smtpUrl: 'smtps://user:secret@mail.example.nhs.uk', from: 'x' }).description).toBe('smtps://mail.example.nhs.uk:465');
  });
});
