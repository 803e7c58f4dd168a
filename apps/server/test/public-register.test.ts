import { readCsv, type FootprintDetail, type FootprintListResponse } from '@footprint/partnership';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPartnership } from './public-register-support';
import { startTestServer, storageKinds, type TestServer } from './support';

for (const kind of storageKinds) {
  describe(`the public register API (${kind})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(kind);
      await loadPartnership(server);
    });
    afterAll(async () => server?.close());
    const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

    it('lists the 44 STPs on 1 April 2017 and the 42 ICBs on 1 April 2023, as JSON without signing in', async () => {
      const before = await get('/api/public/register/footprints?on=2017-04-01');
      expect(before.statusCode).toBe(200);
      expect(before.headers['content-type']).toMatch(/^application\/json/);
      expect(before.headers['cache-control']).toBe('public, max-age=300');
      const list = before.json<FootprintListResponse>();
      expect(list).toMatchObject({ on: '2017-04-01', count: 44 });
      expect(list.footprints.map((f) => f.code)).toEqual(Array.from({ length: 44 }, (_, i) => `E540000${String(i + 5).padStart(2, '0')}`));
      expect(new Set(list.footprints.map((f) => f.status))).toEqual(new Set(['STP']));
      const durham = list.footprints.find((f) => f.code === 'E54000045')!;
      expect(durham.successors).toMatchObject([{ code: 'E54000049', change: 'merger', date: '2018-04-01' }]);

      const after = (await get('/api/public/register/footprints?on=2023-04-01')).json<FootprintListResponse>();
      expect(after.count).toBe(42);
      expect(new Set(after.footprints.map((f) => f.status))).toEqual(new Set(['ICB']));
      expect(after.footprints.find((f) => f.code === 'E54000008')).toMatchObject({ odsCode: 'QYG', name: 'NHS Cheshire and Merseyside Integrated Care Board', status: 'ICB', statusSince: '2022-07-01' });
      expect(after.footprints.find((f) => f.code === 'E54000063')!.predecessors).toMatchObject([{ code: 'E54000052', change: 'recode', date: '2023-04-01' }]);
    });

    it('defaults on to today, when every footprint is an ICB', async () => {
      const list = (await get('/api/public/register/footprints')).json<FootprintListResponse>();
      expect(list.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(list.count).toBe(42);
    });

    it('answers the list as CSV with Accept: text/csv', async () => {
      const response = await get('/api/public/register/footprints?on=2018-04-01', { accept: 'text/csv' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const rows = readCsv(response.body, { required: ['code', 'name', 'status', 'predecessors', 'successors'] });
      expect(rows).toHaveLength(42);
      const merged = rows.find((r) => r.cells.code === 'E54000049')!;
      expect(merged.cells).toMatchObject({ on: '2018-04-01', status: 'STP', name: 'Cumbria and North East', successors: 'E54000050 (2022-07-01, recode)' });
      expect(merged.cells.predecessors).toBe('E54000045 (2018-04-01, merger); E54000046 (2018-04-01, merger); E54000047 (2018-04-01, merger)');
    });

    it('shows one footprint on a date with its places, delivery systems, members and alliances', async () => {
      const response = await get('/api/public/register/footprints/E54000008?on=2017-06-01');
      expect(response.statusCode).toBe(200);
      const detail = response.json<FootprintDetail>();
      expect(detail).toMatchObject({ code: 'E54000008', on: '2017-06-01', name: 'Cheshire and Merseyside', status: 'STP', predecessors: [], successors: [] });
      expect(detail.odsCode).toBeUndefined();
      expect(detail.statuses.map((s) => [s.value, s.start, s.end])).toEqual([
        ['STP', '2016-04-01', '2021-03-31'],
        ['ICS', '2021-04-01', '2022-06-30'],
        ['ICB', '2022-07-01', undefined],
      ]);
      expect(detail.places).toHaveLength(9);
      expect(detail.places.find((p) => p.code === 'E08000012')).toMatchObject({ name: 'Liverpool', itemId: 'place-E54000008-E08000012' });
      expect(detail.deliverySystems.map((d) => d.name).sort()).toEqual(['Cheshire and Wirral', 'Mid Mersey (the Alliance)', 'North Mersey']);
      expect(detail.deliverySystems.find((d) => d.name === 'North Mersey')!.places).toEqual(['E08000012', 'E08000014']);
      expect(detail.members.map((m) => m.odsCode)).toEqual(['MMA1', 'RQ6', 'RBL']);
      expect(detail.members.find((m) => m.odsCode === 'RBL')).toMatchObject({ kind: 'acute_trust', kindLabel: 'Hospital trust', role: { code: 'nhs-provider', label: 'NHS provider' }, start: '2016-04-01' });
      expect(detail.alliances).toMatchObject([{ odsCode: 'MMA1', name: 'Mid Mersey Alliance', kind: 'provider_alliance', members: [{ odsCode: 'RBL', role: { code: 'lead-provider' } }] }]);
      expect(detail.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['stp-2017-18', 'ics-2021', 'hca-2022', 'icb-2023']));

      // Members follow their periods: RQ6 left in 2019.
      const later = (await get('/api/public/register/footprints/E54000008?on=2022-07-01')).json<FootprintDetail>();
      expect(later).toMatchObject({ status: 'ICB', odsCode: 'QYG', name: 'NHS Cheshire and Merseyside Integrated Care Board' });
      expect(later.members.map((m) => m.odsCode)).toEqual(['MMA1', 'RBL']);
      const dayBefore = (await get('/api/public/register/footprints/E54000008?on=2022-06-30')).json<FootprintDetail>();
      expect(dayBefore).toMatchObject({ status: 'ICS', name: 'Cheshire and Merseyside', designation: 'ICS by April 2021' });
    });

    it('shows a footprint this instance does not run without members, and one footprint as CSV', async () => {
      const other = (await get('/api/public/register/footprints/E54000049?on=2019-01-01')).json<FootprintDetail>();
      expect(other).toMatchObject({ code: 'E54000049', status: 'STP', members: [], alliances: [], places: [], deliverySystems: [] });
      expect(other.predecessors.map((p) => p.code)).toEqual(['E54000045', 'E54000046', 'E54000047']);

      const csv = await get('/api/public/register/footprints/E54000008?on=2017-06-01', { accept: 'text/csv, application/json;q=0.5' });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows = readCsv(csv.body, { required: ['footprint', 'on', 'section', 'code', 'name'] });
      const count = (section: string) => rows.filter((r) => r.cells.section === section).length;
      expect([count('footprint'), count('place'), count('delivery_system'), count('member'), count('alliance_member')]).toEqual([1, 9, 3, 3, 1]);
      expect(rows.find((r) => r.cells.section === 'alliance_member')!.cells).toMatchObject({ code: 'RBL', parent: 'Mid Mersey Alliance', role: 'lead-provider' });
    });

    it('refuses bad input with problem+json naming the problem', async () => {
      const cases: [string, Record<string, string>, number, string][] = [
        ['/api/public/register/footprints?on=2023-02-30', {}, 400, 'Invalid date'],
        ['/api/public/register/footprints?on=yesterday', {}, 400, 'Invalid date'],
        ['/api/public/register/footprints?on=2023-04-01&on=2023-04-02', {}, 400, 'on given twice'],
        ['/api/public/register/footprints?onn=2023-04-01', {}, 400, 'Unknown parameter'],
        ['/api/public/register/footprints', { accept: 'application/xml' }, 406, 'Format not offered'],
        ['/api/public/register/footprints/E54000099', {}, 404, 'No such footprint'],
        ['/api/public/register/footprints/QYG', {}, 400, 'Invalid footprint code'],
        ['/api/public/register/footprints/E54000008?on=2023-13-01', {}, 400, 'Invalid date'],
        ['/api/public/register/footprints/E54000008?on=2017-01-01&on=2018-01-01', { accept: 'text/csv' }, 400, 'on given twice'],
        ['/api/public/register/footprints/E54000008', { accept: 'image/png' }, 406, 'Format not offered'],
        ['/api/public/register/footprints/E54000045?on=2020-01-01', {}, 404, 'Not a footprint on that date'],
        ['/api/public/register/footprints/E54000063?on=2020-01-01', {}, 404, 'Not a footprint on that date'],
      ];
      for (const [url, headers, status, title] of cases) {
        const response = await get(url, headers);
        expect({ url, status: response.statusCode }).toEqual({ url, status });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ status, title });
      }
      const gone = (await get('/api/public/register/footprints/E54000045?on=2020-01-01')).json<{ detail: string }>();
      expect(gone.detail).toContain('2016-04-01 to 2018-03-31');
      expect(gone.detail).toContain('E54000049');
    });
  });
}
