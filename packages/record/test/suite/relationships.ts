import type { Bundle, CareTeam, EpisodeOfCare, Organization, Patient, Resource } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOCIAL_CARE_EPISODE } from '../../src/access/relationships/codes';
import { rebuildCareRelationships } from '../../src/access/relationships/rebuild';
import { systemContext } from '../../src/access-context';
import type { SqlClient } from '../../src/db/sql-client';
import type { Repository } from '../../src/repository';
import { admin, ref, type SuiteOptions } from './context';
import { useRecord } from './lifecycle';

interface Row {
  patient_id: string;
  organisation: string;
  basis: string;
  source: string;
  [column: string]: unknown;
}

/** Every care relationship, in a stable order, as the policy's join sees them. */
async function table(sql: SqlClient): Promise<string[]> {
  const { rows } = await sql.query<Row & { effective: string | null; ends: string | null }>(
    `SELECT patient_id, organisation, basis, source, effective::text AS effective, ends::text AS ends FROM care_relationship
     ORDER BY patient_id, organisation, basis, source, effective, ends`,
  );
  return rows.map((r) => `${r.patient_id} ${r.organisation} ${r.basis} ${r.source} ${r.effective ?? '-'} ${r.ends ?? '-'}`);
}

async function relationshipsOf(sql: SqlClient, source: string): Promise<string[]> {
  const { rows } = await sql.query<Row>('SELECT patient_id, organisation, basis, source FROM care_relationship WHERE source = $1 ORDER BY organisation, basis', [source]);
  return rows.map((r) => `${r.organisation} ${r.basis}`);
}

