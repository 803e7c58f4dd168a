import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DELIVERY_SYSTEM,
  FootprintRegister,
  PLACE,
  PartnershipProblem,
  PartnershipStore,
  inPeriod,
  loadFootprintRegister,
  partnershipMigrationSets,
  placesOn,
  referenceRegister,
  seedBundledPlaces,
  todayInEngland,
  type FootprintSummary,
} from '../src';

async function refusal(promise: Promise<unknown>): Promise<PartnershipProblem> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnershipProblem);
  return error as PartnershipProblem;
}

const byCode = (list: FootprintSummary[]) => new Map(list.map((f) => [f.code, f]));

/** The first day of every month from April 2016 to today, and the days either side of each boundary the rules turn on. */
function sampleDates(): string[] {
  const dates: string[] = [];
  for (let d = new Date(Date.UTC(2016, 3, 1)); d.toISOString().slice(0, 10) <= todayInEngland(); d.setUTCMonth(d.getUTCMonth() + 1)) dates.push(d.toISOString().slice(0, 10));
  return [...dates, '2018-03-31', '2021-03-31', '2022-06-30', '2023-03-31'].sort();
}

for (const kind of postgresKinds()) {
  describe(`the register of England's footprints (${kind})`, () => {
    let record: OpenRecord;
    let register: FootprintRegister;
    let store: PartnershipStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'partnership_register', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      register = new FootprintRegister(record.sql);
      store = new PartnershipStore(record.sql);
    });
    afterAll(async () => record?.close());

    it('holds the 44 STPs of the 2017/18 file on 1 April 2017 and the 42 ICBs of the ICB file on 1 April 2023', async () => {
      const stps = await register.footprintsOn('2017-04-01');
      expect(stps).toHaveLength(44);
      expect(stps.every((f) => f.status === 'STP' && f.odsCode === undefined)).toBe(true);
      expect(stps.map((f) => f.code)).toEqual([...new Set(referenceRegister().facts.filter((f) => f.source === 'stp-2017-18').map((f) => f.code))].sort());
      const icbs = await register.footprintsOn('2023-04-01');
      expect(icbs).toHaveLength(42);
      expect(icbs.every((f) => f.status === 'ICB' && /^Q[A-Z0-9]{2}$/.test(f.odsCode ?? '') && f.name.endsWith('Integrated Care Board'))).toBe(true);
      expect(new Set(icbs.map((f) => f.odsCode)).size).toBe(42);
    });

    it('resolves every merger and recode both ways, on every 1 April and either side of each boundary', async () => {
      const { links } = referenceRegister();
      expect(links.filter((l) => l.change === 'merger').map((l) => l.from)).toEqual(['E54000045', 'E54000046', 'E54000047']);
      for (const on of sampleDates().filter((d) => d.endsWith('-04-01') || !d.endsWith('-01'))) {
        const list = await register.footprintsOn(on);
        for (const f of list) {
          for (const s of f.successors) {
            const successor = (await register.history(s.code))!;
            expect(successor.predecessors.map((p) => p.code)).toContain(f.code);
          }
          for (const p of f.predecessors) {
            const predecessor = (await register.history(p.code))!;
            expect(predecessor.successors.map((s) => s.code)).toContain(f.code);
            expect(predecessor.end, `${p.code} ends the day before ${f.code} begins`).toBeDefined();
          }
        }
      }
      const merged = (await register.history('E54000049'))!;
      expect(merged.predecessors.map((p) => [p.code, p.change, p.date])).toEqual([
        ['E54000045', 'merger', '2018-04-01'],
        ['E54000046', 'merger', '2018-04-01'],
        ['E54000047', 'merger', '2018-04-01'],
      ]);
      expect(merged.successors.map((s) => s.code)).toEqual(['E54000050']);
      expect((await register.history('E54000052'))!.successors).toMatchObject([{ code: 'E54000063', change: 'recode', date: '2023-04-01', name: 'NHS Surrey Heartlands Integrated Care Board' }]);
      expect((await register.history('E54000064'))!.predecessors).toMatchObject([{ code: 'E54000053', name: 'NHS Sussex Integrated Care Board' }]);
    });

    it('keeps Cheshire and Merseyside as E54000008 throughout, STP then ICS then ICB', async () => {
      for (const on of sampleDates()) expect((await register.footprintsOn(on)).map((f) => f.code), on).toContain('E54000008');
      const history = (await register.history('E54000008'))!;
      expect(history).toMatchObject({ start: '2016-04-01', predecessors: [], successors: [] });
      expect(history.end).toBeUndefined();
      expect(history.statuses.map((s) => [s.value, s.start, s.end ?? null, s.source.id])).toEqual([
        ['STP', '2016-04-01', '2021-03-31', 'stp-2016'],
        ['ICS', '2021-04-01', '2022-06-30', 'ics-2021'],
        ['ICB', '2022-07-01', null, 'hca-2022'],
      ]);
      expect(history.odsCodes).toMatchObject([{ value: 'QYG', start: '2022-07-01', source: { id: 'icb-2023' } }]);
    });

    it('changes state at the right boundaries', async () => {
      const state = async (code: string, on: string) => (await register.stateOn(code, on)).summary;
      expect(await state('E54000008', '2022-06-30')).toMatchObject({ status: 'ICS', name: 'Cheshire and Merseyside', statusSince: '2021-04-01', designation: 'ICS by April 2021' });
      expect((await state('E54000008', '2022-06-30')).odsCode).toBeUndefined();
      expect(await state('E54000008', '2022-07-01')).toMatchObject({ status: 'ICB', name: 'NHS Cheshire and Merseyside Integrated Care Board', odsCode: 'QYG', statusSince: '2022-07-01' });
      expect((await state('E54000048', '2021-03-31')).status).toBe('STP');
      expect((await state('E54000048', '2021-04-01')).status).toBe('ICS');

      const mar2018 = byCode(await register.footprintsOn('2018-03-31'));
      const apr2018 = byCode(await register.footprintsOn('2018-04-01'));
      expect([mar2018.size, apr2018.size]).toEqual([44, 42]);
      expect(mar2018.has('E54000045') && !mar2018.has('E54000049')).toBe(true);
      expect(!apr2018.has('E54000045') && apr2018.get('E54000049')?.name).toBe('Cumbria and North East');

      const mar2023 = byCode(await register.footprintsOn('2023-03-31'));
      const apr2023 = byCode(await register.footprintsOn('2023-04-01'));
      expect(mar2023.get('E54000052')).toMatchObject({ odsCode: 'QXU', status: 'ICB' });
      expect(mar2023.has('E54000063')).toBe(false);
      expect(apr2023.get('E54000063')).toMatchObject({ odsCode: 'QXU', status: 'ICB' });
      expect(apr2023.has('E54000052')).toBe(false);

      expect((await refusal(register.stateOn('E54000045', '2018-04-01'))).status).toBe(404);
      expect((await refusal(register.stateOn('E54000099', '2018-04-01'))).title).toBe('No such footprint');
      expect((await refusal(register.stateOn('E5400008', '2018-04-01'))).status).toBe(400);
      expect((await refusal(register.footprintsOn('2023-02-30'))).title).toBe('Invalid date');
    });

    it('loads the reference data once: a re-load, or a corrected file, never duplicates', async () => {
      const count = async () => (await record.sql.query<{ n: string | number }>('SELECT (SELECT count(*) FROM partnership_footprint) + (SELECT count(*) FROM partnership_footprint_fact) + (SELECT count(*) FROM partnership_footprint_link) AS n')).rows[0].n;
      const reference = referenceRegister();
      const before = Number(await count());
      expect(before).toBe(reference.footprints.length + reference.facts.length + reference.links.length);
      const corrected = { ...reference, sources: reference.sources.map((s) => (s.id === 'stp-2016' ? { ...s, title: `${s.title} (corrected)` } : s)), checksum: `${reference.checksum}-corrected` };
      await loadFootprintRegister(record.sql, corrected);
      expect(Number(await count())).toBe(before);
      const title = async () => (await record.sql.query<{ title: string }>("SELECT title FROM partnership_footprint_source WHERE id = 'stp-2016'")).rows[0].title;
      expect(await title()).toMatch(/\(corrected\)$/);
      // The register reads through the loader, which brings the shipped files back.
      expect((await register.history('E54000008'))!.statuses[0].source.title).not.toMatch(/corrected/);
      await loadFootprintRegister(record.sql, reference);
      expect(Number(await count())).toBe(before);
      expect(await title()).not.toMatch(/corrected/);
    });

    it('seeds the bundled places: Cheshire and Merseyside has its 9 places and 3 delivery systems on any date in 2017', async () => {
      expect(await seedBundledPlaces(store, 'E54000008')).toBe(12);
      expect(await seedBundledPlaces(store, 'E54000008')).toBe(12);
      expect(await store.list(PLACE, 'E54000008')).toHaveLength(9);
      const { places, deliverySystems } = await placesOn(store, 'E54000008');
      for (let d = new Date(Date.UTC(2017, 0, 1)); d.getUTCFullYear() === 2017; d.setUTCDate(d.getUTCDate() + 1)) {
        const on = d.toISOString().slice(0, 10);
        expect(places.filter((p) => inPeriod(p.data.period, on)).length, on).toBe(9);
        expect(deliverySystems.filter((s) => inPeriod(s.data.period, on)).length, on).toBe(3);
      }
      for (const on of ['2017-01-01', '2017-07-01', '2017-12-31']) {
        const seen = await placesOn(store, 'E54000008', on);
        expect([seen.places.length, seen.deliverySystems.length]).toEqual([9, 3]);
      }
      expect((await placesOn(store, 'E54000008', '2016-03-31')).places).toHaveLength(0);
      const mersey = deliverySystems.find((s) => s.data.name === 'North Mersey')!;
      expect(mersey.data.places).toEqual(['E08000012', 'E08000014']);
      expect((await store.history(mersey.id)).map((v) => v.change)).toEqual(['imported']);
    });

    it('seeds the five local delivery areas of Lancashire and South Cumbria, and nothing for a footprint not bundled', async () => {
      await seedBundledPlaces(store, 'E54000048');
      const { places, deliverySystems } = await placesOn(store, 'E54000048', '2019-01-01');
      expect(places).toHaveLength(16);
      expect(deliverySystems.map((s) => s.data.name).sort()).toEqual(['Central Lancashire', 'Fylde Coast', 'Morecambe Bay', 'Pennine Lancashire', 'West Lancashire']);
      expect(await seedBundledPlaces(store, 'E54000005')).toBe(0);
      expect(await store.list(DELIVERY_SYSTEM, 'E54000005')).toHaveLength(0);
    });

    it('refuses a place that is not a district and a delivery system without places', async () => {
      const lead = { id: 'u-lead', name: 'Pat Lead', role: 'partnership_lead' };
      const bad = await refusal(store.create(PLACE, { footprint: 'E54000008', data: { code: 'E54000008', name: 'Not a district', period: {}, source: 'test' } }, lead));
      expect(bad.detail).toMatch(/^code: must be a local authority district code/);
      const empty = await refusal(store.create(DELIVERY_SYSTEM, { footprint: 'E54000008', data: { name: 'Nowhere', places: [], period: {}, source: 'test' } }, lead));
      expect(empty.detail).toBe('places: must name at least one place');
    });
  });
}
