import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization, Patient, Task } from '@footprint/fhir';
import { systemContext, TASK_TRANSITIONS } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { createClient } from '../src/auth/clients';
import { callAsStaff, signInStaff, startTestServer, storageKinds, testNhsNumber, type StaffSession, type TestServer } from './support';

type Status = Task['status'];
type Party = 'owner' | 'requester';
const platformCtx = systemContext('SYSADMIN', 'test-setup');
const FHIR_JSON = { 'content-type': 'application/fhir+json' };
/** Every status FHIR R4 gives a Task. */
const ALL_STATUSES: Status[] = ['draft', 'requested', 'received', 'accepted', 'rejected', 'ready', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error'];
/** The moves a member of staff makes on the worklist (POST /api/coordination/tasks/{id}/status). */
const STAFF_MOVES: Status[] = ['accepted', 'rejected', 'in-progress', 'on-hold', 'completed', 'failed', 'cancelled'];
/** How to reach each status a referral can be in, and who makes each step. */
const PATHS: Partial<Record<Status, Array<[Status, Party]>>> = {
  requested: [],
  accepted: [['accepted', 'owner']],
  'in-progress': [['accepted', 'owner'], ['in-progress', 'owner']],
  'on-hold': [['accepted', 'owner'], ['in-progress', 'owner'], ['on-hold', 'owner']],
  rejected: [['rejected', 'owner']],
  cancelled: [['cancelled', 'requester']],
  completed: [['accepted', 'owner'], ['completed', 'owner']],
  failed: [['accepted', 'owner'], ['in-progress', 'owner'], ['failed', 'owner']],
};
const REASON = 'Not a service we provide';

/**
 * The referral's state machine through both ways in (issue 14 §5): every legal change is made by
 * its party, and refused to the other (403); every illegal change is refused (409) to both, through
 * the staff API the worklist uses and through the FHIR API partner systems use, on real storage.
 */
describe.each(storageKinds)('every legal and illegal change of a referral, through the staff API and FHIR, on %s', (kind) => {
  let server: TestServer;
  let staff: Record<Party, StaffSession>;
  let fhir: Record<Party, Record<string, string>>;
  let patient: Patient;
  let council: Organization;

  beforeAll(async () => {
    server = await startTestServer(kind, { subscriptions: false });
    const create = async <T extends Organization | Patient>(r: T) => (await server.platform.record.create<T>(platformCtx, r)).resource;
    const practice = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Riverside Medical Practice' });
    council = await create<Organization>({ resourceType: 'Organization', active: true, name: 'Wirral Council Adult Social Care' });
    patient = await create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7201) }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] });
    await upsertUser(server.platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Green', password: 'gp password', organisation: { code: 'N81001', name: practice.name!, reference: `Organization/${practice.id}` } });
    await upsertUser(server.platform.sql, { username: 'sw', role: 'social_worker', displayName: 'Sam Social', password: 'sw password', organisation: { code: 'WIR01', name: council.name!, reference: `Organization/${council.id}` } });
    staff = { requester: await signInStaff(server.app, 'gp', 'gp password'), owner: await signInStaff(server.app, 'sw', 'sw password') };
    const bearer = async (name: string, organisation: Organization) => {
      const { client, secret } = await createClient(server.platform.sql, { name, organisation: `Organization/${organisation.id}`, scopes: ['system/Task.rus'], purpose: 'TREAT' });
      const token = (await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } })).json() as { access_token: string };
      return { authorization: `Bearer ${token.access_token}` };
    };
    fhir = { requester: await bearer('Practice system', practice), owner: await bearer('Council case management', council) };
  }, 300_000);
  afterAll(async () => server?.close());

  const staffMove = (by: Party, taskId: string, status: Status) => callAsStaff(server.app, staff[by], 'POST', `/api/coordination/tasks/${taskId}/status`, { status, reason: REASON });
  const fhirMove = async (by: Party, taskId: string, status: Status) => {
    const task = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Task/${taskId}`, headers: fhir[by] })).json() as Task;
    return server.app.inject({ method: 'PUT', url: `/fhir/R4/Task/${taskId}`, headers: { ...fhir[by], ...FHIR_JSON }, payload: { ...task, status, statusReason: { text: REASON } } });
  };
  /** A new referral from the practice to the council, moved through the staff API to `status`. */
  async function referralIn(status: Status): Promise<string> {
    const made = await callAsStaff(server.app, staff.requester, 'POST', '/api/coordination/referrals', { patientId: patient.id, to: `Organization/${council.id}`, category: 'adult-social-care', reason: 'Assessment for a care package' });
    expect(made.statusCode, made.body).toBe(201);
    const { taskId } = made.json() as { taskId: string };
    for (const [next, by] of PATHS[status]!) expect((await staffMove(by, taskId, next)).statusCode, `reaching ${status}`).toBe(200);
    return taskId;
  }

  for (const from of Object.keys(PATHS) as Status[]) {
    it(`from ${from}: each legal change by its party only, every other refused`, async () => {
      const legal = TASK_TRANSITIONS[from] ?? [];
      for (const to of ALL_STATUSES.filter((s) => s !== from)) {
        const move = legal.find((t) => t.to === to);
        for (const [channel, moveBy] of [['staff API', staffMove], ['FHIR', fhirMove]] as const) {
          const taskId = await referralIn(from);
          const offStaffMenu = channel === 'staff API' && !STAFF_MOVES.includes(to);
          if (!move) {
            for (const by of ['owner', 'requester'] as const) {
              const refused = await moveBy(by, taskId, to);
              expect(refused.statusCode, `${channel}: ${from} → ${to} by the ${by}`).toBe(offStaffMenu ? 400 : 409);
              expect(refused.headers['content-type']).toMatch(channel === 'FHIR' ? /application\/fhir\+json/ : /application\/problem\+json/);
            }
            continue;
          }
          const other: Party = move.by === 'owner' ? 'requester' : 'owner';
          expect((await moveBy(other, taskId, to)).statusCode, `${channel}: ${from} → ${to} by the ${other}`).toBe(403);
          const done = await moveBy(move.by, taskId, to);
          expect(done.statusCode, `${channel}: ${from} → ${to} by the ${move.by}: ${done.body}`).toBe(200);
          const now = (await server.platform.record.read<Task>(platformCtx, 'Task', taskId)).status;
          expect(now, `${channel}: ${from} → ${to}`).toBe(to);
        }
      }
    }, 120_000);
  }
});
