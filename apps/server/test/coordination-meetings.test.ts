import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, Patient } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { callAsStaff, signInStaff, startTestServer, storageKinds, testNhsNumber, type StaffSession, type TestServer } from './support';

const platformCtx = systemContext('SYSADMIN', 'test-setup');

/** Team meetings through the staff API with real sessions on real storage (docs/coordination.md §3). */
describe.each(storageKinds)('multidisciplinary team meetings through the staff API on %s', (kind) => {
  let server: TestServer;
  let gp: StaffSession;
  let socialWorker: StaffSession;
  let analyst: StaffSession;
  let practice: Organization;
  let council: Organization;
  let frail: Patient;
  let stranger: Patient;

  const create = async <T extends Organization | Patient>(resource: T): Promise<T> => (await server.platform.record.create<T>(platformCtx, resource)).resource;
  const call = (who: StaffSession, method: 'GET' | 'POST', url: string, payload?: unknown) => callAsStaff(server.app, who, method, url, payload);
  const meetingRows = async () => Number((await server.platform.sql.query<{ n: string }>('SELECT count(*) AS n FROM coordination_meeting')).rows[0].n);

  beforeAll(async () => {
    server = await startTestServer(kind, { subscriptions: false });
    practice = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Riverside Medical Practice' });
    council = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Wirral Council Adult Social Care' });
    frail = await create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7101) }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] });
    stranger = await create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7102) }] });
    await upsertUser(server.platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Green', password: 'gp password', organisation: { code: 'N81001', name: practice.name!, reference: `Organization/${practice.id}` } });
    await upsertUser(server.platform.sql, { username: 'sw', role: 'social_worker', displayName: 'Sam Social', password: 'sw password', organisation: { code: 'WIR01', name: council.name!, reference: `Organization/${council.id}` } });
    gp = await signInStaff(server.app, 'gp', 'gp password');
    socialWorker = await signInStaff(server.app, 'sw', 'sw password');
    await upsertUser(server.platform.sql, { username: 'analyst', role: 'analyst', displayName: 'Ana Lyst', password: 'analyst password' });
    analyst = await signInStaff(server.app, 'analyst', 'analyst password');
  }, 300_000);
  afterAll(async () => server?.close());

  it('the practice plans a meeting with the council, lists a frail person, and only the practice sees it', async () => {
    const planned = await call(gp, 'POST', '/api/coordination/meetings', {
      title: 'Frailty MDT',
      heldOn: '2099-01-14',
      attendees: [
        { organisation: `Organization/${practice.id}`, name: 'Dr Green', role: 'GP' },
        { organisation: `Organization/${council.id}`, name: 'Sam Social', role: 'Social worker' },
      ],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const { id } = planned.json() as { id: string };
    expect(planned.headers.location).toBe(`/api/coordination/meetings/${id}`);

    const added = await call(gp, 'POST', `/api/coordination/meetings/${id}/people`, { patientId: frail.id, source: 'frailty' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ status: 'planned', attendees: [{ role: 'GP' }, { role: 'Social worker' }], people: [{ patientId: frail.id, source: 'frailty' }] });

    const listed = (await call(gp, 'GET', '/api/coordination/meetings')).json() as { meetings: Array<{ id: string; people: number }> };
    expect(listed.meetings.find((m) => m.id === id)?.people).toBe(1);
    expect(((await call(socialWorker, 'GET', '/api/coordination/meetings')).json() as { meetings: unknown[] }).meetings).toEqual([]);
    expect((await call(socialWorker, 'GET', `/api/coordination/meetings/${id}`)).statusCode).toBe(404);
  });

  it('refuses a role without care coordination', async () => {
    const refused = await call(analyst, 'GET', '/api/coordination/meetings');
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await call(analyst, 'POST', '/api/coordination/meetings', { title: 'Not ours', heldOn: '2099-01-01', attendees: [] })).statusCode).toBe(403);
  });

  it('refuses bad input with a problem naming each field, and writes nothing', async () => {
    const before = await meetingRows();
    for (const body of [null, [], { title: 42, heldOn: 'soon', attendees: 'all' }, { title: 'x', heldOn: '2099-01-01', attendees: [{ organisation: 'council' }] }]) {
      const refused = await call(gp, 'POST', '/api/coordination/meetings', body);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const named = (await call(gp, 'POST', '/api/coordination/meetings', { title: '', heldOn: 'soon' })).json() as { detail: string };
    expect(named.detail).toBe('title: give the meeting a title; heldOn: a date, as YYYY-MM-DD');
    expect(await meetingRows()).toBe(before);
    expect((await call(gp, 'GET', '/api/coordination/meetings/not%20an%20id')).statusCode).toBe(400);
  });

  it('will not list a person the practice may not see, nor the same person twice', async () => {
    const { id } = (await call(gp, 'POST', '/api/coordination/meetings', { title: 'High risk MDT', heldOn: '2099-02-11', attendees: [] })).json() as { id: string };
    expect((await call(gp, 'POST', `/api/coordination/meetings/${id}/people`, { patientId: stranger.id })).statusCode).toBe(404);
    expect((await call(gp, 'POST', `/api/coordination/meetings/${id}/people`, { patientId: frail.id })).statusCode).toBe(200);
    expect((await call(gp, 'POST', `/api/coordination/meetings/${id}/people`, { patientId: frail.id })).statusCode).toBe(409);
    expect((await call(gp, 'POST', `/api/coordination/meetings/${id}/people`, { patientId: 42 })).statusCode).toBe(400);
  });
});
