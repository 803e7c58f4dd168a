import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consent, Organization, Patient, ServiceRequest, Task } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { createClient } from '../src/auth/clients';
import { callAsStaff, sharingChoice, signInStaff, startTestServer, storageKinds, testNhsNumber, type StaffSession, type TestServer } from './support';

type Who = StaffSession;
const FHIR_JSON = { 'content-type': 'application/fhir+json' };
const platformCtx = systemContext('SYSADMIN', 'test-setup');

/**
 * Referrals and tasks between partners through the staff API and the FHIR API, with real sessions
 * on real storage (docs/coordination.md §4): the practice refers, the council's worklist shows it,
 * the council moves it on and the practice sees each change; every illegal change is refused with
 * a clear problem, and the person's sharing choice stops a referral that could not reach its receiver.
 */
describe.each(storageKinds)('referrals and tasks between partners on %s', (kind) => {
  let server: TestServer;
  let gp: Who;
  let socialWorker: Who;
  let practice: Organization;
  let council: Organization;
  let zoe: Patient;
  let private_: Patient;
  let stranger: Patient;

  const create = async <T extends Organization | Patient | Consent>(resource: T): Promise<T> => (await server.platform.record.create<T>(platformCtx, resource)).resource;
  const call = (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) => callAsStaff(server.app, who, method, url, payload);
  const problem = (response: Awaited<ReturnType<typeof call>>, status: number) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json() as { title: string; detail?: string };
  };
  const count = async (type: string) => Number((await server.platform.sql.query<{ n: string }>('SELECT count(*) AS n FROM resource WHERE resource_type = $1 AND NOT deleted', [type])).rows[0].n);
  const refer = (patient: Patient, extra: Record<string, unknown> = {}) =>
    call(gp, 'POST', '/api/coordination/referrals', { patientId: patient.id, to: `Organization/${council.id}`, category: 'adult-social-care', reason: 'Two falls at home this month; lives alone', dueDate: '2099-01-31', ...extra });
  const move = (who: Who, taskId: string, body: Record<string, unknown>) => call(who, 'POST', `/api/coordination/tasks/${taskId}/status`, body);

  beforeAll(async () => {
    server = await startTestServer(kind, { subscriptions: false });
    practice = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Riverside Medical Practice' });
    council = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Wirral Council Adult Social Care' });
    const patient = (seed: number): Patient => ({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(seed) }], name: [{ family: 'Quigley', given: ['Zoe'] }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] });
    zoe = await create(patient(7001));
    // The practice recorded this person's registration, so under their choice the practice still sees it.
    private_ = (await server.platform.record.create<Patient>({ ...platformCtx, organisation: { reference: `Organization/${practice.id}` } }, patient(7002))).resource;
    stranger = await create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7003) }] });
    await create<Consent>(sharingChoice(private_.id!, 'recording-organisation'));
    await upsertUser(server.platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Green', password: 'gp password', organisation: { code: 'N81001', name: practice.name!, reference: `Organization/${practice.id}` } });
    await upsertUser(server.platform.sql, { username: 'sw', role: 'social_worker', displayName: 'Sam Social', password: 'sw password', organisation: { code: 'WIR01', name: council.name!, reference: `Organization/${council.id}` } });
    gp = await signInStaff(server.app, 'gp', 'gp password');
    socialWorker = await signInStaff(server.app, 'sw', 'sw password');
  }, 300_000);
  afterAll(async () => server?.close());

  it('the practice refers; the council sees it on its worklist, moves it on, and the practice sees every change', async () => {
    const made = await refer(zoe);
    expect(made.statusCode, made.body).toBe(201);
    const { taskId } = made.json() as { taskId: string };

    const incoming = (await call(socialWorker, 'GET', '/api/coordination/worklist?direction=incoming')).json();
    const row = incoming.items.find((i: { taskId: string }) => i.taskId === taskId);
    expect(row).toMatchObject({ status: 'requested', statusLabel: 'Waiting to be accepted', categoryLabel: 'Adult social care', from: { name: 'Riverside Medical Practice' }, patient: { name: 'Zoe Quigley' }, overdue: false });
    expect(row.moves).toEqual(['accepted', 'rejected']);
    const outgoing = (await call(gp, 'GET', '/api/coordination/worklist?direction=outgoing')).json();
    expect(outgoing.items.find((i: { taskId: string }) => i.taskId === taskId).moves).toEqual(['cancelled']);

    // The practice cannot accept its own referral; the council cannot jump to completed.
    expect(problem(await move(gp, taskId, { status: 'accepted' }), 403).detail).toMatch(/addressed to/);
    expect(problem(await move(socialWorker, taskId, { status: 'completed' }), 409).detail).toMatch(/requested can become accepted, rejected, cancelled, not completed/);
    for (const status of ['accepted', 'in-progress', 'completed']) {
      const moved = await move(socialWorker, taskId, { status, note: `Council: ${status}` });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const detail = (await call(gp, 'GET', `/api/coordination/tasks/${taskId}`)).json();
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['requested', 'accepted', 'in-progress', 'completed']);
    expect(detail.history[1]).toMatchObject({ organisation: `Organization/${council.id}`, organisationName: 'Wirral Council Adult Social Care' });
    expect(detail.notes.map((n: { text: string }) => n.text)).toEqual(['Council: accepted', 'Council: in-progress', 'Council: completed']);
    expect(detail.notes[0].author).toBe('Sam Social');
    expect(problem(await move(socialWorker, taskId, { status: 'in-progress' }), 409).detail).toMatch(/completed and cannot become in-progress/);
  });

  it('a rejection needs a reason, which the practice sees, and ends the council’s access from the referral', async () => {
    const { taskId } = (await refer(zoe)).json() as { taskId: string };
    problem(await move(socialWorker, taskId, { status: 'rejected' }), 400);
    expect((await move(socialWorker, taskId, { status: 'rejected', reason: 'Not eligible: refer to the falls service' })).statusCode).toBe(200);
    const detail = (await call(gp, 'GET', `/api/coordination/tasks/${taskId}`)).json();
    expect(detail).toMatchObject({ status: 'rejected', statusReason: 'Not eligible: refer to the falls service' });
    const request = await server.platform.record.read<ServiceRequest>(platformCtx, 'ServiceRequest', (await server.platform.record.read<Task>(platformCtx, 'Task', taskId)).focus!.reference!.split('/')[1]);
    expect(request.status).toBe('revoked');
  });

  it('overdue items are marked', async () => {
    const { taskId } = (await refer(zoe, { dueDate: '2020-01-01' })).json() as { taskId: string };
    const incoming = (await call(socialWorker, 'GET', '/api/coordination/worklist')).json();
    expect(incoming.items[0]).toMatchObject({ taskId, overdue: true });
    expect(incoming.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input with every problem named, and writes nothing', async () => {
    const before = await count('Task');
    const bad = problem(await call(gp, 'POST', '/api/coordination/referrals', { patientId: 'not a valid id!', to: '', category: 'haircut', dueDate: '31/01/2027' }), 400);
    expect(bad.detail).toMatch(/patientId is not a record id/);
    expect(bad.detail).toMatch(/to is required/);
    expect(bad.detail).toMatch(/category must be one of/);
    expect(bad.detail).toMatch(/reason is required/);
    expect(bad.detail).toMatch(/dueDate must be a date/);
    expect(problem(await refer(zoe, { to: 'Organization/nowhere' }), 400).detail).toMatch(/no organisation/);
    problem(await move(socialWorker, 'no-such-task', { status: 'accepted' }), 404);
    problem(await move(socialWorker, 'x', { status: 'finished' }), 400);
    expect(await count('Task')).toBe(before);
  });

  it('refers nobody the practice has no care relationship with', async () => {
    const before = await count('Task');
    expect((await refer(stranger)).statusCode).toBe(403);
    expect(await count('Task')).toBe(before);
  });

  it('the person’s choice to share only with the recording organisation stops the referral, and the sender is told why', async () => {
    const before = await count('ServiceRequest');
    const refused = problem(await refer(private_), 409);
    expect(refused.title).toMatch(/sharing choice/);
    expect(refused.detail).toMatch(/only with the organisation that recorded it, so Wirral Council Adult Social Care could not read this referral. Nothing has been sent/);
    expect(await count('ServiceRequest')).toBe(before);
  });

  it('a partner system moves a Task on through FHIR under the same rules, with OperationOutcomes', async () => {
    const { taskId } = (await refer(zoe)).json() as { taskId: string };
    const { client, secret } = await createClient(server.platform.sql, { name: 'Council case management', organisation: `Organization/${council.id}`, scopes: ['system/Task.rus'], purpose: 'TREAT' });
    const token = (await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } })).json() as { access_token: string };
    const auth = { authorization: `Bearer ${token.access_token}` };
    const task = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Task/${taskId}`, headers: auth })).json() as Task;
    const jump = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Task/${taskId}`, headers: { ...auth, ...FHIR_JSON }, payload: { ...task, status: 'completed' } });
    expect(jump.statusCode).toBe(409);
    expect(jump.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'business-rule' }] });
    const accepted = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Task/${taskId}`, headers: { ...auth, ...FHIR_JSON }, payload: { ...task, status: 'accepted' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const outgoing = (await call(gp, 'GET', '/api/coordination/worklist?direction=outgoing')).json();
    expect(outgoing.items.find((i: { taskId: string }) => i.taskId === taskId).status).toBe('accepted');
  });
});
