import type { OperationOutcomeError, Patient } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/repository';
import { admin, marker, NHS, nhsNumber, type SuiteOptions } from './context';
import { useRecord } from './lifecycle';

/** The status of the OperationOutcomeError `promise` rejects with. */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return (error as OperationOutcomeError).status ?? -1;
  }
  return 200;
}

export function crudTests(options: SuiteOptions): void {
  describe('create, read, update, delete and versions', () => {
    const record = useRecord(options);
    let repo: Repository;
    beforeAll(() => {
      repo = record().repo;
    });
    const patient = (family: string): Patient => ({ resourceType: 'Patient', name: [{ family }], identifier: [{ system: NHS, value: nhsNumber() }] });

    it('creates with a server id and version 1, and reads it back', async () => {
      const { resource, outcome } = await repo.create(admin, { ...patient('Create'), id: 'client-chosen' });
      expect(outcome).toBe('created');
      expect(resource.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(resource.meta?.versionId).toBe('1');
      expect(Date.parse(resource.meta?.lastUpdated ?? '')).not.toBeNaN();
      const read = await repo.read<Patient>(admin, 'Patient', resource.id!);
      expect(read).toEqual(resource);
    });

    it('updates to new versions, keeps every version for vread, and enforces If-Match with 412', async () => {
      const { resource } = await repo.create(admin, patient('Versions'));
      const v2 = await repo.update(admin, { ...resource, gender: 'female' }, { ifMatch: 'W/"1"' });
      expect(v2.outcome).toBe('updated');
      expect(v2.resource.meta?.versionId).toBe('2');
      expect(await statusOf(repo.update(admin, { ...resource, gender: 'male' }, { ifMatch: 'W/"1"' }))).toBe(412);
      expect(await statusOf(repo.update(admin, { ...resource, gender: 'male' }, { ifMatch: 'nonsense' }))).toBe(400);
      const v3 = await repo.update(admin, { ...resource, gender: 'other' }, { ifMatch: '2' });
      expect(v3.resource.meta?.versionId).toBe('3');
      expect((await repo.vread<Patient>(admin, 'Patient', resource.id!, '1')).gender).toBeUndefined();
      expect((await repo.vread<Patient>(admin, 'Patient', resource.id!, '2')).gender).toBe('female');
      expect((await repo.read<Patient>(admin, 'Patient', resource.id!)).gender).toBe('other');
      expect(await statusOf(repo.vread(admin, 'Patient', resource.id!, '9'))).toBe(404);
    });

    it('creates on update with the client id, and 412s an If-Match on a resource that does not exist', async () => {
      const id = `client-${marker()}`;
      const made = await repo.update(admin, { ...patient('Upsert'), id });
      expect(made.outcome).toBe('created');
      expect(made.resource.meta?.versionId).toBe('1');
      expect(await statusOf(repo.update(admin, { ...patient('Upsert'), id: `other-${marker()}` }, { ifMatch: '1' }))).toBe(412);
      expect(await statusOf(repo.update(admin, { ...patient('NoId') }))).toBe(400);
    });

    it('answers 404 for unknown resources and 410 for deleted ones, keeping history', async () => {
      expect(await statusOf(repo.read(admin, 'Patient', 'does-not-exist'))).toBe(404);
      expect(await statusOf(repo.read(admin, 'NotAType', 'x'))).toBe(400);
      const { resource } = await repo.create(admin, patient('Deleted'));
      await repo.delete(admin, 'Patient', resource.id!);
      expect(await statusOf(repo.read(admin, 'Patient', resource.id!))).toBe(410);
      expect((await repo.vread<Patient>(admin, 'Patient', resource.id!, '1')).name?.[0].family).toBe('Deleted');
      expect(await statusOf(repo.vread(admin, 'Patient', resource.id!, '2'))).toBe(410);
      const history = await repo.history(admin, { resourceType: 'Patient', id: resource.id });
      expect(history.entries.map((e) => [e.versionId, e.method])).toEqual([['2', 'DELETE'], ['1', 'POST']]);
      expect(await statusOf(repo.delete(admin, 'Patient', 'never-was'))).toBe(404);
      expect(await statusOf(repo.delete(admin, 'NotAType', 'x'))).toBe(400);
      await repo.delete(admin, 'Patient', resource.id!); // deleting again changes nothing
      expect((await repo.history(admin, { resourceType: 'Patient', id: resource.id })).entries).toHaveLength(2);
      const back = await repo.update(admin, { ...patient('Back'), id: resource.id });
      expect(back.resource.meta?.versionId).toBe('3');
    });

    it('rejects invalid resources with 400 and stores nothing', async () => {
      const family = `Invalid${marker()}`;
      const bad = { resourceType: 'Patient', name: [{ family }], identifier: [{ system: NHS, value: '9990000019' }] } as Patient;
      expect(await statusOf(repo.create(admin, bad))).toBe(400);
      expect(await statusOf(repo.create<Patient>(admin, { resourceType: 'Patient', birthDate: 'notadate' } as Patient))).toBe(400);
      expect(await statusOf(repo.create(admin, { resourceType: 'Nonsense' } as unknown as Patient))).toBe(400);
      const found = await repo.search(admin, 'Patient', [['family:exact', family], ['_total', 'accurate']]);
      expect(found.total).toBe(0);
    });

    it('refuses to create, change or delete AuditEvents through the API (405 Method Not Allowed)', async () => {
      const event = { resourceType: 'AuditEvent', type: { code: 'rest' }, recorded: '2024-01-01T00:00:00Z', agent: [{ requestor: true }], source: { observer: { display: 'x' } } };
      expect(await statusOf(repo.create(admin, event as never))).toBe(405);
      expect(await statusOf(repo.update(admin, { ...event, id: 'x' } as never))).toBe(405);
      expect(await statusOf(repo.delete(admin, 'AuditEvent', 'x'))).toBe(405);
    });

    it('refuses to store Parameters, which FHIR R4 never persists (405)', async () => {
      const parameters = { resourceType: 'Parameters', id: 'p', parameter: [{ name: 'x', valueString: 'y' }] };
      expect(await statusOf(repo.create(admin, parameters as never))).toBe(405);
      expect(await statusOf(repo.update(admin, parameters as never))).toBe(405);
    });

    it('conditional create: no match creates, one match returns it unchanged, two matches is 412', async () => {
      const nhs = nhsNumber();
      const body: Patient = { resourceType: 'Patient', identifier: [{ system: NHS, value: nhs }] };
      const first = await repo.create(admin, body, { ifNoneExist: `identifier=${NHS}|${nhs}` });
      expect(first.outcome).toBe('created');
      const second = await repo.create(admin, body, { ifNoneExist: `identifier=${NHS}|${nhs}` });
      expect(second.outcome).toBe('unchanged');
      expect(second.resource.id).toBe(first.resource.id);
      await repo.create(admin, body);
      expect(await statusOf(repo.create(admin, body, { ifNoneExist: `identifier=${NHS}|${nhs}` }))).toBe(412);
      expect(await statusOf(repo.create(admin, body, { ifNoneExist: 'nonsense-param=1' }))).toBe(400);
    });
  });
}
