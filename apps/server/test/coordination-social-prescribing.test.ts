import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, Patient } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { prescriptionFacts } from '@footprint/coordination';
import { upsertUser } from '../src/api/auth/users';
import { callAsStaff, signInStaff, startTestServer, storageKinds, testNhsNumber, type StaffSession, type TestServer } from './support';

const platformCtx = systemContext('SYSADMIN', 'test-setup');

interface Service {
  id: string;
  version: string;
  name: string;
  place: string;
  organisation: { reference: string; name: string };
  needs: Array<{ code: string }>;
  openings: Array<{ days: string[]; opens: string; closes: string }>;
}

/** The directory of voluntary services, link workers' prescriptions with the person's consent, and the wellbeing scale, through the staff API on real storage (docs/coordination.md §5). */
describe.each(storageKinds)('social prescribing through the staff API on %s', (kind) => {
  let server: TestServer;
  let gp: StaffSession;
  let charity: StaffSession;
  let otherCharity: StaffSession;
  let council: StaffSession;
  let practice: Organization;
  let walkers: Organization;
  let person: Patient;
  let service: Service;

  const call = (who: StaffSession, method: 'GET' | 'POST', url: string, payload?: unknown) => callAsStaff(server.app, who, method, url, payload);
  const put = (who: StaffSession, url: string, payload: unknown) => server.app.inject({ method: 'PUT', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const count = async (type: string) => Number((await server.platform.sql.query<{ n: string }>('SELECT count(*) AS n FROM resource WHERE resource_type = $1 AND NOT deleted', [type])).rows[0].n);
  const walkingGroup = (extra: Record<string, unknown> = {}) => ({
    name: 'Widnes Walking for Health',
    description: 'Free, friendly group walks of 30 to 60 minutes, led by trained volunteers, with a cup of tea after.',
    needs: ['physical-activity', 'loneliness'],
    venue: { name: 'Victoria Park pavilion', line: 'Victoria Road', town: 'Widnes', postcode: 'wa8 7pa' },
    place: 'Halton',
    openings: [{ days: ['tue', 'thu'], opens: '10:00', closes: '12:00' }],
    phone: '0151 000 0000',
    eligibility: 'Adults of any fitness; carers welcome.',
    ...extra,
  });

  beforeAll(async () => {
    server = await startTestServer(kind, { subscriptions: false });
    const org = async (name: string) => (await server.platform.record.create<Organization>(platformCtx, { resourceType: 'Organization', active: true, name })).resource;
    practice = await org('Riverside Medical Practice');
    walkers = await org('Halton Walkers');
    const other = await org('Cheshire Befriending');
    const councilOrg = await org('Halton Borough Council');
    person = (await server.platform.record.create<Patient>(platformCtx, { resourceType: 'Patient', name: [{ family: 'Quigley', given: ['Zoe'] }], identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(8101) }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] })).resource;
    const user = (username: string, role: 'gp_clinician' | 'voluntary_worker' | 'social_worker', o: Organization) =>
      upsertUser(server.platform.sql, { username, role, displayName: username, password: `${username} password`, organisation: { code: username.toUpperCase(), name: o.name!, reference: `Organization/${o.id}` } });
    await user('linkworker', 'gp_clinician', practice);
    await user('walker', 'voluntary_worker', walkers);
    await user('befriender', 'voluntary_worker', other);
    await user('council', 'social_worker', councilOrg);
    [gp, charity, otherCharity, council] = await Promise.all(['linkworker', 'walker', 'befriender', 'council'].map((u) => signInStaff(server.app, u, `${u} password`)));
  }, 300_000);
  afterAll(async () => server?.close());

  it('a voluntary organisation lists its own service; bad entries are refused naming every field; nobody else can change it', async () => {
    const before = await count('HealthcareService');
    const bad = await call(charity, 'POST', '/api/coordination/directory/services', { name: '', needs: ['knitting'], venue: { postcode: 'nowhere' }, openings: [{ days: ['someday'], opens: '14:00', closes: '09:00' }], email: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    for (const words of ['name is required', 'needs[0] must be one of', 'venue.postcode must be a UK postcode', 'openings[0].days: "someday"', 'openings[0]: closes must be after opens', 'email must be an email address', 'place is required']) expect(bad.json().detail).toContain(words);
    expect(await count('HealthcareService')).toBe(before);

    const made = await call(charity, 'POST', '/api/coordination/directory/services', walkingGroup());
    expect(made.statusCode, made.body).toBe(201);
    service = made.json() as Service;
    expect(service).toMatchObject({ name: 'Widnes Walking for Health', place: 'Halton', organisation: { reference: `Organization/${walkers.id}`, name: 'Halton Walkers' }, openings: [{ days: ['tue', 'thu'], opens: '10:00', closes: '12:00' }] });
    expect((await call(charity, 'GET', '/api/coordination/directory/own')).json().services.map((s: Service) => s.id)).toEqual([service.id]);
    expect((await call(otherCharity, 'GET', '/api/coordination/directory/own')).json().services).toEqual([]);

    const theirs = await put(otherCharity, `/api/coordination/directory/services/${service.id}`, { ...walkingGroup({ name: 'Taken over' }), version: service.version });
    expect(theirs.statusCode).toBe(409);
    const stale = await put(charity, `/api/coordination/directory/services/${service.id}`, { ...walkingGroup(), version: '0' });
    expect(stale.statusCode).toBe(409);
    const changed = await put(charity, `/api/coordination/directory/services/${service.id}`, { ...walkingGroup({ openings: [{ days: ['tue', 'thu'], opens: '10:00', closes: '12:00' }, { days: ['sat'], opens: '09:30', closes: '11:00' }] }), version: service.version });
    expect(changed.statusCode, changed.body).toBe(200);
    service = changed.json() as Service;
    expect(service.openings).toHaveLength(2);
    // A GP practice does not keep the voluntary sector's directory.
    expect((await call(gp, 'POST', '/api/coordination/directory/services', walkingGroup())).statusCode).toBe(403);
  });

  it('every partner searches the directory by need, place, and a day and time it is open', async () => {
    const find = async (query: string) => ((await call(gp, 'GET', `/api/coordination/directory/services?${query}`)).json().services as Service[]).map((s) => s.name);
    expect(await find('need=physical-activity')).toEqual(['Widnes Walking for Health']);
    expect(await find('need=money-and-debt')).toEqual([]);
    expect(await find('place=Halton&day=sat&at=10:00')).toEqual(['Widnes Walking for Health']);
    expect(await find('day=sat&at=12:00')).toEqual([]);
    expect(await find('day=mon')).toEqual([]);
    expect(await find('place=Wirral')).toEqual([]);
    expect(await find('text=cup%20of%20tea')).toEqual(['Widnes Walking for Health']);
    expect((await call(council, 'GET', '/api/coordination/directory/services?need=loneliness')).json().services).toHaveLength(1);
    const options = (await call(gp, 'GET', '/api/coordination/directory/options')).json();
    expect(options.places).toEqual(['Halton']);
    expect(options.needs.map((n: { code: string }) => n.code)).toContain('bereavement');
    const bad = await call(gp, 'GET', '/api/coordination/directory/services?need=knitting&day=someday&at=25:00');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/need must be one of.*day must be one of.*at must be a time/);
  });

  it('a link worker prescribes with the person’s consent; the voluntary organisation sees the person and the referral, accepts and completes it; the wellbeing scale is asked before and after', async () => {
    const refuse = await call(gp, 'POST', '/api/coordination/social-prescribing/referrals', { patientId: person.id, serviceId: service.id, reason: 'Lonely since her husband died; would like to get out more' });
    expect(refuse.statusCode).toBe(400);
    expect(refuse.json().detail).toMatch(/consent: the person must agree/);
    expect(await count('Consent')).toBe(0);
    expect((await call(charity, 'GET', '/api/coordination/worklist')).json().items).toEqual([]);

    const made = await call(gp, 'POST', '/api/coordination/social-prescribing/referrals', { patientId: person.id, serviceId: service.id, reason: 'Lonely since her husband died; would like to get out more', consent: true });
    expect(made.statusCode, made.body).toBe(201);
    const { taskId } = made.json() as { taskId: string };
    const incoming = (await call(charity, 'GET', '/api/coordination/worklist')).json();
    expect(incoming.items.map((i: { taskId: string }) => i.taskId)).toEqual([taskId]);
    expect(incoming.items[0]).toMatchObject({ categoryLabel: 'Social prescribing', patient: { name: 'Zoe Quigley' } });
    expect((await call(otherCharity, 'GET', '/api/coordination/worklist')).json().items, 'another voluntary organisation').toEqual([]);

    // Answers after before any before are refused; every answer is checked.
    expect((await call(gp, 'POST', `/api/coordination/social-prescribing/referrals/${taskId}/wellbeing`, { timepoint: 'after', answers: { 'life-satisfaction': 7, worthwhile: 7, happiness: 7, anxiety: 2 } })).statusCode).toBe(409);
    const wrong = await call(gp, 'POST', `/api/coordination/social-prescribing/referrals/${taskId}/wellbeing`, { timepoint: 'before', answers: { 'life-satisfaction': 11, worthwhile: 3.5, mood: 4 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toMatch(/life-satisfaction must be a whole number from 0 to 10.*worthwhile must be a whole number.*happiness is required.*mood is not a question/);
    const before = await call(gp, 'POST', `/api/coordination/social-prescribing/referrals/${taskId}/wellbeing`, { timepoint: 'before', answers: { 'life-satisfaction': 3, worthwhile: 4, happiness: 4, anxiety: 7 } });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().before.answers['life-satisfaction']).toEqual({ value: 3, band: 'Low' });

    for (const status of ['accepted', 'in-progress', 'completed']) {
      const moved = await call(charity, 'POST', `/api/coordination/tasks/${taskId}/status`, { status, note: `Walkers: ${status}` });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    expect((await call(otherCharity, 'POST', `/api/coordination/tasks/${taskId}/status`, { status: 'cancelled' })).statusCode).toBe(404);

    const after = await call(gp, 'POST', `/api/coordination/social-prescribing/referrals/${taskId}/wellbeing`, { timepoint: 'after', answers: { 'life-satisfaction': 6, worthwhile: 6, happiness: 7, anxiety: 4 } });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().change).toEqual({ 'life-satisfaction': { by: 3, better: true }, worthwhile: { by: 2, better: true }, happiness: { by: 3, better: true }, anxiety: { by: -3, better: true } });
    expect(after.json().scale).toMatchObject({ code: 'ons4', licence: expect.stringContaining('Open Government Licence') });
    // The person shared who they are and the referral with the walkers; not their wellbeing answers.
    const unshared = await call(charity, 'GET', `/api/coordination/social-prescribing/referrals/${taskId}/wellbeing`);
    expect(unshared.statusCode).toBe(403);
    expect(unshared.json().detail).toMatch(/QuestionnaireResponse/);
    const notTheirs = await call(charity, 'POST', `/api/coordination/social-prescribing/referrals/${taskId}/wellbeing`, { timepoint: 'after', answers: { 'life-satisfaction': 9, worthwhile: 9, happiness: 9, anxiety: 0 } });
    expect(notTheirs.statusCode).toBe(409);
    expect(notTheirs.json().detail).toMatch(/organisation that made the referral records/);
    expect((await call(gp, 'GET', `/api/coordination/social-prescribing/referrals/${taskId}/wellbeing`)).json().after.answers.happiness).toEqual({ value: 7, band: 'High' });

    // The figures read the referral for planning: when, where and how it went, never who.
    const facts = await prescriptionFacts(server.platform.record, systemContext('PUBHLTH', 'test'));
    expect(facts).toEqual([{ month: new Date().toISOString().slice(0, 7), completed: true, wellbeingChange: 3 }]);
  });
});
