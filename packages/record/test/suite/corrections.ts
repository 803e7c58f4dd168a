import type { Bundle, Task } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import { staffContext } from '../../src/access/staff-policy';
import { RECORD_CORRECTION, TASK_TYPE_SYSTEM } from '../../src/access/trust-codes';
import type { Repository } from '../../src/repository';
import type { SuiteOptions } from './context';
import { statusOf } from './crud';
import { seedFootprint, type Footprint } from './fixtures';
import { useRecord } from './lifecycle';

/** A person's context as the patient pages build it: their compartment, and correction requests. */
function person(id: string, nhsNumber: string, scopes = ['patient/*.rs', 'patient/Task.c']): AccessContext {
  return { principal: { kind: 'patient', id, nhsNumber }, scopes, purpose: 'TREAT' };
}

export function correctionTests(options: SuiteOptions): void {
  describe('correction requests: a person asks the recording organisation, its staff answer (decided in the record)', () => {
    const record = useRecord(options);
    let repo: Repository;
    let f: Footprint;
    let zoe: AccessContext;
    const owner = () => `Organization/${f.org.id}`;
    const request = (over: Partial<Task> = {}): Task => ({
      resourceType: 'Task',
      status: 'requested',
      intent: 'order',
      code: { coding: [{ system: TASK_TYPE_SYSTEM, code: RECORD_CORRECTION }] },
      for: { reference: `Patient/${f.zoe.id}` },
      requester: { reference: `Patient/${f.zoe.id}` },
      owner: { reference: owner() },
      focus: { reference: `Condition/${f.diabetes.id}` },
      description: 'I have never been told I have diabetes',
      authoredOn: '2026-12-01T10:00:00Z',
      ...over,
    });
    const clinician = (organisation: string) =>
      staffContext({ id: 'u1', displayName: 'Dr Okafor', role: 'gp_clinician', organisation: { reference: organisation, code: 'A81001' } }, 'TREAT');

    beforeAll(async () => {
      repo = record().repo;
      f = await seedFootprint(repo);
      zoe = person(f.zoe.id!, f.nhs[0]);
    });

    it('lets a person ask for a correction of their own record, and nothing else', async () => {
      const created = await repo.create(zoe, request());
      expect(created.outcome).toBe('created');
      expect((await repo.read<Task>(zoe, 'Task', created.resource.id!)).status).toBe('requested');
      // Someone else's record, a Task of another kind, a request in someone else's name.
      expect(await statusOf(repo.create(zoe, request({ for: { reference: `Patient/${f.raj.id}` }, requester: { reference: `Patient/${f.raj.id}` } })))).toBe(403);
      expect(await statusOf(repo.create(zoe, request({ code: { text: 'do something' } })))).toBe(403);
      expect(await statusOf(repo.create(zoe, request({ requester: { reference: `Patient/${f.raj.id}` } })))).toBe(403);
      // Malformed requests name the problem.
      expect(await statusOf(repo.create(zoe, request({ description: '  ' })))).toBe(400);
      expect(await statusOf(repo.create(zoe, request({ status: 'completed' })))).toBe(400);
      expect(await statusOf(repo.create(zoe, request({ owner: { reference: `Patient/${f.zoe.id}` } })))).toBe(400);
      // Without the correction scope (a SMART app holding only patient/*.rs) a person's token creates nothing.
      expect(await statusOf(repo.create(person(f.zoe.id!, f.nhs[0], ['patient/*.rs']), request()))).toBe(403);
      // Nor through a transaction.
      const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: request({ code: { text: 'other' } }), request: { method: 'POST', url: 'Task' } }] };
      expect(await statusOf(repo.processBundle(zoe, bundle))).toBe(403);
      // Another person cannot see it.
      const raj = person(f.raj.id!, f.nhs[1]);
      expect(await statusOf(repo.read(raj, 'Task', created.resource.id!))).toBe(404);
    });

    it('lets staff of the organisation asked answer it, with a note, and changes nothing else', async () => {
      const { resource: asked } = await repo.create(zoe, request());
      const staff = clinician(owner());
      const open = await repo.search(staff, 'Task', [['owner', owner()], ['code', `${TASK_TYPE_SYSTEM}|${RECORD_CORRECTION}`], ['status', 'requested']]);
      expect(open.matches.map((t) => t.id)).toContain(asked.id);
      // Staff may not change other resources, nor other fields, nor answer without a note.
      expect(await statusOf(repo.update(staff, f.diabetes))).toBe(403);
      expect(await statusOf(repo.update(staff, { ...asked, status: 'completed', focus: { reference: `Condition/${f.hypertension.id}` }, note: [{ text: 'Done' }] }))).toBe(400);
      expect(await statusOf(repo.update(staff, { ...asked, status: 'completed' }))).toBe(400);
      // Another organisation's staff are told it does not exist.
      expect(await statusOf(repo.update(clinician('Organization/elsewhere'), { ...asked, status: 'rejected', note: [{ text: 'No' }] }))).toBe(404);
      // An analyst (no direct care) cannot answer at all.
      const analyst = staffContext({ id: 'u2', displayName: 'A', role: 'analyst', organisation: { reference: owner(), code: 'A81001' } }, 'TREAT');
      expect(await statusOf(repo.update(analyst, { ...asked, status: 'rejected', note: [{ text: 'No' }] }))).toBe(403);

      const answered = await repo.update(staff, { ...asked, status: 'completed', note: [{ text: 'We have corrected the diagnosis', authorString: 'Riverside Medical Practice' }] });
      expect(answered.outcome).toBe('updated');
      const seen = await repo.read<Task>(zoe, 'Task', asked.id!);
      expect(seen.status).toBe('completed');
      expect(seen.note?.[0]?.text).toBe('We have corrected the diagnosis');
      // Answered once.
      expect(await statusOf(repo.update(staff, { ...seen, status: 'rejected', note: [...(seen.note ?? []), { text: 'Changed my mind' }] }))).toBe(400);
    });
  });
}
