import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarePlan, Communication, Condition, Consent, Encounter, Organization, Patient } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { callAsStaff, sharingChoice, signInStaff, startTestServer, storageKinds, testNhsNumber, type StaffSession, type TestServer } from './support';

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

  const create = async <T extends Organization | Patient | Condition | Encounter | CarePlan | Consent>(resource: T): Promise<T> => (await server.platform.record.create<T>(platformCtx, resource)).resource;
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

  describe('outcomes and worklist suggestions', () => {
    const MDT = 'https://fhir.footprint.example/CodeSystem/mdt-meeting';
    const ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
    let person: Patient;
    let private_: Patient;
    let plan: CarePlan;
    let meetingId: string;
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const count = async (type: string) => Number((await server.platform.sql.query<{ n: string }>('SELECT count(*) AS n FROM resource WHERE resource_type = $1 AND NOT deleted', [type])).rows[0].n);
    const encounter = (cls: string, start: string): Encounter => ({ resourceType: 'Encounter', status: 'finished', class: { system: ACT, code: cls }, subject: { reference: `Patient/${person.id}` }, period: { start, end: start } });

    beforeAll(async () => {
      const practiceCtx = { ...platformCtx, organisation: { reference: `Organization/${practice.id}` } };
      person = await create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7103) }], name: [{ family: 'Frail', given: ['Fay'] }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] });
      await create<Condition>({ resourceType: 'Condition', subject: { reference: `Patient/${person.id}` }, code: { coding: [{ system: 'http://snomed.info/sct', code: '925831000000107', display: 'Moderate frailty' }] }, recordedDate: '2026-06-01' });
      await create(encounter('IMP', daysAgo(10)));
      await create(encounter('EMER', daysAgo(20)));
      await create(encounter('EMER', daysAgo(40)));
      plan = (await server.platform.record.create<CarePlan>(practiceCtx, { resourceType: 'CarePlan', status: 'active', intent: 'plan', title: 'Anticipatory care plan', subject: { reference: `Patient/${person.id}` }, author: { reference: `Organization/${practice.id}` } })).resource;
      private_ = (await server.platform.record.create<Patient>(practiceCtx, { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7104) }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] })).resource;
      await create<Consent>(sharingChoice(private_.id!, 'recording-organisation'));
      const attendees = [
        { organisation: `Organization/${practice.id}`, name: 'Dr Green', role: 'GP' },
        { organisation: `Organization/${council.id}`, name: 'Sam Social', role: 'Social worker' },
      ];
      meetingId = ((await call(gp, 'POST', '/api/coordination/meetings', { title: 'Neighbourhood MDT', heldOn: '2099-03-04', attendees })).json() as { id: string }).id;
    });

    it('suggests people from each worklist that the practice may see, and not those already listed', async () => {
      const suggested = async (source: string) => ((await call(gp, 'GET', `/api/coordination/meetings/${meetingId}/suggestions?source=${source}`)).json() as { definition: string; people: Array<{ patientId: string; reason: string }> });
      const frailty = await suggested('frailty');
      expect(frailty.definition).toMatch(/frailty/i);
      expect(frailty.people.find((p) => p.patientId === person.id)).toMatchObject({ reason: 'Moderate frailty, recorded 2026-06-01' });
      expect((await suggested('recent-admission')).people.find((p) => p.patientId === person.id)?.reason).toMatch(/^Admitted \d{4}-\d{2}-\d{2}/);
      expect((await suggested('high-risk')).people.find((p) => p.patientId === person.id)?.reason).toMatch(/^2 emergency attendances since/);
      // The council has no relationship with this person and hosts no such meeting.
      expect((await call(socialWorker, 'GET', `/api/coordination/meetings/${meetingId}/suggestions?source=frailty`)).statusCode).toBe(404);
      expect((await call(gp, 'GET', `/api/coordination/meetings/${meetingId}/suggestions?source=gossip`)).statusCode).toBe(400);

      expect((await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/people`, { patientId: person.id, source: 'frailty' })).statusCode).toBe(200);
      expect((await suggested('frailty')).people.some((p) => p.patientId === person.id)).toBe(false);
    });

    it('writes the outcome to the record in one transaction: a Communication, Tasks, a referral and the care plan, each marked with the meeting', async () => {
      const before = await count('Communication');
      for (const body of [{}, { patientId: person.id, summary: 'x', actions: 'all' }, { patientId: person.id, summary: 'x', actions: [{ description: '', owner: 'council', dueDate: 'soon' }] }]) {
        const refused = await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/outcomes`, body);
        expect(refused.statusCode, refused.body).toBe(400);
        expect(refused.headers['content-type']).toContain('application/problem+json');
      }
      const missing = await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/outcomes`, { patientId: person.id, summary: 'x', actions: [{ description: 'Assess', owner: `Organization/${council.id}` }] });
      expect(missing.json().detail).toMatch(/actions\[0\]\.category is required/);
      expect(await count('Communication')).toBe(before);

      const recorded = await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/outcomes`, {
        patientId: person.id,
        summary: 'Falls at home; carer is struggling. Agreed a social care assessment and a medication review.',
        carePlanChange: 'Add falls prevention and carer support',
        actions: [
          { description: 'Structured medication review', owner: `Organization/${practice.id}`, dueDate: '2099-03-18' },
          { description: 'Care Act assessment of needs', owner: `Organization/${council.id}`, dueDate: '2099-03-25', category: 'adult-social-care' },
        ],
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      const listed = (recorded.json() as { people: Array<{ patientId: string; discussedAt?: string; outcomeRefs: string[] }> }).people.find((p) => p.patientId === person.id)!;
      expect(listed.discussedAt).toBeDefined();
      expect(listed.outcomeRefs.map((r) => r.split('/')[0]).sort()).toEqual(['CarePlan', 'Communication', 'ServiceRequest', 'Task', 'Task']);

      const read = async <T extends Communication | CarePlan = Communication>(ref: string) => server.platform.record.read<T>(platformCtx, ref.split('/')[0], ref.split('/')[1]);
      for (const ref of listed.outcomeRefs) expect((await read(ref)).meta?.tag, ref).toContainEqual(expect.objectContaining({ system: MDT, code: meetingId }));
      const communication = await read<Communication>(listed.outcomeRefs.find((r) => r.startsWith('Communication/'))!);
      expect(communication).toMatchObject({ status: 'completed', subject: { reference: `Patient/${person.id}` }, sender: { reference: `Organization/${practice.id}` }, recipient: [{ reference: `Organization/${council.id}` }] });
      expect(communication.payload?.[0].contentString).toMatch(/^Falls at home/);
      const updatedPlan = await read<CarePlan>(`CarePlan/${plan.id}`);
      expect(updatedPlan.meta).toMatchObject({ versionId: '2' });
      expect(updatedPlan.note?.map((n) => n.text)).toEqual(['Add falls prevention and carer support']);
      expect(updatedPlan.activity).toHaveLength(2);

      // The council sees its part on its worklist; the practice's own action is on the practice's.
      const incoming = (await call(socialWorker, 'GET', '/api/coordination/worklist?direction=incoming')).json() as { items: Array<{ reason: string; categoryLabel: string }> };
      expect(incoming.items).toContainEqual(expect.objectContaining({ reason: 'Care Act assessment of needs', categoryLabel: 'Adult social care' }));
      const own = (await call(gp, 'GET', '/api/coordination/worklist?direction=incoming')).json() as { items: Array<{ reason: string; dueDate?: string }> };
      expect(own.items).toContainEqual(expect.objectContaining({ reason: 'Structured medication review', dueDate: '2099-03-18' }));

      // On the person's timeline, marked with the meeting.
      const summary = (await call(gp, 'GET', `/api/care-record/patients/${person.id}`)).json() as { meetingOutcomes: Array<{ meeting: string; summary: string; organisation: { name: string } | null }> };
      expect(summary.meetingOutcomes).toEqual([expect.objectContaining({ meeting: 'Neighbourhood MDT (2099-03-04)', summary: expect.stringMatching(/^Falls at home/), organisation: expect.objectContaining({ name: 'Riverside Medical Practice' }) })]);

      const again = await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/outcomes`, { patientId: person.id, summary: 'Again', actions: [] });
      expect(again.statusCode).toBe(409);
    });

    it('refuses an action the person’s sharing choice would keep from its owner, saying why, and writes nothing', async () => {
      expect((await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/people`, { patientId: private_.id })).statusCode).toBe(200);
      const before = await count('Communication');
      const refused = await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/outcomes`, {
        patientId: private_.id,
        summary: 'Needs support at home',
        actions: [{ description: 'Assessment', owner: `Organization/${council.id}`, category: 'adult-social-care' }],
      });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().detail).toMatch(/could not read this referral\. Nothing has been sent/);
      expect(await count('Communication')).toBe(before);
      const meeting = (await call(gp, 'GET', `/api/coordination/meetings/${meetingId}`)).json() as { people: Array<{ patientId: string; discussedAt?: string }> };
      expect(meeting.people.find((p) => p.patientId === private_.id)?.discussedAt).toBeUndefined();
    });

    it('marks the meeting held: its list closes', async () => {
      expect((await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/held`)).json()).toMatchObject({ status: 'held' });
      expect((await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/held`)).statusCode).toBe(409);
      expect((await call(gp, 'POST', `/api/coordination/meetings/${meetingId}/people`, { patientId: frail.id })).statusCode).toBe(409);
    });
  });
});
