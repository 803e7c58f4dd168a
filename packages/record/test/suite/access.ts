import type { Observation, Patient } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import type { Repository } from '../../src/repository';
import { admin, client, type SuiteOptions } from './context';
import { statusOf } from './crud';
import { seedFootprint, type Footprint } from './fixtures';
import { useRecord } from './lifecycle';

export function accessTests(options: SuiteOptions): void {
  describe('SMART scopes and the access policy, enforced inside SQL', () => {
    const record = useRecord(options);
    let repo: Repository;
    let f: Footprint;
    beforeAll(async () => {
      repo = record().repo;
      f = await seedFootprint(repo);
    });

    it('each interaction needs its scope letter, else 403 with an OperationOutcome', async () => {
      const readOnly = client(['system/Patient.rs']);
      expect((await repo.read<Patient>(readOnly, 'Patient', f.zoe.id!)).id).toBe(f.zoe.id);
      expect((await repo.search(readOnly, 'Patient', [['_tag', f.tag]])).matches).toHaveLength(3);
      expect(await statusOf(repo.create<Patient>(readOnly, { resourceType: 'Patient' }))).toBe(403);
      expect(await statusOf(repo.update(readOnly, f.zoe))).toBe(403);
      expect(await statusOf(repo.delete(readOnly, 'Patient', f.zoe.id!))).toBe(403);
      expect(await statusOf(repo.read(readOnly, 'Observation', f.obs[0].id!))).toBe(403);
      expect(await statusOf(repo.search(readOnly, 'Observation', []))).toBe(403);
      const searchOnly = client(['system/Patient.s']);
      expect(await statusOf(repo.read(searchOnly, 'Patient', f.zoe.id!))).toBe(403);
      expect((await repo.search(searchOnly, 'Patient', [['_tag', f.tag]])).matches).toHaveLength(3);
      const createOnly = client(['system/Observation.c']);
      expect((await repo.create<Observation>(createOnly, { resourceType: 'Observation', status: 'final', code: { text: 'x' } })).outcome).toBe('created');
      expect(await statusOf(repo.update(createOnly, f.obs[0]))).toBe(403);
      try {
        await repo.read(readOnly, 'Observation', f.obs[0].id!);
      } catch (error) {
        const outcome = (error as { outcome: { resourceType: string; issue: Array<{ code: string }> } }).outcome;
        expect(outcome.resourceType).toBe('OperationOutcome');
        expect(outcome.issue[0].code).toBe('forbidden');
      }
    });

    it('accepts SMART v1 scopes and ignores malformed ones', async () => {
      const v1 = client(['system/Patient.read', 'system/Observation.write', 'openid', 'system/Patient.xyz']);
      expect((await repo.read(v1, 'Patient', f.zoe.id!)).id).toBe(f.zoe.id);
      expect(await statusOf(repo.create<Patient>(v1, { resourceType: 'Patient' }))).toBe(403);
      expect((await repo.create<Observation>(v1, { resourceType: 'Observation', status: 'final', code: { text: 'v1' } })).outcome).toBe('created');
      expect(await statusOf(repo.read(v1, 'Observation', f.obs[0].id!))).toBe(403);
      const none = client(['openid', 'system/Patient?.rs']);
      expect(await statusOf(repo.read(none, 'Patient', f.zoe.id!))).toBe(403);
    });

    it('includes, revincludes, chains, history and $everything only return types the scopes allow', async () => {
      const patientsOnly = client(['system/Patient.rs']);
      const rev = await repo.search(patientsOnly, 'Patient', [['_id', f.zoe.id!], ['_revinclude', 'Observation:subject'], ['_include', 'Patient:general-practitioner']]);
      expect(rev.matches).toHaveLength(1);
      expect(rev.includes).toEqual([]);
      const obsOnly = client(['system/Observation.rs']);
      const chained = await repo.search(obsOnly, 'Observation', [['_tag', f.tag], ['subject:Patient.name', 'zoe']]);
      expect(chained.matches).toEqual([]); // cannot search through patients it may not read
      const inc = await repo.search(obsOnly, 'Observation', [['_tag', f.tag], ['_include', 'Observation:subject']]);
      expect(inc.matches).toHaveLength(4);
      expect(inc.includes).toEqual([]);
      const everything = await repo.everything(client(['system/Patient.rs', 'system/Condition.rs']), f.zoe.id!, { count: 100 });
      expect(new Set(everything.matches.map((r) => r.resourceType))).toEqual(new Set(['Patient', 'Condition']));
      const history = await repo.history(client(['system/Condition.rs']), { count: 100 });
      expect(history.entries.length).toBeGreaterThan(0);
      expect(history.entries.every((e) => e.resourceType === 'Condition')).toBe(true);
      expect(await statusOf(repo.history(patientsOnly, { resourceType: 'Observation' }))).toBe(403);
    });

    it('a patient sees only their own compartment, and pages stay full', async () => {
      const zoe: AccessContext = { principal: { kind: 'patient', id: f.zoe.id!, nhsNumber: f.nhs[0] }, scopes: ['patient/*.rs'], purpose: 'TREAT' };
      expect((await repo.read(zoe, 'Patient', f.zoe.id!)).id).toBe(f.zoe.id);
      expect(await statusOf(repo.read(zoe, 'Patient', f.raj.id!))).toBe(404);
      const obs = await repo.search(zoe, 'Observation', [['_count', '1'], ['_total', 'accurate']]);
      expect(obs.total).toBe(2);
      expect(obs.matches).toHaveLength(1);
      expect(obs.next).toBeDefined();
      const next = await repo.search(zoe, 'Observation', [['_count', '1'], ['_total', 'accurate'], ['_cursor', obs.next!]]);
      expect(next.matches).toHaveLength(1);
      expect(next.next).toBeUndefined();
      expect(await statusOf(repo.everything(zoe, f.raj.id!, {}))).toBe(404);
      // Shared reference data (their GP) is readable; a compartment type with no patient is not.
      expect((await repo.read(zoe, 'Practitioner', f.gp.id!)).id).toBe(f.gp.id);
      const orphan = (await repo.create<Observation>(admin, { resourceType: 'Observation', status: 'final', code: { text: 'no subject' } })).resource;
      expect(await statusOf(repo.read(zoe, 'Observation', orphan.id!))).toBe(404);
      expect(await statusOf(repo.read(zoe, 'Observation', f.obs[2].id!))).toBe(404);
      // People can see who looked at their record, and nobody else's.
      await repo.read(client(['system/*.rs'], 'nosy-reader'), 'Patient', f.zoe.id!);
      await repo.read(client(['system/*.rs'], 'other-reader'), 'Patient', f.raj.id!);
      const audit = await repo.search(zoe, 'AuditEvent', [['_count', '1000']]);
      const altIds = audit.matches.map((e) => (e as { agent?: Array<{ altId?: string }> }).agent?.[0]?.altId);
      expect(altIds).toContain('nosy-reader');
      expect(altIds).not.toContain('other-reader');
      expect(audit.matches.every((e) => JSON.stringify(e).includes(`Patient/${f.zoe.id}`))).toBe(true);
    });

    it('the system context reads everything', async () => {
      expect((await repo.search(admin, 'Observation', [['_tag', f.tag]])).matches).toHaveLength(4);
    });
  });
}
