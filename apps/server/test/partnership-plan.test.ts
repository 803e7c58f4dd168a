import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { MILESTONE, PartnershipStore, SEED_PLAN_IDS, type PlanList, type PlanTree, type ProgrammeAnswer } from '@footprint/partnership';
import { upsertUser } from '../src/api/auth/users';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import { startTestServer, storageKinds, type TestServer } from './support';

const ONS = 'http://statistics.data.gov.uk/id/statistical-geography';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';
const PLAN = SEED_PLAN_IDS.cheshireAndMerseyside2021;
const PROGRAMME = `${PLAN}-programme-0101-early-diagnosis`;
const MILESTONE_ID = `${PROGRAMME}-m02`;

/** The plan's staff API with real sessions: reads, versioned edits, stale and bad writes, roles. */
describe.each(storageKinds)('the partnership plan API on %s', (kind) => {
  let server: TestServer;
  type Who = { cookie: string; csrf: string };
  let lead: Who;
  let clinician: Who;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { platform } = server;
    const ctx = systemContext();
    const org = async (name: string, identifier: Organization['identifier'], kindCode: string) =>
      (await platform.record.create<Organization>(ctx, { resourceType: 'Organization', name, identifier, type: [{ coding: [{ system: KIND, code: kindCode }] }] })).resource;
    const body = await org('Cheshire and Merseyside Health and Care Partnership', [{ system: ODS, value: 'QYG' }, { system: ONS, value: 'E54000008' }], 'partnership');
    await org('Royal Liverpool University Hospital', [{ system: ODS, value: 'RQ6' }], 'acute_trust');
    expect(await seedPartnershipDemo(platform)).toBe(true);
    const at = { code: 'QYG', name: body.name!, reference: `Organization/${body.id}` };
    await upsertUser(platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation: at });
    await upsertUser(platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Gee', password: 'gp password', organisation: at });
    lead = await signIn('lead', 'lead password');
    clinician = await signIn('gp', 'gp password');
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    server.app.inject({ method, url: `/api/partnership${url}`, headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const milestoneUrl = `/plans/${PLAN}/milestones/${MILESTONE_ID}`;
  const currentMilestone = async () => (await new PartnershipStore(server.platform.sql).get(MILESTONE, MILESTONE_ID));

  it('lists the footprint’s plans and reads one version’s tree, with lead organisations named from the record', async () => {
    expect((await call(null, 'GET', '/plans')).statusCode).toBe(401);
    const list = (await call(clinician, 'GET', '/plans')).json() as PlanList;
    expect(list).toMatchObject({ footprint: { onsCode: 'E54000008' }, current: PLAN });
    expect(list.plans.map((p) => p.data.version)).toEqual(['2021 ambitions', '2016 STP']);
    const tree = (await call(clinician, 'GET', `/plans/${PLAN}`)).json() as PlanTree;
    expect(tree.ambitions).toHaveLength(7);
    expect(tree.priorities[0].programmes[0]).toMatchObject({ id: PROGRAMME, leadOrganisationName: 'Royal Liverpool University Hospital' });
    const programme = (await call(clinician, 'GET', `/plans/${PLAN}/programmes/${PROGRAMME}`)).json() as ProgrammeAnswer;
    expect(programme).toMatchObject({ priority: { data: { name: 'Cancer, heart disease and stroke' } }, programme: { data: { name: 'Early cancer diagnosis' } } });
    expect(programme.programme.milestones).toHaveLength(3);
    // Another footprint's plan is not this instance's.
    expect((await call(clinician, 'GET', `/plans/${SEED_PLAN_IDS.lancashireAndSouthCumbria}`)).statusCode).toBe(404);
    const register = (await call(clinician, 'GET', `/plans/${PLAN}/risks`)).json() as { risks: Array<{ score: number }> };
    expect(register.risks[0].score).toBe(16);
  });

  it('lets a partnership lead change a milestone, refuses a stale or bad change with the field named, and loses nothing', async () => {
    const before = await currentMilestone();
    const data = { ...before.data, status: 'on-track', due: '2027-01-31' };
    const saved = await call(lead, 'PUT', milestoneUrl, { ifVersion: before.version, data });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: before.version + 1, data: { status: 'on-track', due: '2027-01-31' } });

    const stale = await call(lead, 'PUT', milestoneUrl, { ifVersion: before.version, data: { ...data, status: 'complete' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ status: 409, title: 'Changed since you opened it' });

    const refusals: Array<[unknown, number, string]> = [
      [{ data }, 400, 'ifVersion: is required: send the version you last read, so a change made since is not overwritten.'],
      [{ ifVersion: 'two', data }, 400, 'ifVersion: must be a whole number of 1 or more (the item’s version).'],
      [{ ifVersion: before.version + 1, data: { ...data, due: '31/01/2027' } }, 400, 'due: must be a date written YYYY-MM-DD'],
      [{ ifVersion: before.version + 1, data: { ...data, status: 'late' } }, 400, 'status: must be one of not-started, on-track, at-risk, delayed, complete'],
      [{ ifVersion: before.version + 1, data: { ...data, overdue: false } }, 400, 'milestone: Unrecognized key: "overdue"'],
      [{ ifVersion: before.version + 1 }, 400, 'data: must be a JSON object with the milestone’s fields.'],
    ];
    for (const [payload, status, detail] of refusals) {
      const refused = await call(lead, 'PUT', milestoneUrl, payload);
      expect([refused.statusCode, refused.json().detail]).toEqual([status, detail]);
    }
    expect((await call(lead, 'PUT', milestoneUrl, [])).statusCode).toBe(400);
    const after = await currentMilestone();
    expect([after.version, after.data.status, after.data.due]).toEqual([before.version + 1, 'on-track', '2027-01-31']);
    const history = await new PartnershipStore(server.platform.sql).history(MILESTONE_ID);
    expect(history[0]).toMatchObject({ change: 'updated', changedFields: ['due', 'status'], changedBy: { name: 'Pat Lead', role: 'partnership_lead' } });
  });

  it('refuses a clinician’s change (403) while letting them read', async () => {
    const before = await currentMilestone();
    const refused = await call(clinician, 'PUT', milestoneUrl, { ifVersion: before.version, data: { ...before.data, status: 'complete', completed: '2026-01-01' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ title: 'Not allowed for your role' });
    expect((await call(clinician, 'POST', `/plans/${PLAN}/ambitions`, { data: {} })).statusCode).toBe(403);
    expect((await call(clinician, 'DELETE', `${milestoneUrl}?ifVersion=${before.version}`)).statusCode).toBe(403);
    expect((await currentMilestone()).version).toBe(before.version);
  });

  it('creates and deletes items under the right parent, checks lead organisations against the record, and names what is wrong', async () => {
    const priorityId = `${PLAN}-priority-01-cancer-cvd`;
    const unknownLead = await call(lead, 'POST', `/plans/${PLAN}/programmes`, { parentId: priorityId, data: { name: 'Screening', leadOrganisation: 'RZZ' } });
    expect([unknownLead.statusCode, unknownLead.json().detail]).toEqual([400, 'leadOrganisation: no organisation in the record has ODS code RZZ.']);
    const created = await call(lead, 'POST', `/plans/${PLAN}/programmes`, { parentId: priorityId, data: { name: 'Screening', leadOrganisation: 'RQ6', places: ['E08000012'] } });
    expect(created.statusCode).toBe(201);
    const programmeId = created.json().id as string;
    const milestone = await call(lead, 'POST', `/plans/${PLAN}/milestones`, { parentId: programmeId, data: { name: 'Bowel screening from 50', due: '2027-04-01', status: 'not-started' } });
    expect(milestone.statusCode).toBe(201);
    expect((await call(lead, 'POST', `/plans/${PLAN}/milestones`, { data: { name: 'No parent', due: '2027-04-01', status: 'not-started' } })).json().detail).toBe('parentId must name a programme, not a plan.');
    const elsewhere = await call(lead, 'POST', `/plans/${PLAN}/milestones`, { parentId: `${SEED_PLAN_IDS.lancashireAndSouthCumbria}-programme-0101-fylde-coast`, data: { name: 'X', due: '2027-04-01', status: 'not-started' } });
    expect(elsewhere.statusCode).toBe(404);
    expect((await call(lead, 'POST', `/plans/${PLAN}/budgets`, { data: {} })).statusCode).toBe(404);
    expect((await call(lead, 'GET', `/plans/${PLAN}/milestones/${PROGRAMME}`)).statusCode).toBe(404);
    expect((await call(lead, 'DELETE', `/plans/${PLAN}/programmes/${programmeId}?ifVersion=1`)).statusCode).toBe(409);
    expect((await call(lead, 'DELETE', `/plans/${PLAN}/milestones/${milestone.json().id}`)).statusCode).toBe(400);
    expect((await call(lead, 'DELETE', `/plans/${PLAN}/milestones/${milestone.json().id}?ifVersion=1`)).statusCode).toBe(200);
    expect((await call(lead, 'DELETE', `/plans/${PLAN}/programmes/${programmeId}?ifVersion=1`)).json()).toMatchObject({ deleted: true, version: 2 });
  });

  it('exports ambitions, milestones and risks as CSV', async () => {
    for (const [file, column] of [['ambitions', 'triple_aim_gap'], ['milestones', 'overdue'], ['risks', 'band']] as const) {
      const csv = await call(clinician, 'GET', `/plans/${PLAN}/${file}.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.split('\r\n')[0]).toContain(column);
    }
    expect((await call(clinician, 'GET', `/plans/${PLAN}/ambitions.csv`)).body).toContain('Fewer people dying from cancer, heart attacks and strokes');
  });

  it('starts a new version from the current one, superseding it', async () => {
    const tree = (await call(lead, 'GET', `/plans/${PLAN}`)).json() as PlanTree;
    expect((await call(lead, 'POST', `/plans/${PLAN}/versions`, { version: '' })).json()).toMatchObject({ status: 400, detail: 'version: must not be empty' });
    expect((await call(lead, 'POST', `/plans/${PLAN}/versions`, { version: '2025 refresh', ifVersion: tree.plan.version + 5 })).statusCode).toBe(409);
    const created = await call(lead, 'POST', `/plans/${PLAN}/versions`, { version: '2025 refresh', published: '2025-04-01', ifVersion: tree.plan.version });
    expect(created.statusCode).toBe(201);
    const list = (await call(lead, 'GET', '/plans')).json() as PlanList;
    expect(list.current).toBe(created.json().id);
    expect(list.plans.find((p) => p.id === PLAN)?.data).toMatchObject({ status: 'superseded', supersededBy: created.json().id });
    const copy = (await call(lead, 'GET', `/plans/${created.json().id}`)).json() as PlanTree;
    expect(copy.ambitions.map((a) => a.data.statement)).toEqual(tree.ambitions.map((a) => a.data.statement));
  });
});
