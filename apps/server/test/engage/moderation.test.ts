import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertUser } from '../../src/api/auth/users';
import { startTestServer, storageKinds, type TestServer } from '../support';
import { insertConsultation, insertResponse } from '@footprint/engage/test-fixtures';

type Who = { cookie: string; csrf: string };
const TEXT = 'My NHS number is 943 476 5919, email jo@example.com. Please open at weekends.';

describe.each(storageKinds)('the moderation API on %s', (kind) => {
  let server: TestServer;
  let moderator: Who;
  let lead: Who;
  let analyst: Who;

  async function user(username: string, role: 'privacy_officer' | 'partnership_lead' | 'analyst'): Promise<Who> {
    await upsertUser(server.platform.sql, { username, role, displayName: `Test ${role}`, password: `${username} password` });
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: `${username} password` } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0]!, csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const get = (who: Who | null, url: string) => server.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const post = (who: Who, url: string, payload?: unknown) => server.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    server = await startTestServer(kind);
    moderator = await user('privacy', 'privacy_officer');
    lead = await user('lead', 'partnership_lead');
    analyst = await user('analyst', 'analyst');
    await insertConsultation(server.platform.sql, 'urgent-care');
    await insertResponse(server.platform.sql, 'urgent-care', { answers: { q6: TEXT }, publishFreeText: true });
  }, 300_000);
  afterAll(async () => server?.close());

  it('lets moderators (privacy officers and partnership leads) see the queue, and no one else', async () => {
    const queue = await get(moderator, '/api/engage/moderation');
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toEqual({ queue: [{ consultationId: 'urgent-care', title: 'Urgent care in Wirral', pending: 1, approved: 0, rejected: 0 }] });
    expect((await get(lead, '/api/engage/moderation')).statusCode).toBe(200);
    const refused = await get(analyst, '/api/engage/moderation');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await get(null, '/api/engage/consultations/urgent-care/moderation')).statusCode).toBe(401);
  });

  it('shows each item with its flags, redacts spans with a reason, and approves', async () => {
    const answer = await get(moderator, '/api/engage/consultations/urgent-care/moderation');
    const [item] = (answer.json() as { items: Array<{ id: number; flags: Array<{ kind: string; start: number; end: number }>; text: string }> }).items;
    expect(item!.flags.map((f) => f.kind)).toEqual(['nhs-number', 'email']);
    for (const f of item!.flags) expect((await post(moderator, `/api/engage/moderation/items/${item!.id}/redactions`, { start: f.start, end: f.end, reason: 'personal-data', kind: f.kind })).statusCode).toBe(200);
    const approved = await post(moderator, `/api/engage/moderation/items/${item!.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'privacy', publishedText: 'My NHS number is [redacted: personal data], email [redacted: personal data]. Please open at weekends.' });
    const again = await post(moderator, `/api/engage/moderation/items/${item!.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('answers bad input with 4xx problems, never 5xx', async () => {
    for (const [url, body, status] of [
      ['/api/engage/moderation/items/abc/approve', undefined, 400],
      ['/api/engage/moderation/items/99999/approve', undefined, 404],
      ['/api/engage/moderation/items/1/redactions', { start: 'x' }, 400],
      ['/api/engage/moderation/items/1/redactions', 'not json', 415],
      ['/api/engage/moderation/items/1/reject', {}, 400],
    ] as const) {
      const response = await post(moderator, url, body);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get(moderator, '/api/engage/consultations/nothing-here/moderation')).statusCode).toBe(404);
    const noCsrf = await server.app.inject({ method: 'POST', url: '/api/engage/moderation/items/1/approve', headers: { cookie: moderator.cookie } });
    expect(noCsrf.statusCode).toBe(403);
  });
});
