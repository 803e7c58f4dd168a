import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  decodeCell,
  encodeCell,
  exportItemsCsv,
  flattenData,
  importItemsCsv,
  isoDate,
  kindNamed,
  neutralise,
  partnershipMigrationSets,
  PartnershipProblem,
  PartnershipStore,
  readCsv,
  registerItemKinds,
  text,
  unflattenData,
  unneutralise,
  writeCsv,
  type Editor,
  type ItemKind,
} from '../src';

interface Board {
  name: string;
  code?: string;
  period?: { start?: string; end?: string };
  tags?: string[];
  note?: string;
  meta?: Record<string, unknown>;
  version?: string;
}
const BOARD: ItemKind<Board> = {
  kind: 'csv-test-board',
  label: 'test board',
  schema: z
    .object({
      name: text(100),
      code: z.string().optional(),
      period: z.object({ start: isoDate.optional(), end: isoDate.optional() }).strict().optional(),
      tags: z.array(z.string()).optional(),
      note: z.string().max(2000).optional(),
      meta: z.record(z.string(), z.unknown()).optional(),
      version: z.string().optional(),
    })
    .strict(),
  title: (d) => d.name,
};
interface Action {
  title: string;
  due?: string;
  done: boolean;
  score?: number | null;
}
const ACTION: ItemKind<Action> = {
  kind: 'csv-test-action',
  label: 'test action',
  parentKind: 'csv-test-board',
  schema: z.object({ title: text(200), due: isoDate.optional(), done: z.boolean(), score: z.number().int().min(0).max(25).nullable().optional() }).strict(),
  title: (d) => d.title,
};
registerItemKinds(BOARD as ItemKind<never>, ACTION as ItemKind<never>);

const lead: Editor = { id: 'u-lead', name: 'Pat Lead', role: 'partnership_lead' };
const importer: Editor = { id: 'u-admin', name: 'Alex Admin', role: 'administrator' };
const FOOTPRINT = 'E54000008';

async function refusal(promise: Promise<unknown>): Promise<PartnershipProblem> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnershipProblem);
  return error as PartnershipProblem;
}

describe('the CSV cells of an item', () => {
  it('write every kind of value so that it reads back exactly', () => {
    const tricky: unknown[] = ['12', '', 'true', 'null', ' spaced ', '=1+2', "'=x", "''+y", '"quoted"', '[1]', 'Line one\nline two, "comma"', 'plain', 12, -3.5, 0, true, false, null, [], {}, [1, 'a', { b: null }], { 'a.b': 1 }];
    for (const value of tricky) {
      const csv = writeCsv(['v'], [{ v: encodeCell(value) }]);
      const [row] = readCsv(csv, { trim: false });
      expect(decodeCell(row.cells.v), JSON.stringify(value)).toEqual(value);
    }
    expect(neutralise(encodeCell(-3))).toBe('-3');
    expect(unneutralise(neutralise("'=x"))).toBe("'=x");
  });

  it('spread nested objects into dotted columns and keep metadata names apart', () => {
    const data = { name: 'Board', period: { start: '2016-04-01' }, tags: ['a', 'b'], id: 'x', version: '2019', data: { y: 1 }, meta: {} };
    const cells = flattenData(data);
    expect([...cells.keys()]).toEqual(['name', 'period.start', 'tags', 'data.id', 'data.version', 'data.data.y', 'meta']);
    const row = Object.fromEntries([...cells].map(([k, v]) => [k, String(v)]));
    expect(unflattenData(row, [...cells.keys()])).toEqual({ data, problems: [] });
    const clash = unflattenData({ period: '{"start":"2016-04-01"}', 'period.start': '2017-04-01' }, ['period', 'period.start']);
    expect(clash.problems).toEqual([{ column: 'period.start', message: 'sets the same field as column period: leave one of them empty' }]);
    expect(unflattenData({ '__proto__.x': '1' }, ['__proto__.x']).problems[0].message).toBe('is not a field name');
  });

  it('names the kinds there are when a kind is unknown', () => {
    const problem = (() => {
      try {
        kindNamed('no-such-kind');
      } catch (error) {
        return error as PartnershipProblem;
      }
    })();
    expect(problem?.status).toBe(404);
    expect(problem?.detail).toContain('csv-test-action, csv-test-board');
  });
});

