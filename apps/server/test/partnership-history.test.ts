import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { isoDate, ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, PartnershipStore, registerItemKinds, text, type ItemKind } from '@footprint/partnership';
import { upsertUser } from '../src/api/auth/users';
import { startTestServer, storageKinds, type TestServer } from './support';

interface Body {
  name: string;
  established?: string;
}
/** A kind as a part defines it, registered at start (not by a write). */
const BODY: ItemKind<Body> = {
  kind: 'server-history-body',
  label: 'test governance body',
  schema: z.object({ name: text(100), established: isoDate.optional() }).strict(),
  title: (d) => d.name,
};
registerItemKinds(BODY as ItemKind<never>);

type Who = { cookie: string; csrf: string };

describe.each(storageKinds)('the partnership’s history API on %s', (kind) => {
  let server: TestServer;
  let store: PartnershipStore;
  const lead = { id: '', name: 'Helen Jones', role: 'partnership_lead' };

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
    const user = await upsertUser(platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Helen Jones', password: 'lead password long', organisation: org });
    lead.id = user.id;
    await upsertUser(platform.sql, { username: 'clinician', role: 'hospital_clinician', displayName: 'Dr Tom Hughes', password: 'clinician password', organisation: org });
    store = new PartnershipStore(platform.sql);
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const get = (who: Who, url: string) => server.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  it('shows an item’s versions newest first with who, when, and each field before and after', async () => {
    const body = await store.create(BODY, { footprint: 'E54000008', data: { name: 'Partnership board' } }, lead);
    await store.update(BODY, body.id, { name: 'Partnership board', established: '2016-04-01' }, lead);
    const me = await signIn('clinician', 'clinician password');
    const response = await get(me, `/api/partnership/items/${body.id}/history`);
    expect(response.statusCode).toBe(200);
    const history = response.json();
    expect(history.item).toMatchObject({ id: body.id, kindLabel: 'test governance body', title: 'Partnership board', deleted: false });
    expect(history.versions.map((v: { version: number; change: string }) => [v.version, v.change])).toEqual([[2, 'updated'], [1, 'created']]);
    expect(history.versions[0]).toMatchObject({
      who: { id: lead.id, name: 'Helen Jones', role: 'partnership_lead', roleLabel: 'Partnership lead' },
      changedFields: ['established'],
      changes: [{ field: 'established', label: 'Established', after: '2016-04-01', beforeText: null, afterText: '1 April 2016' }],
    });
    expect(Date.parse(history.versions[0].when)).not.toBeNaN();

    const missing = await get(me, '/api/partnership/items/nothing-here/history');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await get(me, `/api/partnership/items/${'%20'.repeat(3)}/history`)).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: `/api/partnership/items/${body.id}/history` })).statusCode).toBe(401);
  });

  it('pages the footprint’s recent changes, filters by kind, and names bad parameters', async () => {
    for (let i = 0; i < 5; i++) await store.create(BODY, { footprint: 'E54000008', data: { name: `Network ${i}` } }, lead);
    await store.create(BODY, { footprint: 'E54000048', data: { name: 'Elsewhere' } }, lead);
    const me = await signIn('clinician', 'clinician password');
    const all = (await get(me, '/api/partnership/changes?limit=200')).json();
    expect(all.changes.length).toBe(7);
    expect(all.changes.every((c: { item: { kind: string } }) => c.item.kind === 'server-history-body')).toBe(true);
    expect(all.changes.some((c: { item: { title: string } }) => c.item.title === 'Elsewhere')).toBe(false);
    expect(all.kinds).toContainEqual({ kind: 'server-history-body', label: 'test governance body' });
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await get(me, `/api/partnership/changes?limit=2${next ? `&before=${encodeURIComponent(next)}` : ''}`);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().changes.map((c: { item: { id: string }; version: number }) => `${c.item.id}#${c.version}`));
      next = page.json().next;
    } while (next);
    expect(seen).toEqual(all.changes.map((c: { item: { id: string }; version: number }) => `${c.item.id}#${c.version}`));
    expect((await get(me, '/api/partnership/changes?kind=no-such-kind')).json().changes).toEqual([]);
    for (const [query, title] of [
      ['limit=0', 'Invalid limit'],
      ['limit=201', 'Invalid limit'],
      ['limit=ten', 'Invalid limit'],
      ['before=yesterday', 'Invalid before'],
      ['before=2026-01-01T00:00:00Z~x', 'Invalid before'],
      ['kind=Not_A_Kind', 'Invalid kind'],
      ['limit=1&limit=2', 'Invalid limit'],
    ]) {
      const refused = await get(me, `/api/partnership/changes?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().title, query).toBe(title);
    }
  });
});
