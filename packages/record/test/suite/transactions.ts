import type { Bundle, Organization, Patient } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/repository';
import { admin, client, marker, NHS, nhsNumber, type SuiteOptions } from './context';
import { statusOf } from './crud';
import { useRecord } from './lifecycle';

export function transactionTests(options: SuiteOptions): void {
  describe('transactions, bulk import and the change feed', () => {
    const record = useRecord(options);
    let repo: Repository;
    beforeAll(() => {
      repo = record().repo;
    });
    const count = async (type: string, params: Array<[string, string]>) =>
      (await repo.search(admin, type, [...params, ['_summary', 'count']])).total;

    it('a transaction that fails part-way leaves nothing behind', async () => {
      const m = marker();
      const tag = { tag: [{ system: 'https://footprint.test/marker', code: m }] };
      await expect(
        repo.transaction(admin, async (tx) => {
          await tx.create<Patient>(admin, { resourceType: 'Patient', meta: tag });
          await tx.create<Organization>(admin, { resourceType: 'Organization', meta: tag, name: 'Half-written' });
          await tx.create<Patient>(admin, { resourceType: 'Patient', meta: tag, birthDate: 'not-a-date' } as Patient);
        }),
      ).rejects.toMatchObject({ status: 400 });
      expect(await count('Patient', [['_tag', `https://footprint.test/marker|${m}`]])).toBe(0);
      expect(await count('Organization', [['_tag', `https://footprint.test/marker|${m}`]])).toBe(0);
      const ok = await repo.transaction(admin, async (tx) => {
        const a = await tx.create<Patient>(admin, { resourceType: 'Patient', meta: tag });
        return tx.read(admin, 'Patient', a.resource.id!);
      });
      expect(ok.id).toBeDefined();
      expect(await count('Patient', [['_tag', `https://footprint.test/marker|${m}`]])).toBe(1);
    });

    it('a transaction Bundle is atomic and resolves urn:uuid references', async () => {
      const nhs = nhsNumber();
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:8c6d0f38-7c2e-4a7b-9a56-0d8a3a7f1e01', resource: { resourceType: 'Patient', identifier: [{ system: NHS, value: nhs }] }, request: { method: 'POST', url: 'Patient' } },
          { resource: { resourceType: 'Observation', status: 'final', code: { text: 'bundle' }, subject: { reference: 'urn:uuid:8c6d0f38-7c2e-4a7b-9a56-0d8a3a7f1e01' } }, request: { method: 'POST', url: 'Observation' } },
        ],
      };
      const response = await repo.processBundle(admin, bundle);
      expect(response.type).toBe('transaction-response');
      const found = await repo.search(admin, 'Observation', [['subject.identifier', `${NHS}|${nhs}`]]);
      expect(found.matches).toHaveLength(1);
      const broken: Bundle = {
        ...bundle,
        entry: [
          { resource: { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber() }], gender: 'female' }, request: { method: 'POST', url: 'Patient' } },
          { resource: { resourceType: 'Patient', identifier: [{ system: NHS, value: '9990000019' }] }, request: { method: 'POST', url: 'Patient' } },
        ],
      };
      const before = await count('Patient', []);
      expect(await statusOf(repo.processBundle(admin, broken))).toBe(400);
      expect(await count('Patient', [])).toBe(before);
    });

    it('importBatch keeps ids, creates, updates, leaves equal content unchanged, and rejects a bad batch whole', async () => {
      const m = marker();
      const batch: Patient[] = Array.from({ length: 50 }, (_, i) => ({ resourceType: 'Patient', id: `${m}-${i}`, gender: 'female', identifier: [{ system: NHS, value: nhsNumber() }] }));
      expect(await repo.importBatch(admin, batch)).toEqual({ created: 50, updated: 0, unchanged: 0 });
      expect(await repo.importBatch(admin, batch)).toEqual({ created: 0, updated: 0, unchanged: 50 });
      const changed = batch.map((p, i) => (i < 10 ? { ...p, gender: 'male' as const } : p));
      expect(await repo.importBatch(admin, changed)).toEqual({ created: 0, updated: 10, unchanged: 40 });
      expect((await repo.read<Patient>(admin, 'Patient', `${m}-3`)).meta?.versionId).toBe('2');
      expect(await count('Patient', [['_id', `${m}-3`], ['gender', 'male']])).toBe(1);
      expect(await count('Patient', [['_id', `${m}-3`], ['gender', 'female']])).toBe(0);
      const history = await repo.history(admin, { resourceType: 'Patient', id: `${m}-3` });
      expect(history.entries.map((e) => e.method)).toEqual(['PUT', 'POST']);
      const bad = [{ resourceType: 'Patient', id: `${m}-new` }, { resourceType: 'Patient', id: `${m}-bad`, birthDate: '2021-02-30' }] as Patient[];
      expect(await statusOf(repo.importBatch(admin, bad))).toBe(400);
      expect(await statusOf(repo.read(admin, 'Patient', `${m}-new`))).toBe(404);
      expect(await statusOf(repo.importBatch(client(['system/Patient.rs']), batch))).toBe(403);
    });

    it('changes() streams current versions in change order from a watermark, flagging deletions', async () => {
      const start = await lastWatermark(repo);
      const a = (await repo.create<Patient>(admin, { resourceType: 'Patient', gender: 'male' })).resource;
      const b = (await repo.create<Organization>(admin, { resourceType: 'Organization', name: 'Changes' })).resource;
      await repo.update(admin, { ...a, gender: 'female' });
      await repo.delete(admin, 'Organization', b.id!);
      const items: Array<{ ref: string; deleted: boolean; version?: string }> = [];
      let watermark = start;
      for await (const batch of repo.changes(admin, { since: start, batchSize: 1 })) {
        items.push(...batch.items.map((i) => ({ ref: `${i.resource.resourceType}/${i.resource.id}`, deleted: i.deleted, version: i.resource.meta?.versionId })));
        expect(BigInt(batch.watermark)).toBeGreaterThan(BigInt(watermark));
        watermark = batch.watermark;
      }
      expect(items).toEqual([
        { ref: `Patient/${a.id}`, deleted: false, version: '2' },
        { ref: `Organization/${b.id}`, deleted: true, version: '2' },
      ]);
      const onlyPatients: string[] = [];
      for await (const batch of repo.changes(admin, { since: start, types: ['Patient'] })) onlyPatients.push(...batch.items.map((i) => i.resource.id!));
      expect(onlyPatients).toEqual([a.id]);
      const none: unknown[] = [];
      for await (const batch of repo.changes(admin, { since: watermark })) none.push(...batch.items);
      expect(none).toEqual([]);
    });

    it('changes() never moves a watermark past a write that commits late', async () => {
      const start = await lastWatermark(repo);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const slow = repo.transaction(admin, async (tx) => {
        const made = await tx.create<Patient>(admin, { resourceType: 'Patient', gender: 'other' });
        written();
        await gate; // still uncommitted while the feed is read
        return made.resource.id!;
      });
      await wrote;
      // A later write that commits first.
      const quick = (await (options.name === 'pglite' ? Promise.resolve(undefined) : repo.create<Organization>(admin, { resourceType: 'Organization', name: 'Quick' })))?.resource;
      const feed = collect(repo, start);
      setTimeout(release, 100);
      const slowId = await slow;
      const { refs, watermark } = await feed;
      // Either the feed waited for the slow write, or it stopped before it: never past it without it.
      const after = await collect(repo, watermark);
      const seen = [...refs, ...after.refs];
      expect(seen).toContain(`Patient/${slowId}`);
      if (quick) expect(seen).toContain(`Organization/${quick.id}`);
    });
  });
}

/** Collects a change feed's resource references and final watermark. */
async function collect(repo: Repository, since: string): Promise<{ refs: string[]; watermark: string }> {
  const refs: string[] = [];
  let watermark = since;
  for await (const batch of repo.changes(admin, { since })) {
    refs.push(...batch.items.map((i) => `${i.resource.resourceType}/${i.resource.id}`));
    watermark = batch.watermark;
  }
  return { refs, watermark };
}

async function lastWatermark(repo: Repository): Promise<string> {
  let last = '0';
  for await (const batch of repo.changes(admin, { since: '0', batchSize: 10_000 })) last = batch.watermark;
  return last;
}
