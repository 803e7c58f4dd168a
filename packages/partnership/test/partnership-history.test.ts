import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldChanges,
  humaniseField,
  isoDate,
  itemHistory,
  partnershipMigrationSets,
  PartnershipProblem,
  PartnershipStore,
  readableValue,
  recentChangesView,
  registerItemKinds,
  registerPartnershipKinds,
  text,
  type Editor,
  type ItemKind,
} from '../src';

interface Milestone {
  name: string;
  dueDate: string;
  status: 'planned' | 'done';
  period?: { start?: string; end?: string };
  notes?: string;
  owners?: string[];
}
const MILESTONE: ItemKind<Milestone> = {
  kind: 'history-test-milestone',
  label: 'test milestone',
  schema: z
    .object({
      name: text(100),
      dueDate: isoDate,
      status: z.enum(['planned', 'done']),
      period: z.object({ start: isoDate.optional(), end: isoDate.optional() }).strict().optional(),
      notes: z.string().optional(),
      owners: z.array(z.string()).optional(),
    })
    .strict(),
  title: (d) => `${d.name} (due ${d.dueDate})`,
};
// Registered as a part's kinds file does, at start, before any item of the kind is written.
registerItemKinds(MILESTONE as ItemKind<never>);

const lead: Editor = { id: 'u-lead', name: 'Pat Lead', role: 'partnership_lead' };
const admin: Editor = { id: 'u-admin', name: 'Alex Admin', role: 'administrator' };

describe('what a change changed', () => {
  it('compares nested values field by field and shows values as people read them', () => {
    const changes = fieldChanges({ name: 'A', period: { start: '2016-04-01' }, owners: ['x'] }, { name: 'A', period: { start: '2017-04-01', end: '2020-03-31' }, owners: ['x', 'y'], notes: 'Long\ntext' });
    expect(changes.map((c) => [c.field, c.label, c.beforeText, c.afterText])).toEqual([
      ['period.start', 'Period start', '1 April 2016', '1 April 2017'],
      ['period.end', 'Period end', null, '31 March 2020'],
      ['owners', 'Owners', 'x', 'x\ny'],
      ['notes', 'Notes', null, 'Long\ntext'],
    ]);
    expect(fieldChanges(undefined, { name: 'A', period: { start: '2016-04-01' } }).map((c) => c.field)).toEqual(['name', 'period.start']);
    expect(humaniseField('dueDate')).toBe('Due date');
    expect(humaniseField('lead_organisation.odsCode')).toBe('Lead organisation ods code');
    expect(readableValue(true)).toBe('Yes');
    expect(readableValue([{ name: 'Ann', role: 'chair' }])).toBe('Name: Ann; Role: chair');
    expect(readableValue({ start: '2016-04-01' })).toBe('Start: 1 April 2016');
    expect(registerPartnershipKinds().map((k) => k.kind)).toContain('history-test-milestone');
  });
});

