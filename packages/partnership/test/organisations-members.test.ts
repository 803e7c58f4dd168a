import { ILLUSTRATIVE_TAG, PARTNERSHIP_ROLE_SYSTEM, type Organization, type OrganizationAffiliation } from '@footprint/fhir';
import { createRecord, recordMigrationSets, systemContext, type OpenRecord } from '@footprint/record';
import { createContext, directoryResources } from '@footprint/synth';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersOn, partnershipMigrationSets, PartnershipProblem, runningFootprint } from '../src';

const admin = systemContext('SYSADMIN', 'partnership-test');

/** A small alliance with edge cases written by hand: edges of periods, a withdrawn affiliation, one without a role. */
const org = (id: string, name: string): Organization => ({ resourceType: 'Organization', id, name, active: true });
const aff = (id: string, member: string, extra: Partial<OrganizationAffiliation>): OrganizationAffiliation => ({
  resourceType: 'OrganizationAffiliation',
  id,
  active: true,
  organization: { reference: 'Organization/t-alliance' },
  participatingOrganization: { reference: `Organization/${member}` },
  ...extra,
});
const role = (code: string) => [{ coding: [{ system: PARTNERSHIP_ROLE_SYSTEM, code }] }];

for (const kind of postgresKinds()) {
  describe(`member organisations from the record (${kind})`, () => {
    let record: OpenRecord;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'partnership_members', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      const context = createContext({ footprint: 'cheshire-and-merseyside', people: 600, seed: 7 });
      await record.repo.importBatch(admin, directoryResources(context.directory));
      await record.repo.importBatch(admin, [
        org('t-alliance', 'Test Alliance'),
        org('t-a', 'Alpha Trust'),
        org('t-b', 'Beta Council'),
        org('t-c', 'Gamma Voluntary'),
        org('t-d', 'Delta Practice'),
        aff('t-aff-a', 't-a', { code: role('lead-provider'), period: { start: '2020-01-01', end: '2020-12-31' } }),
        aff('t-aff-b', 't-b', { period: { start: '2020-06-01T00:00:00Z' } }),
        aff('t-aff-c', 't-c', { active: false, code: role('member') }),
        aff('t-aff-d', 't-d', { code: [{ coding: [{ system: 'http://hl7.org/fhir/organization-role', code: 'member' }] }] }),
      ]);
    });
    afterAll(async () => record?.close());

    it('counts both ends of a period, never a withdrawn affiliation, and a roleless one as member', async () => {
      const names = async (on?: string) => (await membersOn(record.repo, 't-alliance', on)).map((m) => `${m.name}:${m.role.code}`);
      expect(await names('2019-12-31')).toEqual(['Delta Practice:member']);
      expect(await names('2020-01-01')).toEqual(['Alpha Trust:lead-provider', 'Delta Practice:member']);
      expect(await names('2020-06-01')).toEqual(['Alpha Trust:lead-provider', 'Beta Council:member', 'Delta Practice:member']);
      expect(await names('2020-12-31')).toEqual(['Alpha Trust:lead-provider', 'Beta Council:member', 'Delta Practice:member']);
      expect(await names('2021-01-01')).toEqual(['Beta Council:member', 'Delta Practice:member']);
      expect(await names()).toEqual(['Alpha Trust:lead-provider', 'Beta Council:member', 'Delta Practice:member']);
      const [alpha] = await membersOn(record.repo, 't-alliance', '2020-03-01');
      expect(alpha).toMatchObject({ id: 't-a', affiliationId: 't-aff-a', period: { start: '2020-01-01', end: '2020-12-31' }, role: { label: 'Lead provider' }, kind: 'other', illustrative: false });
    });

    it('refuses a date that is not a calendar date', async () => {
      const error = await membersOn(record.repo, 't-alliance', '2020-02-30').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PartnershipProblem);
      expect((error as PartnershipProblem).status).toBe(400);
    });

    it("shows the demo footprint's commissioners over time: the CCGs to 30 June 2022, then the ICB and its places", async () => {
      const footprint = await runningFootprint(record.repo);
      expect(footprint).toMatchObject({ onsCode: 'E54000008', odsCode: 'QYG', organisationId: 'org-QYG' });
      const commissioners = async (on: string) => (await membersOn(record.repo, 'org-QYG', on)).filter((m) => m.role.code === 'nhs-commissioner');
      const in2018 = await commissioners('2018-04-01');
      expect(in2018.map((m) => m.odsCode).sort()).toEqual(['01C', '01F', '01J', '01R', '01T', '01V', '01X', '02D', '02E', '02F', '12F', '99A']);
      expect(in2018.every((m) => m.kind === 'commissioner' && !m.illustrative)).toBe(true);
      expect((await commissioners('2020-04-01')).map((m) => m.odsCode).sort()).toEqual(['01F', '01J', '01T', '01V', '01X', '02E', '12F', '27D', '99A']);
      expect((await commissioners('2022-06-30')).map((m) => m.odsCode)).toContain('27D');
      const after = await commissioners('2022-07-01');
      expect(after.map((m) => m.odsCode ?? m.name)).toContain('QYG');
      expect(after.filter((m) => m.name.endsWith(' place'))).toHaveLength(9);
      expect(after.some((m) => m.odsCode === '99A')).toBe(false);
    });

    it("lists an alliance's members with their roles, and marks made-up ones illustrative", async () => {
      const members = await membersOn(record.repo, 'org-ZA001', '2023-01-01');
      expect(members.length).toBeGreaterThan(5);
      expect(members.every((m) => m.kind === 'acute_trust' && m.illustrative)).toBe(true);
      expect(members.filter((m) => m.role.code === 'lead-provider')).toHaveLength(1);
      const body = await membersOn(record.repo, 'org-QYG', '2023-01-01');
      const kinds = new Set(body.map((m) => m.kind));
      for (const k of ['acute_trust', 'gp_practice', 'pcn', 'local_authority', 'voluntary', 'commissioner', 'provider_alliance', 'integrated_care_partnership']) expect(kinds).toContain(k);
      const affiliation = await record.repo.read<OrganizationAffiliation>(admin, 'OrganizationAffiliation', 'aff-ZA001');
      expect(affiliation.meta?.tag?.[0]).toMatchObject({ system: ILLUSTRATIVE_TAG.system, code: 'illustrative' });
    });
  });
}
