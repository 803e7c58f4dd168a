import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConsultation } from '@footprint/engage/test-fixtures/analytics';
import { startTestServer, storageKinds, type TestServer } from '../support';
import { signedIn, staffCall, type Who } from './enquiries-support';

/** The analytics API with real sessions on real PostgreSQL. */
describe.each(storageKinds)('consultation analytics over HTTP on %s', (kind) => {
  let server: TestServer;
  let lead: Who;
  let clinician: Who;
  let ids: number[];
  beforeAll(async () => {
    server = await startTestServer(kind, { mail: false });
    lead = await signedIn(server, 'lead', 'partnership_lead');
    clinician = await signedIn(server, 'gp', 'gp_clinician');
    ids = await insertConsultation(server.platform.sql, 'api-analytics', [
      { at: '2026-03-02 09:00', answers: { q1: 'yes', q4: 'Longer hours please' }, aboutYou: { ageBand: '16-24' }, contact: { name: 'Kim Lee', email: 'kim@example.org', consentToContact: false } },
      { at: '2026-03-03 09:00', answers: { q1: 'no', q4: 'More buses' } },
    ]);
  }, 300_000);
  afterAll(async () => server?.close());

  it('gives the overview, themes and tagging to staff with engagement, and refuses others', async () => {
    expect((await staffCall(server, clinician, 'GET', '/api/engage/consultations/api-analytics/analytics')).statusCode).toBe(403);
    const overview = (await staffCall(server, lead, 'GET', '/api/engage/consultations/api-analytics/analytics?group=ageBand')).json() as { submitted: number; overTime: unknown[] };
    expect(overview.submitted).toBe(2);
    expect(overview.overTime).toHaveLength(2);
    expect((await staffCall(server, lead, 'GET', '/api/engage/consultations/api-analytics/analytics?group=nonsense')).statusCode).toBe(400);
    expect((await staffCall(server, lead, 'GET', '/api/engage/consultations/nothing-here/analytics')).statusCode).toBe(404);
    const theme = await staffCall(server, lead, 'POST', '/api/engage/consultations/api-analytics/themes', { name: 'Transport' });
    expect(theme.statusCode).toBe(201);
    const { id } = theme.json() as { id: number };
    const tagged = await staffCall(server, lead, 'POST', `/api/engage/consultations/api-analytics/themes/${id}/tags`, { responseId: ids[1], questionId: 'q4' });
    expect((tagged.json() as { themes: number[] }).themes).toEqual([id]);
    const untagged = (await staffCall(server, lead, 'GET', '/api/engage/consultations/api-analytics/analytics/free-text?theme=none')).json() as Array<{ text: string }>;
    expect(untagged.map((a) => a.text)).toEqual(['Longer hours please']);
    const csv = await staffCall(server, lead, 'GET', '/api/engage/consultations/api-analytics/analytics/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="api-analytics-responses.csv"');
    expect(csv.body).toContain('Transport');
    expect(csv.body).not.toContain('kim@example.org');
    expect((await staffCall(server, lead, 'DELETE', `/api/engage/consultations/api-analytics/themes/${id}`)).statusCode).toBe(204);
    expect((await staffCall(server, lead, 'DELETE', `/api/engage/consultations/api-analytics/themes/${id}`)).statusCode).toBe(404);
  });
});
