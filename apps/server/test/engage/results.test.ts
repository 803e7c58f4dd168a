import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestPartnership } from '@footprint/partnership';
import { upsertUser } from '../../src/api/auth/users';
import { seedPartnershipDemo } from '../../src/api/partnership/seed';
import { startTestServer, storageKinds, type TestServer } from '../support';
import { definition, insertConsultation, insertResponse, pdfText } from '@footprint/engage/test-fixtures';

type Who = { cookie: string; csrf: string };

describe.each(storageKinds)('the results API and pages on %s', (kind) => {
  let server: TestServer;
  let lead: Who;
  let privacy: Who;
  let ambition: { kind: string; id: string; title: string };

  async function user(username: string, role: 'privacy_officer' | 'partnership_lead'): Promise<Who> {
    await upsertUser(server.platform.sql, { username, role, displayName: `Test ${role}`, password: `${username} password` });
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: `${username} password` } });
    return { cookie: String(response.headers['set-cookie']).split(';')[0]!, csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const get = (who: Who | null, url: string) => server.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const send = (who: Who, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    server = await startTestServer(kind);
    await loadTestPartnership(server.platform.record);
    await seedPartnershipDemo(server.platform);
    lead = await user('lead', 'partnership_lead');
    privacy = await user('privacy', 'privacy_officer');
    await insertConsultation(server.platform.sql, 'urgent-care', { definition: definition({ closesOn: '2026-03-01' }) });
    for (let i = 0; i < 12; i++) await insertResponse(server.platform.sql, 'urgent-care', { answers: { q1: i < 9 ? 'a' : 'b' }, aboutYou: { place: 'E08000015' } });
    await insertResponse(server.platform.sql, 'urgent-care', { answers: { q6: 'My NHS number is 943 476 5919. Keep the walk-in centre.' }, publishFreeText: true });
    const items = (await get(lead, '/api/engage/plan-items')).json() as { items: Array<{ kind: string; id: string; title: string }> };
    ambition = items.items.find((i) => i.kind === 'ambition')!;
  }, 300_000);
  afterAll(async () => server?.close());

  it('answers 404 problem+json in public while the results are unpublished, for the API, the page and the reports', async () => {
    const api = await get(null, '/api/public/consultations/urgent-care/results');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await get(null, '/api/public/consultations/no-such/results')).statusCode).toBe(404);
    for (const path of ['results', 'report.html', 'report.pdf']) expect((await get(null, `/public/consultations/urgent-care/${path}`)).statusCode).toBe(404);
  });

  it('lets staff with `engagement` preview and publish, once moderation is done, and not moderators alone', async () => {
    expect((await get(privacy, '/api/engage/consultations/urgent-care/results')).statusCode).toBe(403);
    expect((await get(lead, '/api/engage/consultations/urgent-care/results')).json()).toMatchObject({ publishedAt: null, total: 15 });
    const early = await send(lead, 'POST', '/api/engage/consultations/urgent-care/results/publication');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ title: 'Moderation not finished' });
    const [item] = ((await get(privacy, '/api/engage/consultations/urgent-care/moderation')).json() as { items: Array<{ id: number; flags: Array<{ start: number; end: number }> }> }).items;
    await send(privacy, 'POST', `/api/engage/moderation/items/${item!.id}/redactions`, { start: item!.flags[0]!.start, end: item!.flags[0]!.end, reason: 'personal-data', kind: 'nhs-number' });
    await send(privacy, 'POST', `/api/engage/moderation/items/${item!.id}/approve`);
    expect((await send(lead, 'PUT', '/api/engage/consultations/urgent-care/results/themes', { themesNotCovered: 'Parking at the hospital.' })).statusCode).toBe(200);
    const published = await send(lead, 'POST', '/api/engage/consultations/urgent-care/results/publication');
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ publishedAt: expect.any(String) });
  });

  it('records outcomes linked to real plan items, refuses unknown ones, and shows them by plan item', async () => {
    const bad = await send(lead, 'PUT', '/api/engage/consultations/urgent-care/outcomes', [{ weAsked: 'a', youSaid: 'b', weDid: 'c', planItems: [{ kind: 'ambition', id: 'no-such-ambition' }] }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ detail: expect.stringContaining('no ambition no-such-ambition') });
    expect((await send(lead, 'PUT', '/api/engage/consultations/urgent-care/outcomes', [{ weAsked: '', youSaid: 'b', weDid: 'c', planItems: [] }])).statusCode).toBe(400);
    const saved = await send(lead, 'PUT', '/api/engage/consultations/urgent-care/outcomes', [{ weAsked: 'How should urgent care work?', youSaid: 'Keep the walk-in centre.', weDid: 'We kept it open until 10pm.', planItems: [{ kind: 'ambition', id: ambition.id }] }]);
    expect(saved.statusCode).toBe(200);
    const byItem = await get(privacy, `/api/engage/outcomes?kind=ambition&id=${encodeURIComponent(ambition.id)}`);
    expect((byItem.json() as { outcomes: Array<{ weDid: string }> }).outcomes.map((o) => o.weDid)).toEqual(['We kept it open until 10pm.']);
    expect((await get(privacy, '/api/engage/outcomes?kind=meeting&id=x')).statusCode).toBe(400);
  });

  it('serves the published results in public: suppressed counts, redacted text, outcomes, place names, and the reports', async () => {
    const api = await get(null, '/api/public/consultations/urgent-care/results');
    expect(api.statusCode).toBe(200);
    const results = api.json() as { total: number; questions: Array<{ id: string; options?: Array<{ count: number | string }> }>; byGroup: Array<{ key: string; options: Array<{ label: string; count: number | string }> }> };
    expect(results.total).toBe(15);
    expect(results.questions[0]!.options!.map((o) => o.count)).toEqual([10, '*', 0]);
    expect(results.byGroup.find((g) => g.key === 'place')!.options.find((o) => o.label === 'Wirral')).toMatchObject({ count: 10 });
    expect(api.body).not.toContain('5919');
    expect(api.body).not.toContain('FP-C-');
    const page = await get(null, '/public/consultations/urgent-care/results');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('My NHS number is [redacted: personal data]. Keep the walk-in centre.');
    expect(page.body).toContain('We kept it open until 10pm.');
    expect(page.body).toContain('<svg');
    expect(page.body).not.toContain('5919');
    const html = await get(null, '/public/consultations/urgent-care/report.html');
    expect(html.headers['content-disposition']).toBe('attachment; filename="consultation-report-urgent-care.html"');
    expect(html.body).toContain('Which option do you prefer?');
    const first = await get(null, '/public/consultations/urgent-care/report.pdf');
    const second = await get(null, '/public/consultations/urgent-care/report.pdf');
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const text = await pdfText(new Uint8Array(first.rawPayload));
    expect(text).toContain('We kept it open until 10pm.');
  });

  it('withdraws the results: public answers 404 again', async () => {
    expect((await send(lead, 'DELETE', '/api/engage/consultations/urgent-care/results/publication')).statusCode).toBe(200);
    expect((await get(null, '/api/public/consultations/urgent-care/results')).statusCode).toBe(404);
  });
});
