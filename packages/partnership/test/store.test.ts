import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate, partnershipMigrationSets, PartnershipProblem, PartnershipStore, text, type Editor, type ItemKind } from '../src';

const BODY: ItemKind<{ name: string; established?: string }> = {
  kind: 'test-body',
  label: 'test body',
  schema: z.object({ name: text(100), established: isoDate.optional() }).strict(),
  title: (d) => d.name,
};
const MEETING: ItemKind<{ date: string }> = {
  kind: 'test-meeting',
  label: 'test meeting',
  parentKind: 'test-body',
  schema: z.object({ date: isoDate }).strict(),
  title: (d) => d.date,
};
const lead: Editor = { id: 'u-lead', name: 'Pat Lead', role: 'partnership_lead' };
const admin: Editor = { id: 'u-admin', name: 'Alex Admin', role: 'administrator' };

async function refusal(promise: Promise<unknown>): Promise<PartnershipProblem> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnershipProblem);
  return error as PartnershipProblem;
}

for (const kind of postgresKinds()) {
  describe(`the partnership's versioned items (${kind})`, () => {
    let record: OpenRecord;
    let store: PartnershipStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'partnership_store', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      store = new PartnershipStore(record.sql);
    });
    afterAll(async () => record?.close());

    it('keeps every version with who changed which fields, and refuses a stale write', async () => {
      const created = await store.create(BODY, { footprint: 'E54000008', data: { name: 'Partnership board' } }, lead);
      expect(created.version).toBe(1);
      const updated = await store.update(BODY, created.id, { name: 'Partnership board', established: '2016-04-01' }, admin, { ifVersion: 1 });
      expect(updated.version).toBe(2);
      const unchanged = await store.update(BODY, created.id, { name: 'Partnership board', established: '2016-04-01' }, admin);
      expect(unchanged.version).toBe(2);
      const stale = await refusal(store.update(BODY, created.id, { name: 'Board' }, lead, { ifVersion: 1 }));
      expect(stale.status).toBe(409);
      const history = await store.history(created.id);
      expect(history.map((v) => [v.version, v.change, v.changedFields, v.changedBy.name])).toEqual([
        [2, 'updated', ['established'], 'Alex Admin'],
        [1, 'created', ['name'], 'Pat Lead'],
      ]);
      expect((await store.get(BODY, created.id)).data).toEqual({ name: 'Partnership board', established: '2016-04-01' });
    });

    it('names the field a refusal is about, and writes nothing', async () => {
      const bad = await refusal(store.create(BODY, { footprint: 'E54000008', data: { name: 'X', established: '2016-02-30' } }, lead));
      expect([bad.status, bad.title, bad.detail]).toEqual([400, 'Invalid test body', 'established: must be a date written YYYY-MM-DD']);
      expect((await store.list(BODY, 'E54000008')).some((b) => b.data.name === 'X')).toBe(false);
      expect((await refusal(store.create(BODY, { footprint: 'E54000008', data: { name: 'Y', extra: 1 } }, lead))).status).toBe(400);
    });

    it('checks parents, refuses to delete an item with live children, and keeps deleted items in history', async () => {
      const body = await store.create(BODY, { footprint: 'E54000008', data: { name: 'Assembly' } }, lead);
      expect((await refusal(store.create(MEETING, { footprint: 'E54000008', data: { date: '2024-03-12' } }, lead))).status).toBe(400);
      expect((await refusal(store.create(MEETING, { footprint: 'E54000008', parentId: 'nothing-here', data: { date: '2024-03-12' } }, lead))).status).toBe(404);
      const meeting = await store.create(MEETING, { footprint: 'E54000008', parentId: body.id, data: { date: '2024-03-12' } }, lead);
      expect((await refusal(store.remove(BODY, body.id, lead))).status).toBe(409);
      await store.remove(MEETING, meeting.id, lead);
      expect(await store.list(MEETING, 'E54000008', { parentId: body.id })).toEqual([]);
      expect((await store.history(meeting.id))[0]).toMatchObject({ change: 'deleted', deleted: true, version: 2 });
      expect((await refusal(store.get(MEETING, meeting.id))).status).toBe(404);
    });

    it('seeds once and leaves edits alone on the next seed', async () => {
      const seeded = await store.seed(BODY, { id: 'seeded-board', footprint: 'E54000048', data: { name: 'Seeded' } });
      expect(seeded.updatedBy.name).toBe('Footprint (seed data)');
      await store.update(BODY, 'seeded-board', { name: 'Edited' }, lead);
      await store.seed(BODY, { id: 'seeded-board', footprint: 'E54000048', data: { name: 'Seeded' } });
      expect((await store.get(BODY, 'seeded-board')).data.name).toBe('Edited');
      const recent = await store.recentChanges('E54000048');
      expect(recent.map((v) => v.change)).toEqual(['updated', 'imported']);
    });
  });
}
