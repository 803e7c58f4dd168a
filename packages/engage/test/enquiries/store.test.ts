import type { OpenRecord } from '@footprint/record';
import { postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnquiryInputError, EnquiryStore, newEnquiryReference, parseEnquiryReference, TEXT_LIMITS } from '../../src';
import { lead, openEngageRecord, refusal } from './support';

for (const kind of postgresKinds()) {
  describe(`get in touch: enquiries and their handling (${kind})`, () => {
    let record: OpenRecord;
    let store: EnquiryStore;
    beforeAll(async () => {
      record = await openEngageRecord(kind, 'engage_enquiries');
      store = new EnquiryStore(record.sql, 'Cheshire and Merseyside Health and Care Partnership');
    });
    afterAll(async () => record?.close());

    it('stores an enquiry byte for byte and gives back a reference with a random check part', async () => {
      const message = 'Line one\r\nLine two with <script>alert(1)</script> and "quotes" \'; DROP TABLE engage_enquiry; --\n\nÇa va? 👋🏽 مرحبا';
      const received = await store.receive({ topic: 'the-plan', message, name: '  Sam O\'Brien  ', email: 'sam@example.org', consentToContact: true }, 'api');
      expect(received.reference).toMatch(/^FP-E-\d{4}-\d{6}-[346789ACDEFGHJKLMNPQRTUVWXY]{5}$/);
      const enquiry = await store.get(received.reference.toLowerCase());
      expect(enquiry.message).toBe(message.replace('\r\n', '\n'));
      expect([enquiry.name, enquiry.email, enquiry.consentToContact, enquiry.state, enquiry.channel]).toEqual(["Sam O'Brien", 'sam@example.org', true, 'new', 'api']);
      expect(enquiry.events.map((e) => [e.kind, e.by])).toEqual([['received', null]]);
      const second = await store.receive({ topic: 'service', message: 'Another' }, 'web');
      expect(second.reference.slice(0, 16)).not.toBe(received.reference.slice(0, 16));
      expect(Number(second.reference.split('-')[3])).toBe(Number(received.reference.split('-')[3]) + 1);
    });

    it('refuses bad input naming each field, and stores nothing', async () => {
      const before = (await store.inbox()).counts.all;
      const bad = await refusal(store.receive({ topic: 'nonsense', message: '   ', email: 'not-an-address', name: 'x'.repeat(TEXT_LIMITS.name + 1) }, 'api'));
      expect(bad).toBeInstanceOf(EnquiryInputError);
      expect(bad.status).toBe(400);
      expect((bad as unknown as EnquiryInputError).fields.map((f) => f.field)).toEqual(['topic', 'message', 'name', 'email']);
      expect(bad.detail).toContain('name: must be 200 characters or fewer');
      expect((await refusal(store.receive({ topic: 'the-plan', message: 'x'.repeat(TEXT_LIMITS.message + 1) }, 'api'))).detail).toContain('message: must be 5,000 characters or fewer');
      expect((await refusal(store.receive({ topic: 'the-plan', message: 'bell \u0007' }, 'api'))).detail).toContain('message: must not contain control characters');
      expect((await refusal(store.receive({ topic: 'the-plan', message: 'hi', consentToContact: true }, 'api'))).detail).toContain('email: enter your email address');
      expect((await refusal(store.receive({ topic: 'the-plan', message: 'hi', nhsNumber: '9434765919' }, 'api'))).detail).toBe('nhsNumber: is not a field of an enquiry (topic, message, name, email, consentToContact)');
      // 5,000 characters counted as a person counts them: emoji are one each.
      await store.receive({ topic: 'the-plan', message: '😀'.repeat(TEXT_LIMITS.message) }, 'api');
      expect((await store.inbox()).counts.all).toBe(before + 1);
    });

    it('assigns, replies, notes, closes and reopens, recording who did what and when', async () => {
      const { reference } = await store.receive({ topic: 'service', message: 'When does the new clinic open?', email: 'alex@example.org' }, 'web');
      await store.assign(reference, 'patient-experience', lead);
      const replied = await store.reply(reference, 'It opens in May.', lead);
      expect(replied.mailId).toBeGreaterThan(0);
      expect(replied.enquiry.mail.map((m) => [m.status, m.recipient, m.subject])).toEqual([['pending', 'alex@example.org', `Your message to us (reference ${reference})`]]);
      await store.note(reference, 'Checked the date with the place team.', lead);
      const closed = await store.close(reference, 'answered', lead);
      expect(closed.state).toBe('closed');
      expect(closed.events.map((e) => [e.kind, e.by?.name ?? null, e.details.teamName ?? e.details.outcome ?? null, e.body])).toEqual([
        ['received', null, null, null],
        ['assigned', 'Pat Lead', 'Patient experience', null],
        ['replied', 'Pat Lead', null, 'It opens in May.'],
        ['noted', 'Pat Lead', null, 'Checked the date with the place team.'],
        ['closed', 'Pat Lead', 'answered', null],
      ]);
      expect((await refusal(store.note(reference, 'more', lead))).status).toBe(409);
      const reopened = await store.reopen(reference, lead);
      expect([reopened.state, reopened.outcome, reopened.closedAt]).toEqual(['open', null, null]);
      expect((await refusal(store.reopen(reference, lead))).status).toBe(409);
    });

    it('refuses staff actions that make no sense, writing nothing', async () => {
      const { reference } = await store.receive({ topic: 'consultation', message: 'A question' }, 'web');
      expect((await refusal(store.assign(reference, 'no-such-team', lead))).detail).toBe('team: there is no team "no-such-team"');
      expect((await refusal(store.reply(reference, '  ', lead))).detail).toBe('reply: must not be empty');
      expect((await refusal(store.close(reference, 'finished', lead))).detail).toContain('outcome: must be one of answered');
      expect((await refusal(store.get('FP-E-2026-999999-AAAAA'))).status).toBe(404);
      expect((await refusal(store.get("x' OR '1'='1"))).status).toBe(404);
      const replied = await store.reply(reference, 'Thanks: without an email address this is for a letter or a call.', lead);
      expect(replied.mailId).toBeNull();
      expect((await store.get(reference)).events.map((e) => e.kind)).toEqual(['received', 'replied']);
    });

    it('lists the inbox newest first, filtered by state and team, with counts', async () => {
      const inbox = await store.inbox();
      expect(inbox.enquiries.map((e) => e.receivedAt)).toEqual([...inbox.enquiries.map((e) => e.receivedAt)].sort().reverse());
      expect(inbox.counts.all).toBe(inbox.counts.new + inbox.counts.open + inbox.counts.closed);
      const patientExperience = await store.inbox({ team: 'patient-experience' });
      expect(patientExperience.enquiries.every((e) => e.team?.id === 'patient-experience')).toBe(true);
      expect(patientExperience.counts.all).toBe(1);
      expect((await store.inbox({ state: 'new' })).enquiries.every((e) => e.state === 'new')).toBe(true);
      expect((await refusal(store.inbox({ state: 'lost' as never }))).status).toBe(400);
      expect(inbox.teams.map((t) => t.id)).toContain('communications');
    });
  });
}

describe('enquiry references', () => {
  it('cannot be counted through: two made with the same number differ in their check part', () => {
    const a = newEnquiryReference(42, 2026);
    const b = newEnquiryReference(42, 2026);
    expect(a.slice(0, 16)).toBe('FP-E-2026-000042');
    expect(new Set(Array.from({ length: 50 }, () => newEnquiryReference(42, 2026))).size).toBeGreaterThan(45);
    expect(parseEnquiryReference(` ${a.toLowerCase()} `)).toBe(a);
    expect(parseEnquiryReference('FP-E-2026-000042')).toBeUndefined();
    expect(b).toMatch(/^FP-E-2026-000042-[A-Z0-9]{5}$/);
  });
});
