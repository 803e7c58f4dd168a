import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarePlan, CareTeam, Consent, Goal, Organization, Patient } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { callAsStaff, sharingChoice, signInStaff, startTestServer, storageKinds, testNhsNumber, type StaffSession, type TestServer } from './support';

const platformCtx = systemContext('SYSADMIN', 'test-setup');

interface PlanAnswer {
  id: string;
  version: string;
  title: string;
  template: { code: string };
  whatMattersToMe?: string;
  reviewOn?: string;
  endOfLife?: { preferredPlaceOfCare?: string; preferredPlaceOfDeath?: string; resuscitation?: { decision: string; date: string; madeBy: string } };
  team: Array<{ name: string; role: string; organisation: string }>;
  goals: Array<{ description: string; addedByPerson: boolean }>;
  activities: Array<{ description: string; owner: string; status: string }>;
  organisations: Record<string, string>;
  history: Array<{ what: string; by: string; organisationName?: string; at: string }>;
}

/** Shared care plans through the staff API, with real sessions on real storage (docs/coordination.md §2). */
describe.each(storageKinds)('shared care plans through the staff API on %s', (kind) => {
  let server: TestServer;
  let gp: StaffSession;
  let socialWorker: StaffSession;
  let hospital: StaffSession;
  let analyst: StaffSession;
  let practice: Organization;
  let council: Organization;
  let trust: Organization;
  let person: Patient;
  let private_: Patient;
  let stranger: Patient;

  const create = async <T extends Organization | Patient | Consent>(resource: T): Promise<T> => (await server.platform.record.create<T>(platformCtx, resource)).resource;
  const call = (who: StaffSession, method: 'GET' | 'POST', url: string, payload?: unknown) => callAsStaff(server.app, who, method, url, payload);
  const put = (who: StaffSession, url: string, payload: unknown) => server.app.inject({ method: 'PUT', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const count = async (type: string) => Number((await server.platform.sql.query<{ n: string }>('SELECT count(*) AS n FROM resource WHERE resource_type = $1 AND NOT deleted', [type])).rows[0].n);
  const endOfLifePlan = (patient: Patient, extra: Record<string, unknown> = {}) => ({
    patientId: patient.id,
    template: 'end-of-life',
    whatMattersToMe: 'Being at home with my cat, and my daughter nearby',
    contingency: 'If breathless at night, call the district nurses first, then 111',
    reviewOn: '2099-02-01',
    team: [
      { organisation: `Organization/${practice.id}`, name: 'Dr Green', role: 'GP' },
      { organisation: `Organization/${council.id}`, name: 'Sam Social', role: 'Social worker' },
    ],
    goals: ['To stay at home', 'To see my granddaughter’s wedding in June'],
    activities: [
      { description: 'Anticipatory medicines prescribed', owner: `Organization/${practice.id}`, ownerName: 'Dr Green' },
      { description: 'Carer support offered', owner: `Organization/${council.id}` },
    ],
    endOfLife: { preferredPlaceOfCare: 'Home', preferredPlaceOfDeath: 'Home', resuscitation: { decision: 'do-not-attempt-cpr', date: '2026-11-20', madeBy: 'Dr Green, GP, with the person' } },
    ...extra,
  });

  beforeAll(async () => {
    server = await startTestServer(kind, { subscriptions: false });
    practice = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Riverside Medical Practice' });
    council = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Wirral Council Adult Social Care' });
    trust = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Countess General Hospital' });
    const patient = (seed: number): Patient => ({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(seed) }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] });
    person = await create(patient(7301));
    private_ = (await server.platform.record.create<Patient>({ ...platformCtx, organisation: { reference: `Organization/${practice.id}` } }, patient(7302))).resource;
    await create<Consent>(sharingChoice(private_.id!, 'recording-organisation'));
    stranger = await create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7303) }] });
    const user = (username: string, role: 'gp_clinician' | 'social_worker' | 'hospital_clinician', org: Organization) =>
      upsertUser(server.platform.sql, { username, role, displayName: { gp: 'Dr Green', sw: 'Sam Social', hc: 'Dr Hospital' }[username]!, password: `${username} password`, organisation: { code: username.toUpperCase(), name: org.name!, reference: `Organization/${org.id}` } });
    await user('gp', 'gp_clinician', practice);
    await user('sw', 'social_worker', council);
    await user('hc', 'hospital_clinician', trust);
    await upsertUser(server.platform.sql, { username: 'analyst', role: 'analyst', displayName: 'Ana Lyst', password: 'analyst password' });
    [gp, socialWorker, hospital, analyst] = [await signInStaff(server.app, 'gp', 'gp password'), await signInStaff(server.app, 'sw', 'sw password'), await signInStaff(server.app, 'hc', 'hc password'), await signInStaff(server.app, 'analyst', 'analyst password')];
  }, 300_000);
  afterAll(async () => server?.close());

  it('offers the four templates, each with its basis', async () => {
    const { templates } = (await call(gp, 'GET', '/api/coordination/care-plan-templates')).json() as { templates: Array<{ code: string; basis: string; activities: string[] }> };
    expect(templates.map((t) => t.code)).toEqual(['frailty-anticipatory', 'learning-disability', 'smi-physical-health', 'end-of-life']);
    for (const t of templates) expect(t.basis.length).toBeGreaterThan(20);
    expect(templates.find((t) => t.code === 'smi-physical-health')!.activities).toHaveLength(6);
  });

  it('the practice starts an end of life plan with the council in its team; plan, team and goals are written together, and the council may then see and change it', async () => {
    const made = await call(gp, 'POST', '/api/coordination/care-plans', endOfLifePlan(person));
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json() as PlanAnswer;
    expect(made.headers.location).toBe(`/api/coordination/care-plans/${plan.id}`);
    expect(plan).toMatchObject({
      title: 'End of life care plan',
      template: { code: 'end-of-life' },
      whatMattersToMe: 'Being at home with my cat, and my daughter nearby',
      reviewOn: '2099-02-01',
      endOfLife: { preferredPlaceOfCare: 'Home', preferredPlaceOfDeath: 'Home', resuscitation: { decision: 'do-not-attempt-cpr', date: '2026-11-20', madeBy: 'Dr Green, GP, with the person' } },
    });
    expect(plan.team.map((m) => plan.organisations[m.organisation])).toEqual(['Riverside Medical Practice', 'Wirral Council Adult Social Care']);
    expect(plan.goals.map((g) => g.description)).toEqual(['To stay at home', 'To see my granddaughter’s wedding in June']);
    expect(plan.history).toEqual([expect.objectContaining({ what: 'Plan started', by: 'Dr Green, GP practice clinician', organisationName: 'Riverside Medical Practice' })]);

    // FHIR as written: the CareTeam names the council on its behalf, the Goals are the person's words.
    const stored = await server.platform.record.read<CarePlan>(platformCtx, 'CarePlan', plan.id);
    const team = await server.platform.record.read<CareTeam>(platformCtx, 'CareTeam', stored.careTeam![0].reference!.split('/')[1]);
    expect(team.participant?.map((p) => p.onBehalfOf?.reference)).toEqual([`Organization/${practice.id}`, `Organization/${council.id}`]);
    const goal = await server.platform.record.read<Goal>(platformCtx, 'Goal', stored.goal![0].reference!.split('/')[1]);
    expect(goal.expressedBy?.reference).toBe(`Patient/${person.id}`);

    // Being in the care team is a care relationship: the council sees the plan and changes it.
    const seen = await call(socialWorker, 'GET', `/api/coordination/care-plans/${plan.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    const changed = await put(socialWorker, `/api/coordination/care-plans/${plan.id}`, { version: plan.version, contingency: 'If her daughter cannot visit, the council’s rapid response team calls' });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = changed.json() as PlanAnswer;
    expect(after.history.at(-1)).toMatchObject({ what: 'Changed: contingency plan', by: 'Sam Social, Social worker', organisationName: 'Wirral Council Adult Social Care' });
    // A stale version is refused.
    expect((await put(gp, `/api/coordination/care-plans/${plan.id}`, { version: plan.version, title: 'Mine' })).statusCode).toBe(409);

    const goalAdded = await call(gp, 'POST', `/api/coordination/care-plans/${plan.id}/goals`, { description: 'To be comfortable and free of pain' });
    expect(goalAdded.statusCode, goalAdded.body).toBe(201);
    expect((goalAdded.json() as PlanAnswer).history.at(-1)).toMatchObject({ what: 'Goal added: “To be comfortable and free of pain”', by: 'Dr Green, GP practice clinician' });

    const listed = (await call(gp, 'GET', `/api/coordination/patients/${person.id}/care-plans`)).json() as { carePlans: Array<{ id: string }> };
    expect(listed.carePlans.map((p) => p.id)).toContain(plan.id);
    // The hospital is neither in the team nor otherwise related: it sees nothing.
    expect((await call(hospital, 'GET', `/api/coordination/care-plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('starts a plan with no goals, activities or words yet, and a change that removes every activity leaves valid FHIR', async () => {
    const made = await call(gp, 'POST', '/api/coordination/care-plans', { patientId: person.id, template: 'frailty-anticipatory', reviewOn: '2099-03-01', team: [{ organisation: `Organization/${practice.id}`, name: 'Dr Green', role: 'GP' }], goals: [], activities: [] });
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json() as PlanAnswer;
    expect(plan.goals).toEqual([]);
    expect(plan.activities).toEqual([]);
    const stored = await server.platform.record.read<CarePlan>(platformCtx, 'CarePlan', plan.id);
    expect(stored.goal).toBeUndefined();
    expect(stored.activity).toBeUndefined();
    const added = await put(gp, `/api/coordination/care-plans/${plan.id}`, { version: plan.version, activities: [{ description: 'Falls risk assessment', owner: `Organization/${practice.id}` }] });
    expect(added.statusCode, added.body).toBe(200);
    const emptied = await put(gp, `/api/coordination/care-plans/${plan.id}`, { version: (added.json() as PlanAnswer).version, activities: [] });
    expect(emptied.statusCode, emptied.body).toBe(200);
    expect((emptied.json() as PlanAnswer).activities).toEqual([]);
    expect((emptied.json() as PlanAnswer).history.map((h) => h.what)).toEqual(['Plan started', 'Changed: activities', 'Changed: activities']);
  });

  it('refuses bad input naming every field, and writes nothing', async () => {
    const before = [await count('CarePlan'), await count('CareTeam'), await count('Goal')];
    const refused = await call(gp, 'POST', '/api/coordination/care-plans', { patientId: person.id, template: 'gardening', reviewOn: 'soon', team: [{ organisation: 'x y', name: '', role: 'GP' }], goals: [42] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().detail).toBe(
      'template must be one of frailty-anticipatory, learning-disability, smi-physical-health, end-of-life; reviewOn must be a date, YYYY-MM-DD; team[0].organisation must be an organisation (Organization/{id}); team[0].name is required; goals[0] must be the goal, in the person’s words',
    );
    const wrongPlace = await call(gp, 'POST', '/api/coordination/care-plans', endOfLifePlan(person, { template: 'frailty-anticipatory' }));
    expect(wrongPlace.json().detail).toMatch(/endOfLife belongs only on an end of life plan/);
    const future = await call(gp, 'POST', '/api/coordination/care-plans', endOfLifePlan(person, { endOfLife: { resuscitation: { decision: 'do-not-attempt-cpr', date: '2099-01-01', madeBy: 'Dr Green' } } }));
    expect(future.json().detail).toMatch(/cannot be in the future/);
    const unknownOrg = await call(gp, 'POST', '/api/coordination/care-plans', endOfLifePlan(person, { team: [{ organisation: 'Organization/nowhere', name: 'X', role: 'Y' }] }));
    expect(unknownOrg.statusCode).toBe(400);
    for (const body of [null, [], 'plan']) expect((await call(gp, 'POST', '/api/coordination/care-plans', body)).statusCode).toBe(400);
    expect([await count('CarePlan'), await count('CareTeam'), await count('Goal')]).toEqual(before);
  });

  it('plans only for people the practice may see, never adds an organisation the person has kept out, and refuses a role without care coordination', async () => {
    expect((await call(gp, 'POST', '/api/coordination/care-plans', endOfLifePlan(stranger))).statusCode).toBe(404);
    const kept = await call(gp, 'POST', '/api/coordination/care-plans', endOfLifePlan(private_));
    expect(kept.statusCode, kept.body).toBe(409);
    expect(kept.json().detail).toMatch(/cannot join their care team\. Nothing has been saved/);
    expect((await call(analyst, 'GET', '/api/coordination/care-plan-templates')).statusCode).toBe(403);
  });
});
