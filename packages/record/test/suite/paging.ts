import type { Condition, Observation, Patient, Practitioner } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repository, SearchParams } from '../../src/repository';
import { admin, marker, NHS, nhsNumber, SCT, type SuiteOptions } from './context';
import { statusOf } from './crud';
import { useRecord } from './lifecycle';

export function pagingTests(options: SuiteOptions): void {
  describe('paging while others write, history and $everything', () => {
    const record = useRecord(options);
    let repo: Repository;
    beforeAll(() => {
      repo = record().repo;
    });
    const tagged = (m: string) => ({ tag: [{ system: 'https://footprint.test/marker', code: m }] });

    async function allPages(params: SearchParams, between?: (page: number) => Promise<void>): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | undefined;
      let page = 0;
      do {
        const result = await repo.search(admin, 'Patient', [...params, ...(cursor ? [['_cursor', cursor] as const] : [])]);
        seen.push(...result.matches.map((r) => r.id!));
        cursor = result.next;
        if (between) await between(++page);
      } while (cursor);
      return seen;
    }

    it('search pages neither repeat nor skip while resources are created, updated and deleted between pages', async () => {
      const m = marker();
      const made: Patient[] = [];
      for (let i = 0; i < 12; i++) {
        made.push((await repo.create<Patient>(admin, { resourceType: 'Patient', meta: tagged(m), birthDate: `19${50 + i}-01-01`, identifier: [{ system: NHS, value: nhsNumber() }] })).resource);
      }
      for (const sort of [undefined, 'birthdate', '-birthdate']) {
        const params: SearchParams = [['_tag', `https://footprint.test/marker|${m}`], ['_count', '5'], ...(sort ? [['_sort', sort] as const] : [])];
        const expected = await allPages(params);
        expect(new Set(expected).size).toBe(expected.length);
        const disturbed = await allPages(params, async (page) => {
          if (page !== 1) return;
          // New resources that would sort first and last; an update to one already served.
          await repo.create<Patient>(admin, { resourceType: 'Patient', meta: tagged(m), birthDate: '1900-01-01' });
          await repo.create<Patient>(admin, { resourceType: 'Patient', meta: tagged(m), birthDate: '2020-01-01' });
          await repo.update(admin, { ...made[0], gender: 'unknown' });
        });
        expect(disturbed).toEqual(expected);
        // Clean up the extra resources for the next sort order.
        const extra = await repo.search(admin, 'Patient', [['_tag', `https://footprint.test/marker|${m}`], ['birthdate', '1900,2020'], ['_count', '10']]);
        for (const r of extra.matches) await repo.delete(admin, 'Patient', r.id!);
      }
    });

    it('a page whose remaining rows are deleted still ends cleanly, and a foreign cursor is refused', async () => {
      const m = marker();
      for (let i = 0; i < 4; i++) await repo.create<Patient>(admin, { resourceType: 'Patient', meta: tagged(m) });
      const first = await repo.search(admin, 'Patient', [['_tag', `https://footprint.test/marker|${m}`], ['_count', '2']]);
      expect(first.next).toBeDefined();
      const other = await repo.search(admin, 'Patient', [['_tag', `https://footprint.test/marker|${m}`], ['_count', '2'], ['gender', 'male'], ['_cursor', first.next!]]).catch((e: { status: number }) => e.status);
      expect(other).toBe(400);
      expect(await statusOf(repo.search(admin, 'Patient', [['_cursor', 'garbage']]))).toBe(400);
    });

    it('history: instance, type and system, newest first, paged by cursor, with _since', async () => {
      const { resource } = await repo.create<Practitioner>(admin, { resourceType: 'Practitioner', name: [{ family: 'History' }] });
      for (let i = 2; i <= 5; i++) await repo.update(admin, { ...resource, name: [{ family: `History${i}` }] });
      const versions: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.history(admin, { resourceType: 'Practitioner', id: resource.id, count: 2, ...(cursor ? { cursor } : {}) });
        versions.push(...page.entries.map((e) => e.versionId));
        expect(page.entries.length).toBeLessThanOrEqual(2);
        cursor = page.next;
        if (versions.length === 2) await repo.update(admin, { ...resource, name: [{ family: 'During paging' }] });
      } while (cursor);
      expect(versions).toEqual(['5', '4', '3', '2', '1']);
      const type = await repo.history(admin, { resourceType: 'Practitioner', count: 3 });
      expect(type.entries.map((e) => e.versionId)).toEqual(['6', '5', '4']);
      expect(type.entries.every((e) => e.resourceType === 'Practitioner')).toBe(true);
      const since = type.entries[1].lastUpdated;
      const recent = await repo.history(admin, { resourceType: 'Practitioner', since, count: 100 });
      expect(recent.entries.map((e) => e.versionId)).toEqual(['6', '5']);
      const system = await repo.history(admin, { count: 1 });
      expect(system.entries).toHaveLength(1);
      expect(system.next).toBeDefined();
      expect(await statusOf(repo.history(admin, { resourceType: 'Practitioner', id: 'nobody' }))).toBe(404);
      expect(await statusOf(repo.history(admin, { resourceType: 'Practitioner', since: 'yesterday' }))).toBe(400);
    });

    it('$everything: the patient compartment with referenced practitioners, paged, and 404 for an unknown patient', async () => {
      const gp = (await repo.create<Practitioner>(admin, { resourceType: 'Practitioner', name: [{ family: 'Everything' }] })).resource;
      const patient = (await repo.create<Patient>(admin, { resourceType: 'Patient', generalPractitioner: [{ reference: `Practitioner/${gp.id}` }] })).resource;
      const other = (await repo.create<Patient>(admin, { resourceType: 'Patient' })).resource;
      const obs = (subject: Patient): Observation => ({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: SCT, code: '27113001' }] }, subject: { reference: `Patient/${subject.id}` } });
      for (let i = 0; i < 5; i++) await repo.create(admin, obs(patient));
      await repo.create(admin, obs(other));
      await repo.create<Condition>(admin, { resourceType: 'Condition', subject: { reference: `Patient/${patient.id}` } });
      const seen: string[] = [];
      const included: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.everything(admin, patient.id!, { count: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.matches.map((r) => `${r.resourceType}/${r.id}`));
        included.push(...page.includes.map((r) => `${r.resourceType}/${r.id}`));
        cursor = page.next;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(seen[0]).toBe(`Patient/${patient.id}`);
      expect(seen.filter((s) => s.startsWith('Observation/'))).toHaveLength(5);
      expect(included).toContain(`Practitioner/${gp.id}`);
      const onlyConditions = await repo.everything(admin, patient.id!, { types: ['Condition'] });
      expect(onlyConditions.matches.map((r) => r.resourceType)).toEqual(['Condition']);
      expect(await statusOf(repo.everything(admin, 'no-such-patient', {}))).toBe(404);
    });
  });
}
