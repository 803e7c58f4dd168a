import type { AuditEvent, Patient } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenRecord } from '../../src/create-record';
import type { Repository } from '../../src/repository';
import { staffContext } from '../../src/access/staff-policy';
import { client, platform, type SuiteOptions } from './context';
import { statusOf } from './crud';
import { seedFootprint, type Footprint } from './fixtures';
import { useRecord } from './lifecycle';

export function auditTests(options: SuiteOptions): void {
  describe('the audit trail', () => {
    const record = useRecord(options);
    let repo: Repository;
    let sql: OpenRecord['sql'];
    let f: Footprint;
    beforeAll(async () => {
      repo = record().repo;
      sql = record().sql;
      f = await seedFootprint(repo);
    });
    const auditFor = async (params: Array<[string, string]>) =>
      (await repo.search(platform, 'AuditEvent', [...params, ['_count', '100'], ['_sort', '-date']])).matches as AuditEvent[];

    it('writes an AuditEvent for a read: who, what, when, action, outcome and purpose, with no names', async () => {
      const reader = client(['system/*.rs'], `reader-${f.marker}`);
      await repo.read(reader, 'Patient', f.zoe.id!);
      const events = await auditFor([['altid', reader.principal.id]]);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event.action).toBe('R');
      expect(event.outcome).toBe('0');
      expect(event.subtype?.[0].code).toBe('read');
      expect(event.entity?.map((e) => e.what?.reference)).toContain(`Patient/${f.zoe.id}`);
      expect(event.agent?.[0].who?.identifier?.value).toBe(reader.principal.id);
      expect(event.agent?.[1].who?.reference).toBe('Organization/trust');
      expect(event.purposeOfEvent?.[0].coding?.[0].code).toBe('TREAT');
      expect(Date.parse(event.recorded)).not.toBeNaN();
      const text = JSON.stringify(event);
      expect(text).not.toMatch(/Bront|Zo[eë]/);
      expect(text).not.toContain(f.nhs[0]);
    });

    it('audits searches with the query redacted, and finds events by patient entity', async () => {
      const searcher = client(['system/*.rs'], `searcher-${f.marker}`);
      await repo.search(searcher, 'Patient', [['family', 'Brontë'], ['identifier', f.nhs[0]], ['gender', 'female']]);
      const [event] = await auditFor([['altid', searcher.principal.id], ['subtype', 'search-type']]);
      expect(event.action).toBe('E');
      const query = Buffer.from(event.entity!.find((e) => e.query)!.query!, 'base64').toString();
      expect(query).toContain('gender=female');
      expect(query).toContain('family=***');
      expect(query).not.toContain('Bront');
      expect(query).not.toContain(f.nhs[0]);
      expect(event.entity?.map((e) => e.what?.reference)).toContain(`Patient/${f.zoe.id}`);
      const forZoe = await auditFor([['entity', `Patient/${f.zoe.id}`], ['altid', searcher.principal.id]]);
      expect(forZoe).toHaveLength(1);
      const forRaj = await auditFor([['entity', `Patient/${f.raj.id}`], ['altid', searcher.principal.id]]);
      expect(forRaj).toHaveLength(0);
    });

    it('audits every write and every refused or failed attempt', async () => {
      const writer = client(['system/Patient.cruds'], `writer-${f.marker}`);
      const { resource } = await repo.create<Patient>(writer, { resourceType: 'Patient', gender: 'male' });
      await repo.update(writer, { ...resource, gender: 'female' });
      await repo.delete(writer, 'Patient', resource.id!);
      expect(await statusOf(repo.read(writer, 'Patient', resource.id!))).toBe(410);
      expect(await statusOf(repo.read(writer, 'Observation', f.obs[0].id!))).toBe(403);
      expect(await statusOf(repo.update(writer, { ...resource, gender: 'other' }, { ifMatch: '1' }))).toBe(412);
      const events = await auditFor([['altid', writer.principal.id]]);
      const summary = events.map((e) => `${e.action}:${e.subtype?.[0].code}:${e.outcome}`).reverse();
      expect(summary).toEqual(['C:create:0', 'U:update:0', 'D:delete:0', 'R:read:4', 'R:read:4', 'U:update:4']);
      expect(events.find((e) => e.outcome === '4' && e.subtype?.[0].code === 'read' && e.outcomeDesc?.startsWith('403'))).toBeDefined();
      const failures = await auditFor([['altid', writer.principal.id], ['outcome', '4']]);
      expect(failures).toHaveLength(3);
    });

    it('audits history, $everything, the change feed and import batches (one event per batch)', async () => {
      const who = client(['system/*.cruds'], `bulk-${f.marker}`);
      await repo.history(who, { resourceType: 'Patient', id: f.zoe.id });
      await repo.everything(who, f.zoe.id!, {});
      for await (const batch of repo.changes(who, { since: '0', batchSize: 5 })) void batch;
      await repo.importBatch(who, [
        { resourceType: 'Patient', id: `imp-a-${f.marker}` },
        { resourceType: 'Patient', id: `imp-b-${f.marker}` },
      ]);
      const events = await auditFor([['altid', who.principal.id]]);
      expect(events.map((e) => e.subtype?.[0].code).reverse()).toEqual(['history-instance', 'operation', 'changes', 'batch']);
    });

    it('reading the audit trail is itself audited once, without recursion', async () => {
      const auditor = staffContext({ id: `auditor-${f.marker}`, displayName: 'Privacy officer', role: 'privacy_officer', organisation: { code: 'A81001', reference: 'Organization/practice' } }, 'HOPERAT');
      await repo.search(auditor, 'AuditEvent', [['entity', `Patient/${f.zoe.id}`]]);
      await repo.search(auditor, 'AuditEvent', [['entity', `Patient/${f.zoe.id}`]]);
      const events = await auditFor([['altid', auditor.principal.id]]);
      expect(events).toHaveLength(2);
      const one = await repo.read<AuditEvent>(platform, 'AuditEvent', events[0].id!);
      expect(one.id).toBe(events[0].id);
      expect((await repo.vread<AuditEvent>(platform, 'AuditEvent', events[0].id!, '1')).id).toBe(events[0].id);
    });

    it('is append-only: UPDATE, DELETE and TRUNCATE are rejected by the database, index rows too', async () => {
      const before = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
      await expect(sql.query("UPDATE audit_event SET outcome = '0'")).rejects.toThrow(/append-only/);
      await expect(sql.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
      await expect(sql.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
      await expect(sql.query("DELETE FROM search_reference WHERE resource_type = 'AuditEvent'")).rejects.toThrow(/append-only/);
      const after = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
      expect(Number(after.rows[0].n)).toBe(Number(before.rows[0].n));
    });
  });
}
