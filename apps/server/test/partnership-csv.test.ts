import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { isoDate, ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, PartnershipStore, registerItemKinds, text, type ItemKind } from '@footprint/partnership';
import { upsertUser } from '../src/api/auth/users';
import { startTestServer, storageKinds, type TestServer } from './support';

interface Programme {
  name: string;
  sro?: string;
  period?: { start?: string; end?: string };
  places?: string[];
}
const PROGRAMME: ItemKind<Programme> = {
  kind: 'server-csv-programme',
  label: 'test programme',
  schema: z.object({ name: text(100), sro: text(100).optional(), period: z.object({ start: isoDate.optional(), end: isoDate.optional() }).strict().optional(), places: z.array(z.string()).optional() }).strict(),
  title: (d) => d.name,
};
registerItemKinds(PROGRAMME as ItemKind<never>);

type Who = { cookie: string; csrf: string };
const CSV = { 'content-type': 'text/csv' };

describe.each(storageKinds)('the partnership’s CSV export and import on %s', (kind) => {
  let server: TestServer;
  let store: PartnershipStore;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { platform } = server;
    await platform.record.create<Organization>(systemContext(), {
      resourceType: 'Organization',
      name: 'Cheshire and Merseyside Health and Care Partnership',
      identifier: [{ system: ONS_SYSTEM, value: 'E54000008' }],
      type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: 'partnership' }] }],
    });
    const org = { code: 'QYG', name: 'Cheshire and Merseyside', reference: 'Organization/qyg' };
    await upsertUser(platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Helen Jones', password: 'lead password long', organisation: org });
    await upsertUser(platform.sql, { username: 'clinician', role: 'hospital_clinician', displayName: 'Dr Tom Hughes', password: 'clinician password', organisation: org });
    store = new PartnershipStore(platform.sql);
    const editor = { id: 'seed', name: 'Seed', role: 'system' };
    await store.create(PROGRAMME, { footprint: 'E54000008', id: 'prog-1', data: { name: 'Urgent care', sro: 'Ann Smith', period: { start: '2019-04-01' }, places: ['E08000012', 'E06000049'] } }, editor);
    await store.create(PROGRAMME, { footprint: 'E54000008', id: 'prog-2', data: { name: 'Digital' } }, editor);
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const exportCsv = (who: Who, k = 'server-csv-programme') => server.app.inject({ method: 'GET', url: `/api/partnership/export/${k}`, headers: { cookie: who.cookie } });
  const importCsv = (who: Who, body: string, k = 'server-csv-programme', headers: Record<string, string> = CSV) =>
    server.app.inject({ method: 'POST', url: `/api/partnership/import/${k}`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...headers }, payload: body });

  it('exports the footprint’s items of a kind as CSV, to anyone who may read the partnership', async () => {
    const me = await signIn('clinician', 'clinician password');
    const response = await exportCsv(me);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="E54000008-server-csv-programme.csv"');
    const [header, first] = response.body.split('\r\n');
    expect(header).toBe('id,parent_id,version,updated_at,updated_by,name,sro,period.start,places');
    expect(first).toMatch(/^prog-1,,1,\d{4}-[^,]+,Seed,Urgent care,Ann Smith,2019-04-01,"\[""E08000012"",""E06000049""\]"$/);
    const unknown = await exportCsv(me, 'no-such-kind');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('server-csv-programme');
  });

  it('refuses a clinician’s import, and a file without the session’s CSRF token', async () => {
    const me = await signIn('clinician', 'clinician password');
    const csv = (await exportCsv(me)).body;
    const refused = await importCsv(me, csv);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const lead = await signIn('lead', 'lead password long');
    expect((await importCsv({ ...lead, csrf: 'wrong' }, csv)).statusCode).toBe(403);
  });

  it('imports an edited export as exactly one update, shown in history as the importer’s', async () => {
    const lead = await signIn('lead', 'lead password long');
    const csv = (await exportCsv(lead)).body;
    const response = await importCsv(lead, csv.replace('Ann Smith', 'Raj Patel'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: 'server-csv-programme', created: 0, updated: 1, unchanged: 1 });
    const history = (await server.app.inject({ method: 'GET', url: '/api/partnership/items/prog-1/history', headers: { cookie: lead.cookie } })).json();
    expect(history.versions[0]).toMatchObject({
      version: 2,
      change: 'imported',
      who: { name: 'Helen Jones', roleLabel: 'Partnership lead' },
      changes: [{ field: 'sro', before: 'Ann Smith', after: 'Raj Patel' }],
    });
    const added = await importCsv(lead, 'id,name,places\r\n,Maternity,"[""E06000050""]"\r\n');
    expect(added.json()).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect((await store.list(PROGRAMME, 'E54000008')).find((p) => p.data.name === 'Maternity')?.data).toEqual({ name: 'Maternity', places: ['E06000050'] });
  });

  it('answers bad files with a problem naming the rows and columns, and writes nothing', async () => {
    const lead = await signIn('lead', 'lead password long');
    const before = await store.list(PROGRAMME, 'E54000008');
    for (const [body, status, title, detail] of [
      ['id,name,period.start\r\n,Good,2020-01-01\r\n,,2020-02-30\r\n', 400, 'Invalid test programme CSV', /row 3, column name: .*; row 3, column period\.start: must be a date written YYYY-MM-DD/],
      ['id,name,colour\r\n,Stroke,blue\r\n', 400, 'Invalid test programme CSV', /row 2, column colour: /],
      ['id,name\r\n,"unclosed\r\n', 400, 'Not a CSV file', /./],
      ['', 400, 'Empty CSV file', /./],
      ['name\r\nStroke\r\n', 400, 'Missing column', /id/],
      ['id,name\r\n,Bad\u0000\r\n', 400, 'Request not accepted', /control character/],
    ] as const) {
      const response = await importCsv(lead, body);
      expect(response.statusCode, body).toBe(status);
      expect(response.json().title, body).toBe(title);
      expect(response.json().detail, body).toMatch(detail);
    }
    expect((await importCsv(lead, '{"name":"x"}', 'server-csv-programme', { 'content-type': 'application/json' })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await importCsv(lead, 'id,name\r\n,x\r\n', 'no-such-kind')).statusCode).toBe(404);
    const big = `id,name\r\n${',Programme with a long enough name\r\n'.repeat(160_000)}`;
    const tooBig = await importCsv(lead, big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    expect(await store.list(PROGRAMME, 'E54000008')).toEqual(before);
  });
});
