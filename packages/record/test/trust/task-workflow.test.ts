import type { Patient, ServiceRequest, Task } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import { staffContext, type StaffRole } from '../../src/access/staff-policy';
import { TASK_TRANSITIONS, type TaskStatus } from '../../src/access/task-workflow';
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

const ALL_STATUSES: TaskStatus[] = ['draft', 'requested', 'received', 'accepted', 'rejected', 'ready', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error'];
/** How to reach each status a Task can be in, from `requested`, and who makes each step. */
const PATHS: Partial<Record<TaskStatus, Array<[TaskStatus, 'owner' | 'requester']>>> = {
  requested: [],
  accepted: [['accepted', 'owner']],
  'in-progress': [['accepted', 'owner'], ['in-progress', 'owner']],
  'on-hold': [['accepted', 'owner'], ['in-progress', 'owner'], ['on-hold', 'owner']],
  rejected: [['rejected', 'owner']],
  cancelled: [['cancelled', 'requester']],
  completed: [['accepted', 'owner'], ['completed', 'owner']],
  failed: [['accepted', 'owner'], ['in-progress', 'owner'], ['failed', 'owner']],
};
const REASON = { text: 'Not a service we provide' };

/**
 * The state machine of a Task between partners (task-workflow.ts, docs/coordination.md §4), in the
 * record itself, so every route obeys it: every legal change by the party it belongs to, and every
 * illegal one refused with the right status, through the Repository a FHIR client and the staff API share.
 */
describe('the life of a referral Task: every legal and every illegal change of state', () => {
  let record: OpenRecord;
  let zoe: Patient;
  const gp = staff('gp_clinician', 'dr-patel', PRACTICE);
  const council = staff('social_worker', 'sam', COUNCIL);
  const elsewhere = staff('hospital_clinician', 'dr-far', OTHER_TRUST);
  const party = { owner: council, requester: gp };

  /** A referral from the practice to the council: the ServiceRequest relates the council to Zoe. */
  async function referral(status: TaskStatus = 'requested'): Promise<Task> {
    const request = (
      await record.repo.create<ServiceRequest>(gp, { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: `Patient/${zoe.id}` }, performer: [{ reference: COUNCIL }] })
    ).resource;
    const task: Task = {
      resourceType: 'Task',
      status,
      intent: 'order',
      focus: { reference: `ServiceRequest/${request.id}` },
      for: { reference: `Patient/${zoe.id}` },
      requester: { reference: PRACTICE },
      owner: { reference: COUNCIL },
      description: 'Assessment for a care package',
    };
    return (await record.repo.create(gp, task)).resource;
  }

  async function taskIn(status: TaskStatus): Promise<Task> {
    let task = await referral();
    for (const [next, by] of PATHS[status]!) {
      task = (await record.repo.update(party[by], { ...task, status: next, ...(next === 'rejected' || next === 'failed' ? { statusReason: REASON } : {}) })).resource;
    }
    expect(task.status).toBe(status);
    return task;
  }

  beforeAll(async () => {
    record = await openTestRecord('pglite');
    zoe = (await record.repo.create<Patient>(admin, { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber() }], generalPractitioner: [{ reference: PRACTICE }] })).resource;
  });
  afterAll(() => record.close());

  for (const from of Object.keys(PATHS) as TaskStatus[]) {
    it(`from ${from}: each status it may become, only by its party; every other refused with 409`, async () => {
      const legal = TASK_TRANSITIONS[from] ?? [];
      for (const to of ALL_STATUSES.filter((s) => s !== from)) {
        const move = legal.find((t) => t.to === to);
        const change = (t: Task): Task => ({ ...t, status: to, statusReason: REASON });
        if (!move) {
          const task = await taskIn(from);
          expect(await statusOf(record.repo.update(council, change(task))), `${from} → ${to} by the owner`).toBe(409);
          expect(await statusOf(record.repo.update(gp, change(task))), `${from} → ${to} by the requester`).toBe(409);
          continue;
        }
        const other = move.by === 'owner' ? 'requester' : 'owner';
        const task = await taskIn(from);
        expect(await statusOf(record.repo.update(party[other], change(task))), `${from} → ${to} by the ${other}`).toBe(403);
        const done = await record.repo.update(party[move.by], change(task));
        expect(done.resource.status, `${from} → ${to} by the ${move.by}`).toBe(to);
      }
    });
  }

  it('a new Task starts as requested (or draft) and names the organisation asked to do it', async () => {
    expect(await statusOf(referral('accepted'))).toBe(422);
    expect(await statusOf(referral('completed'))).toBe(422);
    expect((await referral('draft')).status).toBe('draft');
    const ownerless: Task = { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: `Patient/${zoe.id}` }, requester: { reference: PRACTICE } };
    expect(await statusOf(record.repo.create(gp, ownerless))).toBe(422);
    // Nobody asks in another organisation's name.
    expect(await statusOf(record.repo.create(gp, { ...ownerless, owner: { reference: COUNCIL }, requester: { reference: OTHER_TRUST } }))).toBe(422);
    // Update-as-create obeys the same rule.
    expect(await statusOf(record.repo.update(gp, { ...ownerless, id: 'made-up-task', owner: { reference: COUNCIL }, status: 'completed' }))).toBe(422);
  });

  it('a rejection or a failure says why', async () => {
    const task = await referral();
    expect(await statusOf(record.repo.update(council, { ...task, status: 'rejected' }))).toBe(422);
    const rejected = await record.repo.update(council, { ...task, status: 'rejected', statusReason: REASON });
    expect(rejected.resource.statusReason?.text).toBe(REASON.text);
  });

  it('the owner moves the Task on but does not rewrite the request; the requester edits it only until accepted', async () => {
    const task = await referral();
    expect(await statusOf(record.repo.update(council, { ...task, description: 'Something else' }))).toBe(403);
    expect(await statusOf(record.repo.update(council, { ...task, for: { reference: 'Patient/someone-else' } }))).toBe(422);
    expect(await statusOf(record.repo.update(gp, { ...task, owner: { reference: OTHER_TRUST } }))).toBe(422);
    const edited = (await record.repo.update(gp, { ...task, description: 'Assessment, and a carers assessment for her husband' })).resource;
    const accepted = (await record.repo.update(council, { ...edited, status: 'accepted', note: [{ text: 'Assessor visiting Tuesday' }] })).resource;
    expect(await statusOf(record.repo.update(gp, { ...accepted, description: 'Changed my mind' }))).toBe(409);
    expect(await statusOf(record.repo.update(gp, { ...accepted, note: [{ text: 'Assessor visiting Monday' }] }))).toBe(422);
    expect(await statusOf(record.repo.update(gp, { ...accepted, output: [{ type: { text: 'outcome' }, valueString: 'done' }] }))).toBe(403);
    const noted = await record.repo.update(gp, { ...accepted, note: [...accepted.note!, { text: 'She prefers mornings' }] });
    expect(noted.resource.note).toHaveLength(2);
  });

  it('a finished Task takes notes but no other change', async () => {
    const done = await taskIn('completed');
    expect(await statusOf(record.repo.update(council, { ...done, output: [{ type: { text: 'outcome' }, valueString: 'package started' }] }))).toBe(409);
    expect((await record.repo.update(council, { ...done, note: [{ text: 'Reviewed at six weeks' }] })).resource.note).toHaveLength(1);
  });

  it('an organisation that is neither owner nor requester changes nothing, and cannot see the Task at all without a relationship', async () => {
    const task = await referral();
    expect(await statusOf(record.repo.update(elsewhere, { ...task, status: 'accepted' }))).toBe(404);
    expect((await record.repo.read<Task>(gp, 'Task', task.id!)).status).toBe('requested');
  });
});