export function relationshipTests(options: SuiteOptions): void {
  describe('care relationships, derived on every write and rebuilt exactly', () => {
    const record = useRecord(options);
    let repo: Repository;
    let sql: SqlClient;
    let practice: Organization;
    let trust: Organization;
    let council: Organization;
    let charity: Organization;
    let patient: Patient;
    const create = async <T extends Resource>(r: T): Promise<T> => (await repo.create<T>(admin, r)).resource;
    beforeAll(async () => {
      repo = record().repo;
      sql = record().sql;
      practice = await create<Organization>({ resourceType: 'Organization', name: 'Practice' });
      trust = await create<Organization>({ resourceType: 'Organization', name: 'Trust' });
      council = await create<Organization>({
        resourceType: 'Organization',
        name: 'Council',
        type: [{ coding: [{ system: 'https://fhir.footprint.example/CodeSystem/organisation-kind', code: 'local_authority' }] }],
      });
      charity = await create<Organization>({ resourceType: 'Organization', name: 'Charity' });
      patient = await create<Patient>({ resourceType: 'Patient', name: [{ family: 'Related' }], generalPractitioner: [{ reference: ref(practice) }] });
    });

    it('registered GP: from Patient.generalPractitioner organisations, replaced on update, gone on delete', async () => {
      expect(await relationshipsOf(sql, ref(patient))).toEqual([`${ref(practice)} registered-gp`]);
      const moved = (await repo.update<Patient>(admin, { ...patient, generalPractitioner: [{ reference: ref(trust) }, { reference: 'Practitioner/someone' }] })).resource;
      expect(await relationshipsOf(sql, ref(patient))).toEqual([`${ref(trust)} registered-gp`]);
      const other = await create<Patient>({ resourceType: 'Patient', generalPractitioner: [{ reference: ref(practice) }] });
      await repo.delete(admin, 'Patient', other.id!);
      expect(await relationshipsOf(sql, ref(other))).toEqual([]);
      patient = (await repo.update<Patient>(admin, { ...moved, generalPractitioner: [{ reference: ref(practice) }] })).resource;
    });

    it('episodes of care: open ones only; a council’s social care episode has its own basis', async () => {
      const open = await create({ resourceType: 'EpisodeOfCare', status: 'active', patient: { reference: ref(patient) }, managingOrganization: { reference: ref(trust) }, period: { start: '2025-01-01' } });
      expect(await relationshipsOf(sql, ref(open))).toEqual([`${ref(trust)} episode-of-care`]);
      await repo.update(admin, { ...open, status: 'finished' });
      expect(await relationshipsOf(sql, ref(open))).toEqual([]);
      const social: EpisodeOfCare = { resourceType: 'EpisodeOfCare', status: 'active', type: [{ coding: [{ ...SOCIAL_CARE_EPISODE }] }], patient: { reference: ref(patient) } };
      const atCouncil = await create({ ...social, managingOrganization: { reference: ref(council) } });
      expect(await relationshipsOf(sql, ref(atCouncil))).toEqual([`${ref(council)} social-care-episode`]);
      const notCouncil = await create({ ...social, managingOrganization: { reference: ref(charity) } });
      expect(await relationshipsOf(sql, ref(notCouncil))).toEqual([`${ref(charity)} episode-of-care`]);
      const waiting = await create({ resourceType: 'EpisodeOfCare', status: 'waitlist', patient: { reference: ref(patient) }, managingOrganization: { reference: ref(charity) }, period: { end: '2020-01-01' } });
      const { rows } = await sql.query<{ ends: string }>("SELECT to_char(ends AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS ends FROM care_relationship WHERE source = $1", [ref(waiting)]);
      expect(rows.map((r) => r.ends)).toEqual(['2020-01-01']);
    });

    it('encounters, referrals and care teams', async () => {
      const encounter = await create({
        resourceType: 'Encounter',
        status: 'finished',
        class: { code: 'AMB' },
        subject: { reference: ref(patient) },
        serviceProvider: { reference: ref(trust) },
        period: { start: '2026-01-05T10:00:00Z', end: '2026-01-05T10:20:00Z' },
      });
      expect(await relationshipsOf(sql, ref(encounter))).toEqual([`${ref(trust)} encounter`]);
      await repo.update(admin, { ...encounter, status: 'entered-in-error' });
      expect(await relationshipsOf(sql, ref(encounter))).toEqual([]);

      const referral = await create({ resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: ref(patient) }, performer: [{ reference: ref(charity) }, { reference: ref(council) }] });
      expect(await relationshipsOf(sql, ref(referral))).toEqual([`${ref(charity)} referral`, `${ref(council)} referral`].sort());
      await repo.update(admin, { ...referral, status: 'revoked' });
      expect(await relationshipsOf(sql, ref(referral))).toEqual([]);

      const team = await create<CareTeam>({
        resourceType: 'CareTeam',
        status: 'active',
        subject: { reference: ref(patient) },
        managingOrganization: [{ reference: ref(practice) }],
        participant: [{ member: { reference: ref(charity) } }, { member: { reference: 'Practitioner/x' }, onBehalfOf: { reference: ref(council) } }],
      });
      expect(await relationshipsOf(sql, ref(team))).toEqual([ref(practice), ref(charity), ref(council)].map((o) => `${o} care-team`).sort());
      await repo.delete(admin, 'CareTeam', team.id!);
      expect(await relationshipsOf(sql, ref(team))).toEqual([]);
    });

    it('conditional writes, transactions and import batches derive them too', async () => {
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:8c1f3c9e-1d2b-4c61-9a55-0d3e1f2a7b01', resource: { resourceType: 'Patient', identifier: [{ system: 'https://example.org/mrn', value: 'tx-1' }], generalPractitioner: [{ reference: ref(practice) }] }, request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=https://example.org/mrn|tx-1' } },
          { resource: { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: 'urn:uuid:8c1f3c9e-1d2b-4c61-9a55-0d3e1f2a7b01' }, performer: [{ reference: ref(trust) }] }, request: { method: 'POST', url: 'ServiceRequest' } },
        ],
      };
      const answer = await repo.processBundle(admin, bundle);
      const [patientUrl, referralUrl] = (answer.entry ?? []).map((e) => e.response?.location?.split('/_history')[0] ?? '');
      expect(await relationshipsOf(sql, patientUrl)).toEqual([`${ref(practice)} registered-gp`]);
      expect(await relationshipsOf(sql, referralUrl)).toEqual([`${ref(trust)} referral`]);

      const imported: Resource[] = [
        { resourceType: 'Patient', id: 'imported-1', generalPractitioner: [{ reference: ref(trust) }] },
        { resourceType: 'Encounter', id: 'imported-enc', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/imported-1' }, serviceProvider: { reference: ref(practice) }, period: { start: '2026-02-01' } },
      ];
      await repo.importBatch(admin, imported);
      expect(await relationshipsOf(sql, 'Patient/imported-1')).toEqual([`${ref(trust)} registered-gp`]);
      expect(await relationshipsOf(sql, 'Encounter/imported-enc')).toEqual([`${ref(practice)} encounter`]);
      await repo.importBatch(admin, [{ ...imported[0], generalPractitioner: [{ reference: ref(council) }] } as Resource]);
      expect(await relationshipsOf(sql, 'Patient/imported-1')).toEqual([`${ref(council)} registered-gp`]);
    });

    it('a rebuild from the record changes nothing', async () => {
      const before = await table(sql);
      expect(before.length).toBeGreaterThan(6);
      const result = await rebuildCareRelationships(sql, systemContext());
      expect(result.relationships).toBe(before.length);
      expect(await table(sql)).toEqual(before);
      // and it repairs a table that drifted
      await sql.query('DELETE FROM care_relationship WHERE basis = $1', ['registered-gp']);
      await sql.query("INSERT INTO care_relationship (patient_id, organisation, basis, source) VALUES ('x', 'Organization/x', 'referral', 'ServiceRequest/x')");
      await rebuildCareRelationships(sql, systemContext());
      expect(await table(sql)).toEqual(before);
    });
  });
}