for (const kind of postgresKinds()) {
  describe(`CSV export and import of the partnership's items (${kind})`, () => {
    let record: OpenRecord;
    let fresh: OpenRecord;
    let store: PartnershipStore;
    let freshStore: PartnershipStore;
    const open = (prefix: string) => openOnTestStorage(kind, prefix, (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
    beforeAll(async () => {
      record = await open('partnership_csv');
      fresh = await open('partnership_csv_fresh');
      store = new PartnershipStore(record.sql);
      freshStore = new PartnershipStore(fresh.sql);
      const board = await store.create(BOARD, { footprint: FOOTPRINT, id: 'board-1', data: { name: 'Partnership board', code: '12', period: { start: '2016-04-01', end: '2022-06-30' }, tags: ['statutory', 'monthly'], note: '=HYPERLINK("x")\nsecond line, with comma', version: '2019' } }, lead);
      await store.create(BOARD, { footprint: FOOTPRINT, data: { name: 'Assembly', meta: {} } }, lead);
      await store.create(BOARD, { footprint: 'E54000048', data: { name: 'Another footprint’s board' } }, lead);
      await store.create(ACTION, { footprint: FOOTPRINT, parentId: board.id, id: 'action-1', data: { title: 'Agree the plan', due: '2024-05-01', done: false, score: 12 } }, lead);
      await store.create(ACTION, { footprint: FOOTPRINT, parentId: board.id, id: 'action-2', data: { title: 'true', done: true, score: null } }, lead);
      await store.create(ACTION, { footprint: FOOTPRINT, parentId: board.id, id: 'action-3', data: { title: 'Publish the minutes', done: false } }, lead);
    });
    afterAll(async () => {
      await record?.close();
      await fresh?.close();
    });

    it('exports metadata columns then the data, and imports into a fresh footprint as the same items', async () => {
      const boards = await exportItemsCsv(store, BOARD, FOOTPRINT);
      expect(boards.rows).toBe(2);
      expect(boards.csv.split('\r\n')[0]).toBe('id,parent_id,version,updated_at,updated_by,name,code,period.start,period.end,tags,note,meta,data.version');
      expect(boards.csv).toContain(`"'=HYPERLINK(""x"")`);
      const actions = await exportItemsCsv(store, ACTION, FOOTPRINT);
      expect(await importItemsCsv(fresh.sql, freshStore, BOARD, FOOTPRINT, boards.csv, importer)).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect(await importItemsCsv(fresh.sql, freshStore, ACTION, FOOTPRINT, actions.csv, importer)).toEqual({ created: 3, updated: 0, unchanged: 0 });
      for (const k of [BOARD, ACTION] as ItemKind[]) {
        const shape = (items: Awaited<ReturnType<PartnershipStore['list']>>) => items.map((i) => ({ id: i.id, parentId: i.parentId, data: i.data }));
        expect(shape(await freshStore.list(k, FOOTPRINT))).toEqual(shape(await store.list(k, FOOTPRINT)));
      }
      expect((await freshStore.history('action-2'))[0]).toMatchObject({ change: 'imported', changedBy: importer });
      // The same files again change nothing (nested objects compare by value, not by key order).
      expect(await importItemsCsv(fresh.sql, freshStore, ACTION, FOOTPRINT, actions.csv, importer)).toEqual({ created: 0, updated: 0, unchanged: 3 });
      expect(await importItemsCsv(fresh.sql, freshStore, BOARD, FOOTPRINT, boards.csv, importer)).toEqual({ created: 0, updated: 0, unchanged: 2 });
      expect((await freshStore.update(BOARD, 'board-1', { ...(await freshStore.get(BOARD, 'board-1')).data, period: { end: '2022-06-30', start: '2016-04-01' } }, importer)).version).toBe(1);
    });

    it('updates exactly the item whose cell was edited, as an import by the importer', async () => {
      const { csv } = await exportItemsCsv(store, ACTION, FOOTPRINT);
      const edited = csv.replace('Publish the minutes', 'Publish the minutes on the website');
      expect(edited).not.toBe(csv);
      expect(await importItemsCsv(record.sql, store, ACTION, FOOTPRINT, edited, importer)).toEqual({ created: 0, updated: 1, unchanged: 2 });
      const [latest, first] = await store.history('action-3');
      expect([latest.version, latest.change, latest.changedFields, latest.changedBy]).toEqual([2, 'imported', ['title'], importer]);
      expect(first.change).toBe('created');
      expect((await store.history('action-1')).length).toBe(1);
    });

    it('refuses a whole file with bad rows, naming the row and column of each, and writes nothing', async () => {
      const before = await store.list(ACTION, FOOTPRINT);
      const { csv } = await exportItemsCsv(store, ACTION, FOOTPRINT);
      const lines = csv.split('\r\n');
      // Row 2 stays good; row 3 gets a bad date; row 4 an empty title; a new row 5 names no parent; row 6 an unknown column value.
      lines[1] = lines[1].replace('Agree the plan', 'Agree the plan today');
      lines[2] = lines[2].replace(/,true,/, ',yes,');
      lines[3] = lines[3].replace('Publish the minutes on the website', '');
      lines.splice(4, 0, ',nothing-here,,,,New action,,false,');
      const problem = await refusal(importItemsCsv(record.sql, store, ACTION, FOOTPRINT, lines.join('\r\n'), importer));
      expect(problem.status).toBe(400);
      expect(problem.title).toBe('Invalid test action CSV');
      expect(problem.detail).toMatch(/^Nothing was imported\. row 3, column done: .*; row 4, column title: .*; row 5, column parent_id: nothing-here is not a test board of this footprint\.$/);
      expect(await store.list(ACTION, FOOTPRINT)).toEqual(before);
      const scores = csv.replace(',12\r\n', ',99\r\n');
      expect((await refusal(importItemsCsv(record.sql, store, ACTION, FOOTPRINT, scores, importer))).detail).toMatch(/row 2, column score: /);
      expect((await refusal(importItemsCsv(record.sql, store, ACTION, FOOTPRINT, 'id,title\r\nboard-1,Oops\r\n', importer))).detail).toContain('row 2, column id: board-1 is a csv-test-board, not a csv-test-action');
      expect((await refusal(importItemsCsv(record.sql, store, ACTION, FOOTPRINT, 'title\r\nx\r\n', importer))).title).toBe('Missing column');
      expect(await store.list(ACTION, FOOTPRINT)).toEqual(before);
    });

    it('refuses a file older than the item it would change, and a move to another parent', async () => {
      const { csv } = await exportItemsCsv(store, ACTION, FOOTPRINT);
      await store.update(ACTION, 'action-1', { title: 'Agree the plan', due: '2024-06-01', done: false, score: 12 }, lead);
      const stale = csv.replace('Agree the plan', 'Agree the whole plan');
      expect((await refusal(importItemsCsv(record.sql, store, ACTION, FOOTPRINT, stale, importer))).detail).toContain('row 2, column version: action-1 is at version 2 now, not 1');
      const other = await store.create(BOARD, { footprint: FOOTPRINT, data: { name: 'Forum' } }, lead);
      const fresher = (await exportItemsCsv(store, ACTION, FOOTPRINT)).csv.replace(/board-1/, other.id);
      expect((await refusal(importItemsCsv(record.sql, store, ACTION, FOOTPRINT, fresher, importer))).detail).toContain('row 2, column parent_id: the import does not move items');
    });

    it('creates rows without an id, and rows under an item of another footprint are refused', async () => {
      const counts = await importItemsCsv(record.sql, store, BOARD, 'E54000048', 'id,name,period.start\r\n,Clinical network,2020-01-01\r\n', importer);
      expect(counts).toEqual({ created: 1, updated: 0, unchanged: 0 });
      const network = (await store.list(BOARD, 'E54000048')).find((b) => b.data.name === 'Clinical network');
      expect(network?.data).toEqual({ name: 'Clinical network', period: { start: '2020-01-01' } });
      const problem = await refusal(importItemsCsv(record.sql, store, ACTION, 'E54000048', `id,parent_id,title,done\r\n,board-1,Cross,false\r\n`, importer));
      expect(problem.detail).toContain('row 2, column parent_id: board-1 is not a test board of this footprint');
    });
  });
}
