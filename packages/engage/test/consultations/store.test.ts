import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsultationStore, engageMigrationSets, EngageConflictError, EngageInputError, EngageNotFoundError, resumeTokenHash, ResponseStore } from '../../src';
import { everyTypeDefinition, GOOD_ANSWERS, PLACES } from './fixture';

async function refusal<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  return error as T;
}

const FOOTPRINT = 'E54000008';

for (const kind of postgresKinds()) {
  describe(`consultations and responses (${kind})`, () => {
    let record: OpenRecord;
    let now = new Date('2026-12-03T10:00:00Z');
    let store: ConsultationStore;
    let responses: ResponseStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'engage_consultations', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...engageMigrationSets] }));
      store = new ConsultationStore(record.sql, { now: () => now, places: async () => PLACES });
      responses = new ResponseStore(store);
    });
    afterAll(async () => record?.close());

    it('creates a draft with a readable id, keeps each version with who changed what, and publishes it', async () => {
      const a = await store.create(FOOTPRINT, everyTypeDefinition(), 'u-lead');
      const b = await store.create(FOOTPRINT, everyTypeDefinition(), 'u-lead');
      expect([a.id, b.id]).toEqual(['urgent-care-near-you', 'urgent-care-near-you-2']);
      expect([a.state, a.version, a.responseCount]).toEqual(['draft', 1, 0]);
      const edited = await store.update(a.id, everyTypeDefinition({ summary: 'A new summary.' }), 'u-admin', { ifVersion: 1 });
      expect(edited.version).toBe(2);
      expect((await store.update(a.id, everyTypeDefinition({ summary: 'A new summary.' }), 'u-admin')).version).toBe(2);
      expect((await refusal(store.update(a.id, everyTypeDefinition({ title: 'X title' }), 'u-lead', { ifVersion: 1 }), EngageConflictError)).status).toBe(409);
      const published = await store.publish(a.id, 'u-lead');
      expect([published.state, published.version]).toEqual(['open', 3]);
      expect((await store.versions(a.id)).map((v) => [v.version, v.change, v.changedBy])).toEqual([
        [3, 'published', 'u-lead'],
        [2, 'summary', 'u-admin'],
        [1, 'created', 'u-lead'],
      ]);
      expect((await store.list(FOOTPRINT, { publishedOnly: true })).map((c) => c.id)).toEqual(['urgent-care-near-you']);
      await refusal(store.getPublished(b.id), EngageNotFoundError);
      await refusal(store.create(FOOTPRINT, everyTypeDefinition({ audience: { places: ['E09000001'], groups: [] } }), 'u-lead'), EngageInputError);
    });

    it('computes upcoming, open and closed from the dates in England', async () => {
      const c = await store.create(FOOTPRINT, everyTypeDefinition({ title: 'Dates test', opensOn: '2027-04-01', closesOn: '2027-06-30' }), 'u-lead');
      await store.publish(c.id, 'u-lead');
      now = new Date('2027-03-31T22:59:00Z'); // 23:59 on 31 March in London (BST from 28 March)
      expect((await store.get(c.id)).state).toBe('upcoming');
      now = new Date('2027-03-31T23:00:00Z'); // midnight, 1 April in London
      expect((await store.get(c.id)).state).toBe('open');
      now = new Date('2027-06-30T22:59:00Z');
      expect((await store.get(c.id)).state).toBe('open');
      now = new Date('2027-06-30T23:00:00Z');
      expect((await store.get(c.id)).state).toBe('closed');
      now = new Date('2026-12-03T10:00:00Z');
    });

    it('submits a response with a reference and an unrelated public id, refusing bad answers without writing', async () => {
      const before = (await store.get('urgent-care-near-you')).responseCount;
      const bad = await refusal(responses.submit('urgent-care-near-you', { answers: { ...GOOD_ANSWERS, q2: 9 }, publishFreeText: true }), EngageInputError);
      expect(bad.problems).toEqual(['answers.q2: must be a whole number from 1 to 5']);
      expect((await refusal(responses.submit('urgent-care-near-you', { answers: GOOD_ANSWERS }), EngageInputError)).problems).toEqual(['publishFreeText: say whether your written answers may be published (true or false)']);
      expect((await store.get('urgent-care-near-you')).responseCount).toBe(before);
      const one = await responses.submit('urgent-care-near-you', { answers: GOOD_ANSWERS, publishFreeText: true, aboutYou: { place: 'E08000012' }, contact: { name: 'Sam Respondent', email: 'sam@example.com', consentToContact: true } });
      const two = await responses.submit('urgent-care-near-you', { answers: { ...GOOD_ANSWERS, q1: 'no', q3: 'hidden' }, publishFreeText: false }, { channel: 'api' });
      expect(one.reference).toMatch(/^FP-C-2026-[2-9A-Z]{8}$/);
      expect(one.publicId).toMatch(/^R-[2-9A-Z]{6}$/);
      expect(two.reference).not.toBe(one.reference);
      expect(one.reference).not.toContain(one.publicId.slice(2));
      const stored = await responses.submitted('urgent-care-near-you');
      expect(stored.map((r) => [r.reference, r.publicId, r.status])).toEqual([
        [one.reference, one.publicId, 'submitted'],
        [two.reference, two.publicId, 'submitted'],
      ]);
      expect(stored[0].contact).toEqual({ name: 'Sam Respondent', email: 'sam@example.com', consentToContact: true });
      expect(stored[1].answers.q3).toBeUndefined();
      expect(stored[1].contact).toBeNull();
    });

    it('freezes the questions once there are responses, but not the wording around them or the dates', async () => {
      const c = await store.get('urgent-care-near-you');
      expect(c.responseCount).toBeGreaterThan(0);
      const changedQuestions = everyTypeDefinition({ summary: 'A new summary.', questions: everyTypeDefinition().questions.slice(0, 6) });
      const frozen = await refusal(store.update(c.id, changedQuestions, 'u-lead'), EngageConflictError);
      expect(frozen.message).toMatch(/questions can no longer change \(questions\)/);
      expect((await refusal(store.update(c.id, everyTypeDefinition({ summary: 'A new summary.', askAboutYou: false }), 'u-lead'), EngageConflictError)).message).toMatch(/askAboutYou/);
      const retitled = await store.update(c.id, everyTypeDefinition({ summary: 'A new summary.', title: 'Urgent care: have your say', closesOn: '2027-03-19' }), 'u-lead');
      expect([retitled.title, retitled.closesOn, retitled.id]).toEqual(['Urgent care: have your say', '2027-03-19', 'urgent-care-near-you']);
    });

    it('saves a draft and resumes it with a link whose token is stored only as its hash', async () => {
      const draft = await responses.saveDraft('urgent-care-near-you', { answers: { q1: 'yes', q3: 'Half written' } });
      expect(draft.resumePath).toBe(`/public/consultations/urgent-care-near-you/respond?resume=${draft.resumeToken}`);
      expect(draft.resumeToken.length).toBeGreaterThanOrEqual(32);
      const { rows } = await record.sql.query<{ resume_token_hash: string; status: string }>('SELECT resume_token_hash, status FROM engage_response WHERE reference = $1', [draft.reference]);
      expect(rows[0]).toEqual({ resume_token_hash: resumeTokenHash(draft.resumeToken), status: 'draft' });
      expect(JSON.stringify(rows)).not.toContain(draft.resumeToken);
      const count = (await store.get('urgent-care-near-you')).responseCount;
      const resumed = await responses.resume('urgent-care-near-you', draft.resumeToken);
      expect(resumed.answers).toEqual({ q1: 'yes', q3: 'Half written' });
      await responses.saveDraft('urgent-care-near-you', { answers: { q1: 'yes', q2: 2 } }, { resumeToken: draft.resumeToken });
      expect((await responses.resume('urgent-care-near-you', draft.resumeToken)).answers).toEqual({ q1: 'yes', q2: 2 });
      expect((await store.get('urgent-care-near-you')).responseCount).toBe(count);
      const submitted = await responses.submit('urgent-care-near-you', { answers: GOOD_ANSWERS, publishFreeText: false }, { resumeToken: draft.resumeToken });
      expect(submitted.reference).toBe(draft.reference);
      expect((await store.get('urgent-care-near-you')).responseCount).toBe(count + 1);
      await refusal(responses.resume('urgent-care-near-you', draft.resumeToken), EngageNotFoundError);
      await refusal(responses.resume('urgent-care-near-you', 'not-a-token'), EngageNotFoundError);
    });

    it('refuses responses to a closed, upcoming or draft consultation with a clear message', async () => {
      const c = await store.create(FOOTPRINT, everyTypeDefinition({ title: 'Closed test', opensOn: '2026-01-05', closesOn: '2026-03-12' }), 'u-lead');
      await refusal(responses.submit(c.id, { answers: GOOD_ANSWERS, publishFreeText: true }), EngageNotFoundError);
      await store.publish(c.id, 'u-lead');
      const closed = await refusal(responses.submit(c.id, { answers: GOOD_ANSWERS, publishFreeText: true }), EngageConflictError);
      expect([closed.status, closed.message]).toEqual([409, 'This consultation closed on 12 March 2026; responses are no longer accepted.']);
      expect((await refusal(responses.saveDraft(c.id, { answers: {} }), EngageConflictError)).status).toBe(409);
      const upcoming = await store.create(FOOTPRINT, everyTypeDefinition({ title: 'Upcoming test', opensOn: '2027-01-05', closesOn: '2027-03-12' }), 'u-lead');
      await store.publish(upcoming.id, 'u-lead');
      expect((await refusal(responses.submit(upcoming.id, { answers: GOOD_ANSWERS, publishFreeText: true }), EngageConflictError)).message).toBe('This consultation opens on 5 January 2027; responses are accepted from then until 12 March 2027.');
    });
  });
}
