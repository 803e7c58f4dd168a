import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenRecord } from '@footprint/record';
import { postgresKinds } from '@footprint/testing';
import { ModerationStore } from '../../src/moderation/store';
import { insertConsultation, insertResponse, openEngageTestStorage } from '../results/fixture';

const TEXT = 'My NHS number is 943 476 5919 and my email is jo@example.com. The nurse was rude.';

describe.each(postgresKinds())('moderation on %s', (kind) => {
  let record: OpenRecord;
  let store: ModerationStore;
  let publishable: { id: number; publicId: string };

  beforeAll(async () => {
    record = await openEngageTestStorage(kind, 'engage_moderation');
    store = new ModerationStore(record.sql);
    await insertConsultation(record.sql, 'urgent-care');
    publishable = await insertResponse(record.sql, 'urgent-care', { answers: { q1: 'a', q6: TEXT, q7: 'Shorter waits' }, publishFreeText: true });
    await insertResponse(record.sql, 'urgent-care', { answers: { q6: 'Not for publication: my son Oliver waited.' }, publishFreeText: false });
    await insertResponse(record.sql, 'urgent-care', { answers: { q6: 'A draft, not yet submitted.' }, publishFreeText: true, status: 'draft' });
    await insertResponse(record.sql, 'urgent-care', { answers: { q6: '   ', q1: 'b' }, publishFreeText: true });
  }, 120_000);
  afterAll(async () => record?.close());

  it('queues only the free-text answers of submitted responses whose authors allowed publication', async () => {
    const items = await store.items('urgent-care');
    expect(items.map((i) => [i.questionId, i.text])).toEqual([
      ['q6', TEXT],
      ['q7', 'Shorter waits'],
    ]);
    expect(items.every((i) => i.responsePublicId === publishable.publicId && i.status === 'pending')).toBe(true);
    expect(await store.queue()).toEqual([{ consultationId: 'urgent-care', title: 'Urgent care in Wirral', pending: 2, approved: 0, rejected: 0 }]);
    await store.sync();
    expect((await store.items('urgent-care')).length).toBe(2);
  });

  it('flags the personal data before anyone reads it', async () => {
    const [item] = await store.items('urgent-care');
    expect(item!.flags.map((f) => [f.kind, f.text])).toEqual([
      ['nhs-number', '943 476 5919'],
      ['email', 'jo@example.com'],
    ]);
  });

  it('keeps every redaction in the audit, computes the published text, and never changes the original', async () => {
    const [item] = await store.items('urgent-care');
    const [nhs, email] = item!.flags;
    await store.redact(item!.id, { start: nhs!.start, end: nhs!.end, reason: 'personal-data', kind: 'nhs-number' }, 'privacy');
    const after = await store.redact(item!.id, { start: email!.start, end: email!.end, reason: 'personal-data', kind: 'email' }, 'privacy');
    expect(after.publishedText).toBe('My NHS number is [redacted: personal data] and my email is [redacted: personal data]. The nurse was rude.');
    expect(after.history.map((h) => [h.action, h.by, h.start, h.end, h.reason, h.kind])).toEqual([
      ['redacted', 'privacy', nhs!.start, nhs!.end, 'personal-data', 'nhs-number'],
      ['redacted', 'privacy', email!.start, email!.end, 'personal-data', 'email'],
    ]);
    const { rows } = await record.sql.query<{ text: string }>("SELECT answers->>'q6' AS text FROM engage_response WHERE id = $1", [publishable.id]);
    expect(rows[0]!.text).toBe(TEXT);
    await expect(record.sql.query("UPDATE engage_moderation_event SET reason = 'other'")).rejects.toThrow(/append-only/);
  });

  it('refuses a span outside the text, a bad reason, and rejecting without a reason, with 400s naming the field', async () => {
    const [item] = await store.items('urgent-care');
    await expect(store.redact(item!.id, { start: 5, end: 500, reason: 'personal-data' }, 'privacy')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('end: must be at most') });
    await expect(store.redact(item!.id, { start: 5, end: 3, reason: 'personal-data' }, 'privacy')).rejects.toMatchObject({ status: 400 });
    await expect(store.redact(item!.id, { start: 0, end: 3, reason: 'rude' }, 'privacy')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('reason') });
    await expect(store.reject(item!.id, { reason: ' ' }, 'privacy')).rejects.toMatchObject({ status: 400 });
    await expect(store.redact(999999, { start: 0, end: 3, reason: 'other' }, 'privacy')).rejects.toMatchObject({ status: 404 });
    expect((await store.item(item!.id)).redactions.length).toBe(2);
  });

  it('publishes approved text only, redacted, and makes a decision final', async () => {
    const [first, second] = await store.items('urgent-care');
    await store.approve(first!.id, 'privacy');
    const rejected = await store.reject(second!.id, { reason: 'Not about the consultation' }, 'privacy');
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Not about the consultation', decidedBy: 'privacy' });
    await expect(store.approve(first!.id, 'privacy')).rejects.toMatchObject({ status: 409 });
    await expect(store.redact(first!.id, { start: 0, end: 2, reason: 'other' }, 'privacy')).rejects.toMatchObject({ status: 409 });
    const comments = await store.publishedComments('urgent-care');
    expect(comments).toEqual([{ responsePublicId: publishable.publicId, questionId: 'q6', text: expect.stringContaining('[redacted: personal data]') }]);
    expect(JSON.stringify(comments)).not.toContain('5919');
    expect(JSON.stringify(comments)).not.toContain('FP-C-');
    expect(await store.counts('urgent-care')).toEqual({ pending: 0, approved: 1, rejected: 1, redactions: 2 });
  });
});
