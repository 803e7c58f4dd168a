import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { createContext, directoryResources } from '@footprint/synth';
import type { OrganisationDetailResponse, OrganisationDirectoryResponse } from '../src/api/partnership/organisations';
import { upsertUser } from '../src/api/auth/users';
import { startTestServer, storageKinds, type TestServer } from './support';

/** The staff API of the register of organisations: directory, detail, edits, CSV; problem+json on bad input. */
describe.each(storageKinds)('the register of organisations in the staff API on %s', (kind) => {
  let server: TestServer;
  let empty: TestServer;
  const organisation = { code: 'QYG', name: 'Partnership', reference: 'Organization/org-QYG' };

  beforeAll(async () => {
    [server, empty] = await Promise.all([startTestServer(kind), startTestServer(kind)]);
    await server.platform.record.importBatch(systemContext('SYSADMIN', 'test'), directoryResources(createContext({ footprint: 'cheshire-and-merseyside', people: 300, seed: 5 }).directory));
    for (const s of [server, empty]) {
      await upsertUser(s.platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation });
      await upsertUser(s.platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Green', password: 'gp password', organisation });
    }
  });
  afterAll(async () => {
    await server?.close();
    await empty?.close();
  });

  async function signIn(on: TestServer, username: string) {
    const response = await on.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: `${username} password` } });
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const call = async (on: TestServer, who: { cookie: string; csrf: string }, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object | string, type?: string) =>
    on.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(type ? { 'content-type': type } : {}) }, ...(payload !== undefined ? { payload } : {}) });

  it('lists, searches and filters the directory with counts by kind, and refuses bad filters', async () => {
    const gp = await signIn(server, 'gp');
    const all = (await call(server, gp, 'GET', '/api/partnership/organisations')).json() as OrganisationDirectoryResponse;
    expect(all.footprint).toMatchObject({ onsCode: 'E54000008', organisationId: 'org-QYG' });
    expect(all.countsByKind.find((c) => c.kind === 'commissioner')).toMatchObject({ label: 'NHS commissioner', count: 22 });
    const found = (await call(server, gp, 'GET', '/api/partnership/organisations?q=Wirral%20CCG')).json() as OrganisationDirectoryResponse;
    expect(found.organisations.map((o) => [o.odsCode, o.kindLabel])).toEqual([['12F', 'NHS commissioner']]);
    const onDay = (await call(server, gp, 'GET', '/api/partnership/organisations?role=nhs-commissioner&on=2022-07-01&kind=commissioner')).json() as OrganisationDirectoryResponse;
    expect(onDay.total).toBe(9);
    for (const [query, title] of [['on=2022-02-30', 'Invalid date'], ['role=boss', 'Unknown role'], ['kind=castle', 'Unknown kind'], ['q=a&q=b', 'Invalid q']]) {
      const bad = await call(server, gp, 'GET', `/api/partnership/organisations?${query}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.json()).toMatchObject({ title });
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/partnership/organisations' })).statusCode).toBe(401);
  });

  it("opens an organisation with its memberships and history; 404 for an unknown one", async () => {
    const gp = await signIn(server, 'gp');
    const detail = (await call(server, gp, 'GET', '/api/partnership/organisations/org-01J')).json() as OrganisationDetailResponse;
    expect(detail).toMatchObject({ name: 'NHS Knowsley CCG', odsCode: '01J', kind: 'commissioner', active: false, bodyId: 'org-QYG' });
    expect(detail.memberships.map((m) => [m.memberOf.id, m.role.code, m.period.end])).toEqual(expect.arrayContaining([['org-QYG', 'nhs-commissioner', '2022-06-30']]));
    expect(detail.memberships.some((m) => m.memberOf.name === 'Mid Mersey (the Alliance)')).toBe(true);
    expect(detail.history.length).toBeGreaterThan(1);
    const alliance = (await call(server, gp, 'GET', '/api/partnership/organisations/org-ZA001')).json() as OrganisationDetailResponse;
    expect(alliance.members.length).toBeGreaterThan(5);
    const unknown = await call(server, gp, 'GET', '/api/partnership/organisations/org-nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ title: 'No such organisation' });
    expect((await call(server, gp, 'GET', '/api/partnership/organisations/bad%20id')).statusCode).toBe(400);
  });

  it("lets a partnership lead change a membership and see who did it in the history; a clinician may not", async () => {
    const lead = await signIn(server, 'lead');
    const gp = await signIn(server, 'gp');
    const refused = await call(server, gp, 'PATCH', '/api/partnership/organisations/org-01J/memberships/aff-01J', { start: '2016-05-01' });
    expect(refused.statusCode).toBe(403);
    expect((await call(server, gp, 'POST', '/api/partnership/organisations/org-01J/memberships', { role: 'member' })).statusCode).toBe(403);
    const changed = await call(server, lead, 'PATCH', '/api/partnership/organisations/org-01J/memberships/aff-01J', { start: '2016-05-01' });
    expect(changed.statusCode).toBe(200);
    const detail = (await call(server, lead, 'GET', '/api/partnership/organisations/org-01J')).json() as OrganisationDetailResponse;
    expect(detail.memberships.find((m) => m.affiliationId === 'aff-01J')?.period).toEqual({ start: '2016-05-01', end: '2022-06-30' });
    expect(detail.history[0]).toMatchObject({ id: 'aff-01J', who: { kind: 'user', name: 'Pat Lead (partnership_lead)' } });
    const added = await call(server, lead, 'POST', '/api/partnership/organisations/org-01J/memberships', { memberOf: 'org-ZA002', role: 'member', start: '2021-07-01' });
    expect(added.statusCode).toBe(201);
    const { affiliationId } = added.json() as { affiliationId: string };
    const ended = await call(server, lead, 'POST', `/api/partnership/organisations/org-01J/memberships/${affiliationId}/end`, { end: '2022-06-30' });
    expect(ended.statusCode).toBe(200);
    for (const [method, url, body, status, title] of [
      ['PATCH', '/api/partnership/organisations/org-01J/memberships/aff-01J', { role: 'boss' }, 400, 'Invalid role'],
      ['PATCH', '/api/partnership/organisations/org-01J/memberships/aff-01J', { end: '2022-13-01' }, 400, 'Invalid end'],
      ['PATCH', '/api/partnership/organisations/org-01J/memberships/aff-01J', { colour: 'red' }, 400, 'Invalid body'],
      ['PATCH', '/api/partnership/organisations/org-01J/memberships/aff-01J', { end: '2010-01-01' }, 400, 'Invalid period'],
      ['PATCH', '/api/partnership/organisations/org-01J/memberships/aff-12F', { end: '2020-01-01' }, 404, 'No such membership'],
      ['PATCH', '/api/partnership/organisations/org-01J/memberships/aff-01J', { end: '2022-06-30', versionId: '99' }, 412, undefined],
      ['POST', '/api/partnership/organisations/org-nowhere/memberships', { role: 'member' }, 404, 'No such organisation'],
      ['POST', `/api/partnership/organisations/org-01J/memberships/${affiliationId}/end`, {}, 400, 'Invalid end'],
    ] as const) {
      const bad = await call(server, lead, method, url, body);
      expect(bad.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      if (title) expect(bad.json()).toMatchObject({ title });
    }
  });

  it('exports the register as CSV, imports it into an empty footprint as the same register, and refuses a bad file whole', async () => {
    const lead = await signIn(server, 'lead');
    const exported = await call(server, lead, 'GET', '/api/partnership/organisations/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const csv = exported.body;
    expect(csv.split('\r\n')[0]).toBe('ods_code,ons_code,name,kind,role,start,end,member_of,organisation_id,membership_id,organisation_active,membership_active,organisation_illustrative,membership_illustrative');
    const into = await signIn(empty, 'lead');
    const lines = csv.split('\r\n');
    const bad = [...lines.slice(0, 3), lines[3].replace(/,(true|false),(true|false|),(true|false),(true|false|)$/, ',maybe,$2,$3,$4'), ...lines.slice(4)].join('\r\n');
    const refused = await call(empty, into, 'POST', '/api/partnership/organisations/import', bad, 'text/csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ title: 'Invalid row', detail: expect.stringMatching(/^Row 4, column organisation_active/) });
    expect((await call(empty, into, 'GET', '/api/partnership/organisations/export')).body.split('\r\n').filter(Boolean)).toHaveLength(1);
    expect((await call(empty, into, 'POST', '/api/partnership/organisations/import', { csv }, 'application/json')).statusCode).toBe(415);
    const gp = await signIn(empty, 'gp');
    expect((await call(empty, gp, 'POST', '/api/partnership/organisations/import', csv, 'text/csv')).statusCode).toBe(403);
    const imported = await call(empty, into, 'POST', '/api/partnership/organisations/import', csv, 'text/csv');
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ organisations: { updated: 0, unchanged: 0 }, memberships: { updated: 0, unchanged: 0 } });
    expect((await call(empty, into, 'GET', '/api/partnership/organisations/export')).body).toBe(csv);
    const again = (await call(empty, into, 'POST', '/api/partnership/organisations/import', csv, 'text/csv')).json() as { organisations: { created: number; updated: number } };
    expect(again.organisations).toMatchObject({ created: 0, updated: 0 });
  });
});
