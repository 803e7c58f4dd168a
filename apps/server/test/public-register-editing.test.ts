import { PartnershipStore, type DeliverySystemData, type Item, type PlaceData, type PlacesResponse } from '@footprint/partnership';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertUser } from '../src/api/auth/users';
import { buildServer } from '../src/app';
import { testLogger } from '../src/test-logger';
import { loadPartnership, loadPartnershipBody } from './public-register-support';
import { openTestPlatform, startTestServer, storageKinds, type TestServer } from './support';

const BASE = '/api/partnership/footprints/E54000008';

/** Partnership leads and administrators edit the running footprint's places and delivery systems; every change is a version with who and when; others are refused. */
for (const kind of storageKinds) {
  describe(`editing places and delivery systems (${kind})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(kind);
      await loadPartnership(server);
      const organisation = { code: 'QYG', name: 'Cheshire and Merseyside', reference: 'Organization/org-QYG' };
      await upsertUser(server.platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation });
      await upsertUser(server.platform.sql, { username: 'doctor', role: 'gp_clinician', displayName: 'Dr Gee', password: 'doctor password', organisation });
    });
    afterAll(async () => server?.close());

    async function signIn(username: string) {
      const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: `${username} password` } });
      expect(response.statusCode).toBe(200);
      return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: response.json<{ csrfToken: string }>().csrfToken };
    }
    const call = (who: { cookie: string; csrf: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload !== undefined ? { payload: payload as object } : {}) });

    it("shows a partnership lead's place edit in the store history with who and when", async () => {
      const lead = await signIn('lead');
      const list = await call(lead, 'GET', `${BASE}/places`);
      expect(list.statusCode).toBe(200);
      const { places, deliverySystems, editable } = list.json<PlacesResponse>();
      expect([places.length, deliverySystems.length, editable]).toEqual([9, 3, true]);
      const wirral = places.find((p) => p.data.code === 'E08000015')!;
      const before = Date.now();
      const changed = await call(lead, 'PUT', `${BASE}/places/${wirral.id}`, { data: { ...wirral.data, name: 'Wirral Place', period: { start: '2016-04-01' } }, ifVersion: wirral.version });
      expect(changed.statusCode).toBe(200);
      expect(changed.json<Item<PlaceData>>()).toMatchObject({ version: 2, data: { name: 'Wirral Place' }, updatedBy: { name: 'Pat Lead' } });

      const stored = await new PartnershipStore(server.platform.sql).history(wirral.id);
      expect(stored.map((v) => [v.version, v.change, v.changedBy.name, v.changedBy.role])).toEqual([
        [2, 'updated', 'Pat Lead', 'partnership_lead'],
        [1, 'imported', 'Footprint (seed data)', 'system'],
      ]);
      expect(stored[0].changedFields).toEqual(['name']);
      expect(Date.parse(stored[0].updatedAt)).toBeGreaterThanOrEqual(before - 1000);

      // The public register shows the new name at once.
      const detail = await server.app.inject({ method: 'GET', url: '/api/public/register/footprints/E54000008?on=2017-06-01' });
      expect(detail.json<{ places: { code: string; name: string }[] }>().places.find((p) => p.code === 'E08000015')!.name).toBe('Wirral Place');

      // A stale version is refused, and nothing is written.
      const stale = await call(lead, 'PUT', `${BASE}/places/${wirral.id}`, { data: { ...wirral.data, name: 'Lost edit' }, ifVersion: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('lets a lead add a delivery system over the footprint’s places and change its period, refusing places it does not hold', async () => {
      const lead = await signIn('lead');
      const created = await call(lead, 'POST', `${BASE}/delivery-systems`, { data: { name: 'Liverpool Place', places: ['E08000012'], period: { start: '2023-04-01' }, source: 'Partnership board, 1 March 2023' } });
      expect(created.statusCode).toBe(201);
      const item = created.json<Item<DeliverySystemData>>();
      const ended = await call(lead, 'PUT', `${BASE}/delivery-systems/${item.id}`, { data: { ...item.data, period: { start: '2023-04-01', end: '2024-03-31' } }, ifVersion: 1 });
      expect(ended.json<Item<DeliverySystemData>>()).toMatchObject({ version: 2, data: { period: { end: '2024-03-31' } } });
      const onDate = (await call(lead, 'GET', `${BASE}/places?on=2023-06-01`)).json<PlacesResponse>();
      expect(onDate.deliverySystems.map((s) => s.data.name)).toContain('Liverpool Place');
      const before = (await call(lead, 'GET', `${BASE}/places?on=2022-06-01`)).json<PlacesResponse>();
      expect(before.deliverySystems.map((s) => s.data.name)).not.toContain('Liverpool Place');

      const refusals: [string, string, unknown, number, string][] = [
        ['POST', `${BASE}/delivery-systems`, { data: { name: 'Far away', places: ['E06000019'], period: {}, source: 'test' } }, 400, 'Invalid delivery system'],
        ['POST', `${BASE}/places`, { data: { code: 'E08000012', name: 'Liverpool again', period: {}, source: 'test' } }, 409, 'Place already in the register'],
        ['POST', `${BASE}/places`, { data: { code: 'E06000019', name: 'Herefordshire', period: { start: '2020-01-01', end: '2019-01-01' }, source: 'test' } }, 400, 'Invalid place'],
        ['POST', `${BASE}/places`, { data: { code: 'E06000019', name: '', period: {}, source: 'test' } }, 400, 'Invalid place'],
        ['POST', `${BASE}/places`, [], 400, 'Send a JSON object'],
        ['PUT', `${BASE}/places/place-E54000008-E08000012`, { data: { code: 'E08000012', name: 'Liverpool', period: {}, source: 'x' }, ifVersion: 0 }, 400, 'Invalid ifVersion'],
        ['PUT', `${BASE}/places/no-such-place`, { data: { code: 'E08000012', name: 'Liverpool', period: {}, source: 'x' } }, 404, 'No such place'],
        ['POST', '/api/partnership/footprints/E54000048/places', { data: { code: 'E06000009', name: 'Blackpool', period: {}, source: 'x' } }, 403, 'Not this footprint'],
        ['GET', `${BASE}/places?on=2023-02-30`, undefined, 400, 'Invalid date'],
        ['GET', '/api/partnership/footprints/E5400/history', undefined, 400, 'Invalid footprint code'],
        ['GET', '/api/partnership/footprints/E54000099/history', undefined, 404, 'No such footprint'],
      ];
      for (const [method, url, payload, status, title] of refusals) {
        const response = await call(lead, method as 'GET', url, payload);
        expect({ url, status: response.statusCode, title: response.json<{ title: string }>().title }).toEqual({ url, status, title });
      }
      expect((await call(lead, 'GET', `${BASE}/places`)).json<PlacesResponse>().places).toHaveLength(9);
    });

    it("refuses a clinician's edit (403) but lets them read, and shows a footprint's whole history", async () => {
      const doctor = await signIn('doctor');
      const list = await call(doctor, 'GET', `${BASE}/places`);
      expect(list.statusCode).toBe(200);
      const { places, editable } = list.json<PlacesResponse>();
      expect(editable).toBe(false);
      const refused = await call(doctor, 'PUT', `${BASE}/places/${places[0].id}`, { data: { ...places[0].data, name: 'Renamed by a clinician' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      const added = await call(doctor, 'POST', `${BASE}/places`, { data: { code: 'E06000019', name: 'Herefordshire', period: {}, source: 'x' } });
      expect(added.statusCode).toBe(403);
      const after = (await call(doctor, 'GET', `${BASE}/places`)).json<PlacesResponse>();
      expect(after.places.map((p) => p.data.name)).not.toContain('Renamed by a clinician');
      expect(after.places).toHaveLength(9);

      const history = await call(doctor, 'GET', '/api/partnership/footprints/E54000050/history');
      expect(history.json()).toMatchObject({ code: 'E54000050', start: '2022-07-01', predecessors: [{ code: 'E54000049', change: 'recode' }], statuses: [{ value: 'ICB' }], odsCodes: [{ value: 'QHM' }] });
      const anonymous = await server.app.inject({ method: 'GET', url: `${BASE}/places` });
      expect(anonymous.statusCode).toBe(401);
    });
  });
}

for (const kind of storageKinds) {
  describe(`a server started on a record that holds a bundled footprint (${kind})`, () => {
    it('seeds its places and delivery systems at start, without the demo, and only once', async () => {
      const { platform, close } = await openTestPlatform(kind);
      try {
        await loadPartnershipBody(platform);
        for (let start = 0; start < 2; start++) {
          const app = buildServer(platform, { logger: testLogger() });
          await app.ready();
          const detail = await app.inject({ method: 'GET', url: '/api/public/register/footprints/E54000008?on=2017-01-01' });
          expect(detail.statusCode).toBe(200);
          const { places, deliverySystems } = detail.json<{ places: unknown[]; deliverySystems: unknown[] }>();
          expect([places.length, deliverySystems.length]).toEqual([9, 3]);
          await app.close();
        }
        const { rows } = await platform.sql.query<{ n: string | number }>("SELECT count(*) AS n FROM partnership_item_version WHERE footprint = 'E54000008'");
        expect(Number(rows[0].n)).toBe(12);
      } finally {
        await close();
      }
    });
  });
}
