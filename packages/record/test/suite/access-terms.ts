import { createHmac } from 'node:crypto';
import type { AuditEvent, Observation, Organization, Patient } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import { AccessPolicy } from '../../src/access/policy';
import { staffContext } from '../../src/access/staff-policy';
import { evaluateTerm } from '../../src/access/term-evaluate';
import { compileTerm } from '../../src/access/term-sql';
import { ALL, NONE, and, compartment, not, or, recordedBy, relationship, sensitive, types, unattached, type AccessRow, type AccessTerm } from '../../src/access/terms';
import { SqlParams } from '../../src/db/sql-params';
import type { Repository } from '../../src/repository';
import { admin, platform, type SuiteOptions } from './context';
import { statusOf } from './crud';
import { useRecord } from './lifecycle';

/** The warehouse's kind of pseudonym: a keyed one-way hash of the record id. */
const pseudonymOf = (id: string): string => createHmac('sha256', 'test-warehouse-key').update(id).digest('hex').slice(0, 32);

export function accessTermTests(options: SuiteOptions): void {
  describe('access terms: one SQL compiler and one evaluator that agree, and re-identification', () => {
    const record = useRecord(options);
    let repo: Repository;
    let practice: Organization;
    let registered: Patient[];
    let elsewhere: Patient;
    beforeAll(async () => {
      repo = record().repo;
      practice = (await repo.create<Organization>(admin, { resourceType: 'Organization', name: 'Terms Practice' })).resource;
      const other = (await repo.create<Organization>(admin, { resourceType: 'Organization', name: 'Other Practice' })).resource;
      registered = [];
      for (const family of ['One', 'Two', 'Three']) {
        registered.push((await repo.create<Patient>(admin, { resourceType: 'Patient', name: [{ family }], generalPractitioner: [{ reference: `Organization/${practice.id}` }] })).resource);
      }
      elsewhere = (await repo.create<Patient>(admin, { resourceType: 'Patient', name: [{ family: 'Away' }], generalPractitioner: [{ reference: `Organization/${other.id}` }] })).resource;
      for (const p of [...registered, elsewhere]) {
        await repo.create<Observation>(admin, { resourceType: 'Observation', status: 'final', code: { text: 'bp' }, subject: { reference: `Patient/${p.id}` } });
      }
      await repo.create<Observation>(admin, { resourceType: 'Observation', status: 'final', code: { text: 'nobody' } });
      await repo.create(admin, { resourceType: 'Practitioner', name: [{ family: 'Shared' }] });
    });

    it('the SQL predicate selects exactly the rows the evaluator allows', async () => {
      const { sql } = record();
      await repo.create<Observation>({ ...admin, organisation: { reference: 'Organization/elsewhere' } }, {
        resourceType: 'Observation',
        status: 'final',
        meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
        code: { text: 'restricted' },
        subject: { reference: `Patient/${registered[1].id}` },
      });
      const { rows: resources } = await sql.query<{ id: string; resource_type: string; patient_id: string | null; organisation: string | null; sensitive: boolean }>(
        'SELECT id, resource_type, patient_id, organisation, sensitive FROM resource r WHERE NOT r.deleted',
      );
      const { rows: relationships } = await sql.query<{ patient_id: string; organisation: string; basis: string; effective: string | null; ends: string | null }>(
        'SELECT patient_id, organisation, basis, effective::text AS effective, ends::text AS ends FROM care_relationship',
      );
      const rows: Array<AccessRow & { id: string }> = resources.map((r) => ({ ...r, relationships: relationships.filter((x) => x.patient_id === r.patient_id) }));
      expect(rows.length).toBeGreaterThan(8);
      expect(rows.some((r) => r.sensitive)).toBe(true);
      const zoe = registered[0].id!;
      const window = { encounterSince: '2000-01-01T00:00:00Z', now: new Date().toISOString() };
      const gp = staffContext({ id: 'gp', displayName: 'Dr Terms', role: 'gp_clinician', organisation: { code: 'T1', reference: `Organization/${practice.id}` } }, 'TREAT');
      const socialWorker = staffContext({ id: 'sw', displayName: 'Social Worker', role: 'social_worker', organisation: { code: 'T2', reference: 'Organization/elsewhere' } }, 'TREAT');
      const terms: AccessTerm[] = [
        ALL,
        NONE,
        types(['Patient']),
        types(['Observation', 'Practitioner']),
        compartment(zoe),
        unattached(),
        not(compartment(zoe)),
        not(unattached()),
        and(types(['Observation']), not(compartment(zoe))),
        or(compartment(zoe), and(unattached(), not(types(['Observation'])))),
        not(or(compartment(zoe), types(['Organization']))),
        not(and(compartment(zoe), types(['Observation']))),
        new AccessPolicy({ principal: { kind: 'patient', id: zoe, nhsNumber: '9990000018' }, scopes: ['patient/*.rs'], purpose: 'TREAT' }).term('s'),
        new AccessPolicy({ principal: { kind: 'client', id: 'c' }, scopes: ['system/Observation.rs'], purpose: 'TREAT' }).term('r'),
        relationship(`Organization/${practice.id}`, window),
        relationship(`Organization/${practice.id}`, window, ['encounter']),
        not(relationship(`Organization/${practice.id}`, window)),
        sensitive(),
        not(sensitive()),
        recordedBy('Organization/elsewhere'),
        not(recordedBy('Organization/elsewhere')),
        or(not(sensitive()), recordedBy(`Organization/${practice.id}`)),
        new AccessPolicy(gp).term('r'),
        new AccessPolicy(socialWorker).term('s'),
      ];
      for (const term of terms) {
        const params = new SqlParams();
        const where = compileTerm(term, 'r', params);
        const selected = await sql.query<{ id: string }>(`SELECT id FROM resource r WHERE NOT r.deleted AND ${where}`, params.values);
        const inSql = selected.rows.map((r) => r.id).sort();
        const inMemory = rows.filter((row) => evaluateTerm(term, row)).map((r) => r.id).sort();
        // Without the relationships the evaluator cannot know them, and never allows more than SQL.
        const blind = rows.filter((row) => evaluateTerm(term, { ...row, relationships: undefined })).map((r) => r.id);
        expect(blind.every((id) => inSql.includes(id)), JSON.stringify(term)).toBe(true);
        // The person's choices and break-glass grants live in their own tables: in memory they are
        // unknown and deny, so there the evaluator may only allow less than SQL; elsewhere exactly as much.
        if (readsChoicesOrGrants(term)) expect(inMemory.every((id) => inSql.includes(id)), JSON.stringify(term)).toBe(true);
        else expect(inSql, JSON.stringify(term)).toEqual(inMemory);
      }
    });

    it('re-identifies only the practice’s own registered patients, in one audited operation', async () => {
      const gp = staffContext({ id: 'gp-terms', displayName: 'Dr Terms', role: 'gp_clinician', organisation: { code: 'T1', reference: `Organization/${practice.id}` } }, 'TREAT');
      const wanted = [registered[0], registered[2], elsewhere].map((p) => pseudonymOf(p.id!));
      const found = await repo.reidentify(gp, { practice: `Organization/${practice.id}`, keys: [...wanted, 'not-a-known-key'], pseudonymOf });
      expect(found.map((f) => f.patient.id).sort()).toEqual([registered[0].id, registered[2].id].sort());
      expect(found.every((f) => f.key === pseudonymOf(f.patient.id!))).toBe(true);

      const audit = await repo.search(platform, 'AuditEvent', [['_count', '1000']]);
      const events = (audit.matches as AuditEvent[]).filter((e) => e.agent?.[0]?.altId === 'gp-terms');
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event.subtype?.[0].code).toBe('operation');
      expect(event.outcome).toBe('0');
      expect(event.purposeOfEvent?.[0].coding?.[0].code).toBe('TREAT');
      const patients = event.entity?.filter((e) => e.what?.reference?.startsWith('Patient/')).map((e) => e.what!.reference) ?? [];
      expect(patients.sort()).toEqual([`Patient/${registered[0].id}`, `Patient/${registered[2].id}`].sort());
      expect(JSON.stringify(event)).not.toContain('Three');
    });

    it('refuses re-identification to anyone but the practice acting for direct care, and audits the refusal', async () => {
      const reference = `Organization/${practice.id}`;
      const request = { practice: reference, keys: registered.map((p) => pseudonymOf(p.id!)), pseudonymOf };
      const otherGp: AccessContext = staffContext({ id: 'gp-other', displayName: 'Dr Other', role: 'gp_clinician', organisation: { code: 'O1', reference: 'Organization/other' } }, 'TREAT');
      expect(await statusOf(repo.reidentify(otherGp, request))).toBe(403);
      const analyst = staffContext({ id: 'analyst-terms', displayName: 'Analyst', role: 'analyst', organisation: { code: 'T1', reference } }, 'TREAT');
      expect(await statusOf(repo.reidentify(analyst, request))).toBe(403);
      const research = staffContext({ id: 'gp-research', displayName: 'Dr Research', role: 'gp_clinician', organisation: { code: 'T1', reference } }, 'HRESCH');
      expect(await statusOf(repo.reidentify(research, request))).toBe(403);
      const audit = await repo.search(platform, 'AuditEvent', [['_count', '1000']]);
      const refused = (audit.matches as AuditEvent[]).filter((e) => e.agent?.[0]?.altId === 'gp-other');
      expect(refused).toHaveLength(1);
      expect(refused[0].outcome).toBe('4');
      expect(refused[0].entity?.some((e) => e.what?.reference?.startsWith('Patient/'))).toBe(false);
    });

    it('a staff search that may only count is refused when it asks for resources', async () => {
      const administrator = staffContext({ id: 'admin-terms', displayName: 'Admin', role: 'administrator' }, 'HOPERAT');
      const counted = await repo.search(administrator, 'Patient', [['general-practitioner', `Organization/${practice.id}`], ['_summary', 'count']]);
      expect(counted.total).toBe(3);
      expect(counted.matches).toEqual([]);
      expect(await statusOf(repo.search(administrator, 'Patient', [['general-practitioner', `Organization/${practice.id}`]]))).toBe(403);
      expect(await statusOf(repo.read(administrator, 'Patient', registered[0].id!))).toBe(403);
    });

    it('system history needs a wildcard search scope when it must be complete', async () => {
      const narrow: AccessContext = { principal: { kind: 'client', id: 'narrow' }, scopes: ['system/Patient.rs'], purpose: 'TREAT' };
      expect(await statusOf(repo.history(narrow, { complete: true }))).toBe(403);
      expect((await repo.history(narrow, { count: 100 })).entries.every((e) => e.resourceType === 'Patient')).toBe(true);
      expect((await repo.history(admin, { complete: true, count: 5 })).entries.length).toBeGreaterThan(0);
    });
  });
}

/** True when the term asks the person's sharing choices, opt-outs or break-glass grants. */
function readsChoicesOrGrants(term: AccessTerm): boolean {
  if (term.kind === 'sharingChoice' || term.kind === 'breakGlass' || term.kind === 'voluntaryShare' || term.kind === 'notOptedOut') return true;
  if (term.kind === 'and' || term.kind === 'or') return term.terms.some(readsChoicesOrGrants);
  return term.kind === 'not' ? readsChoicesOrGrants(term.term) : false;
}
