import type { CarePlan, CareTeam, Observation, Patient, Task } from '@footprint/fhir';
import { RECORD_CORRECTION, TASK_TYPE_SYSTEM } from '../../src/access/trust-codes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import { staffContext, type StaffRole } from '../../src/access/staff-policy';
import type { OpenRecord } from '../../src/create-record';
import { openTestRecord } from '../engines';
import { admin, nhsNumber, NHS } from '../suite/context';
import { statusOf } from '../suite/crud';

const PRACTICE = 'Organization/practice';
const COUNCIL = 'Organization/council';
const OTHER_TRUST = 'Organization/other-trust';

function staff(role: StaffRole, id: string, organisation: string): AccessContext {
  return staffContext({ id, displayName: `User ${id}`, role, organisation: { code: 'X1', reference: organisation } }, 'TREAT');
}

/**
 * Care coordination's writes on the trust layer (docs/trust.md §1, docs/coordination.md): staff
 * create care plans, teams, goals, referrals, tasks and messages only for people their
 * organisation may see; the care team shares the plan; nothing else in the record becomes writable.
 */
describe('care coordination writes: within a care relationship, and shared by the care team', () => {
  let record: OpenRecord;
  let zoe: Patient;
  let stranger: Patient;
  const gp = staff('gp_clinician', 'dr-patel', PRACTICE);
  const socialWorker = staff('social_worker', 'sam', COUNCIL);
  const elsewhere = staff('hospital_clinician', 'dr-far', OTHER_TRUST);
  const plan = (patient: Patient, title: string): CarePlan => ({ resourceType: 'CarePlan', status: 'active', intent: 'plan', title, subject: { reference: `Patient/${patient.id}` } });
  const count = async (type: string) => Number((await record.sql.query<{ n: string }>('SELECT count(*) AS n FROM resource WHERE resource_type = $1', [type])).rows[0].n);

  beforeAll(async () => {
    record = await openTestRecord('pglite');
    zoe = (await record.repo.create<Patient>(admin, { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber() }], generalPractitioner: [{ reference: PRACTICE }] })).resource;
    stranger = (await record.repo.create<Patient>(admin, { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber() }] })).resource;
  });
  afterAll(() => record.close());

  it("a GP creates a care plan for a registered patient, stamped with the practice", async () => {
    const created = await record.repo.create(gp, plan(zoe, 'Frailty and anticipatory care'));
    expect(created.outcome).toBe('created');
    const stored = await record.repo.read<CarePlan>(gp, 'CarePlan', created.resource.id!);
    expect(stored.title).toBe('Frailty and anticipatory care');
  });

  it('refuses a care plan for someone the organisation has no care relationship with, writing nothing', async () => {
    const before = await count('CarePlan');
    expect(await statusOf(record.repo.create(gp, plan(stranger, 'Not mine')))).toBe(403);
    expect(await statusOf(record.repo.create(elsewhere, plan(zoe, 'Not ours')))).toBe(403);
    // Update-as-create into an unrelated person's record is the same create.
    expect(await statusOf(record.repo.update(gp, { ...plan(stranger, 'Still not mine'), id: 'made-up-id' }))).toBe(403);
    expect(await count('CarePlan')).toBe(before);
  });

  it('leaves the rest of the record read-only for staff', async () => {
    const obs: Observation = { resourceType: 'Observation', status: 'final', code: { text: 'blood pressure' }, subject: { reference: `Patient/${zoe.id}` } };
    expect(await statusOf(record.repo.create(gp, obs))).toBe(403);
  });

  it('the care team shares the plan: a council in the team updates the practice’s plan; an organisation outside it may not', async () => {
    const created = (await record.repo.create(gp, plan(zoe, 'Shared plan'))).resource;
    // Before the council is in the care team it has no relationship, so it cannot even see the plan.
    expect(await statusOf(record.repo.update(socialWorker, { ...created, description: 'council notes' }))).toBe(404);
    const team: CareTeam = {
      resourceType: 'CareTeam',
      status: 'active',
      subject: { reference: `Patient/${zoe.id}` },
      participant: [{ member: { reference: PRACTICE } }, { member: { reference: COUNCIL } }],
    };
    await record.repo.create(gp, team);
    const updated = await record.repo.update(socialWorker, { ...created, description: 'Council: care package started' });
    expect(updated.outcome).toBe('updated');
    // The history names who changed it, for which organisation.
    const versions = await record.repo.history(gp, { resourceType: 'CarePlan', id: created.id! });
    expect(versions.entries).toHaveLength(2);
    expect(await statusOf(record.repo.update(elsewhere, { ...updated.resource, description: 'far away' }))).toBe(404);
  });

  it('moving a plan into another person’s record needs access to that person too', async () => {
    const created = (await record.repo.create(gp, plan(zoe, 'Mine'))).resource;
    expect(await statusOf(record.repo.update(gp, { ...created, subject: { reference: `Patient/${stranger.id}` } }))).toBe(403);
  });

  it('a Task staff may write is still not a correction request: only the person asks for one', async () => {
    const task: Task = { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: `Patient/${zoe.id}` }, owner: { reference: PRACTICE }, requester: { reference: PRACTICE }, description: 'Call back about the blood test' };
    const created = (await record.repo.create(gp, task)).resource;
    const asCorrection = { ...created, code: { coding: [{ system: TASK_TYPE_SYSTEM, code: RECORD_CORRECTION }] } };
    expect(await statusOf(record.repo.update(gp, asCorrection))).toBe(403);
    expect((await record.repo.update(gp, { ...created, status: 'accepted' })).outcome).toBe('updated');
  });
});