for (const kind of postgresKinds()) {
  describe(`the history of the partnership's items (${kind})`, () => {
    let record: OpenRecord;
    let store: PartnershipStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'partnership_history', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      store = new PartnershipStore(record.sql);
    });
    afterAll(async () => record?.close());

    it('shows every version newest first with who, what changed from what to what, and the deletion', async () => {
      const created = await store.create(MILESTONE, { footprint: 'E54000008', data: { name: 'Open the hub', dueDate: '2024-03-01', status: 'planned' } }, lead);
      await store.update(MILESTONE, created.id, { name: 'Open the hub', dueDate: '2024-06-01', status: 'done', period: { start: '2024-01-01' } }, admin);
      await store.remove(MILESTONE, created.id, lead);
      const history = await itemHistory(store, created.id, (role) => (role === 'administrator' ? 'Administrator' : role));
      expect(history.item).toMatchObject({ id: created.id, kind: 'history-test-milestone', kindLabel: 'test milestone', title: 'Open the hub (due 2024-06-01)', deleted: true, version: 3, parent: null });
      expect(history.versions.map((v) => [v.version, v.changeLabel, v.who.name, v.deleted])).toEqual([
        [3, 'Deleted', 'Pat Lead', true],
        [2, 'Updated', 'Alex Admin', false],
        [1, 'Created', 'Pat Lead', false],
      ]);
      expect(history.versions[0].changes).toEqual([]);
      expect(history.versions[1].who.roleLabel).toBe('Administrator');
      expect(history.versions[1].changes).toEqual([
        { field: 'dueDate', label: 'Due date', before: '2024-03-01', after: '2024-06-01', beforeText: '1 March 2024', afterText: '1 June 2024' },
        { field: 'status', label: 'Status', before: 'planned', after: 'done', beforeText: 'planned', afterText: 'done' },
        { field: 'period.start', label: 'Period start', after: '2024-01-01', beforeText: null, afterText: '1 January 2024' },
      ]);
      expect(history.versions[2].changes.map((c) => c.field)).toEqual(['name', 'dueDate', 'status']);
      const missing = await itemHistory(store, 'never-was').then(() => undefined, (e: unknown) => e);
      expect(missing).toBeInstanceOf(PartnershipProblem);
      expect((missing as PartnershipProblem).status).toBe(404);
    });

    it('still shows an item whose kind is not registered, by its stored kind name', async () => {
      const now = new Date().toISOString();
      await record.sql.query(
        `INSERT INTO partnership_item (id, kind, footprint, version, data, created_at, updated_at, updated_by_id, updated_by_name) VALUES ('retired-1', 'retired-kind', 'E54000008', 1, '{"name":"Old forum"}', $1, $1, 'u', 'Someone')`,
        [now],
      );
      await record.sql.query(
        `INSERT INTO partnership_item_version (id, version, kind, footprint, data, deleted, change, changed_fields, changed_at, changed_by_id, changed_by_name, changed_by_role) VALUES ('retired-1', 1, 'retired-kind', 'E54000008', '{"name":"Old forum"}', false, 'created', '["name"]', $1, 'u', 'Someone', 'analyst')`,
        [now],
      );
      const history = await itemHistory(store, 'retired-1');
      expect(history.item).toMatchObject({ kind: 'retired-kind', kindLabel: 'retired-kind', title: 'Old forum' });
      const recent = await recentChangesView(store, 'E54000008', { kind: 'retired-kind' });
      expect(recent.changes.map((c) => [c.item.title, c.who.roleLabel])).toEqual([['Old forum', 'Analyst']]);
      expect(recent.kinds).toContainEqual({ kind: 'retired-kind', label: 'retired-kind' });
      expect(recent.kinds).toContainEqual({ kind: 'history-test-milestone', label: 'test milestone' });
    });

    it('pages the footprint’s changes without gaps or repeats, even when changes share a moment', async () => {
      const footprint = 'E54000057';
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await store.create(MILESTONE, { footprint, data: { name: `M${i}`, dueDate: '2025-01-01', status: 'planned' } }, lead)).id);
      for (const id of ids.slice(0, 3)) await store.update(MILESTONE, id, { name: 'Renamed', dueDate: '2025-01-01', status: 'planned' }, admin);
      // Ten changes: four at one microsecond, three at the next, three a millisecond on.
      const { rows } = await record.sql.query<{ id: string; version: number }>('SELECT id, version FROM partnership_item_version WHERE footprint = $1 ORDER BY id, version', [footprint]);
      expect(rows).toHaveLength(10);
      const moments = ['2026-01-01T10:00:00.000001Z', '2026-01-01T10:00:00.000002Z', '2026-01-01T10:00:00.001Z'];
      for (const [i, row] of rows.entries()) {
        await record.sql.query('UPDATE partnership_item_version SET changed_at = $3::timestamptz WHERE id = $1 AND version = $2', [row.id, row.version, moments[i < 4 ? 0 : i < 7 ? 1 : 2]]);
      }
      const all = (await store.recentChanges(footprint, { limit: 100 })).map((c) => `${c.id}#${c.version}`);
      expect(all).toHaveLength(10);
      for (const limit of [1, 2, 3, 4]) {
        const seen: string[] = [];
        let before: string | undefined;
        let pages = 0;
        do {
          const page = await store.changesPage(footprint, { limit, ...(before ? { before } : {}) });
          expect(page.changes.length).toBeLessThanOrEqual(limit);
          seen.push(...page.changes.map((c) => `${c.id}#${c.version}`));
          before = page.next;
          pages++;
        } while (before && pages < 20);
        expect(seen).toEqual(all);
      }
      const updatesOnly = await recentChangesView(store, footprint, { limit: 100 });
      const updates = updatesOnly.changes.filter((c) => c.change === 'updated').map((c) => c.changes.map((f) => `${f.field}: ${f.beforeText} → ${f.afterText}`).join('; '));
      expect(updates.sort()).toEqual(['name: M0 → Renamed', 'name: M1 → Renamed', 'name: M2 → Renamed']);
      expect((await store.recentChanges(footprint, { before: '2026-01-01T10:00:00.001Z' })).length).toBe(7);
      for (const before of ['yesterday', '2026-02-30T10:00:00Z', '2026-02-28T24:00:00Z', '0000-01-01T00:00:00Z', '2026-01-01T10:00:00Z~', '2026-01-01T10:00:00Z~x~0', '2026-01-01T10:00:00Z~a~1~2']) {
        const refused = await store.changesPage(footprint, { before }).then(() => undefined, (e: unknown) => e);
        expect((refused as PartnershipProblem).status, before).toBe(400);
      }
    });
  });
}
