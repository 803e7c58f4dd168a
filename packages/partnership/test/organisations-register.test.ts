import type { OrganizationAffiliation } from '@footprint/fhir';
import { createRecord, recordMigrationSets, systemContext, type OpenRecord } from '@footprint/record';
import { createContext, directoryResources } from '@footprint/synth';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  changeMembership,
  endMembership,
  exportRegisterCsv,
  importRegisterCsv,
  membersOn,
  organisationDetail,
  organisationDirectory,
  partnershipMigrationSets,
  PartnershipProblem,
  type Editor,
} from '../src';

const lead: Editor = { id: 'u-lead', name: 'Pat Lead', role: 'partnership_lead' };
const KINDS = ['partnership', 'acute_trust', 'gp_practice', 'pcn', 'community_provider', 'mental_health_provider', 'local_authority', 'voluntary', 'commissioner', 'provider_alliance', 'integrated_care_partnership', 'other'];
const options = { editor: lead, bodyId: 'org-QYG' };

async function refusal(promise: Promise<unknown>): Promise<PartnershipProblem> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnershipProblem);
  return error as PartnershipProblem;
}

for (const kind of postgresKinds()) {
  describe(`the register of organisations in the record (${kind})`, () => {
    let record: OpenRecord;
    let empty: OpenRecord;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'partnership_register', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      empty = await openOnTestStorage(kind, 'partnership_register_empty', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      await record.repo.importBatch(systemContext('SYSADMIN', 'test'), directoryResources(createContext({ footprint: 'cheshire-and-merseyside', people: 400, seed: 3 }).directory));
    });
    afterAll(async () => {
      await record?.close();
      await empty?.close();
    });

    it('searches the directory by name or code, filters by kind, role and date, and counts by kind', async () => {
      const all = await organisationDirectory(record.repo, 'org-QYG', {});
      expect(all.countsByKind.find((k) => k.kind === 'commissioner')?.count).toBe(13 + 9);
      const byCode = await organisationDirectory(record.repo, 'org-QYG', { q: '99a' });
      expect(byCode.organisations.map((o) => o.name)).toEqual(['NHS Liverpool CCG']);
      const byName = await organisationDirectory(record.repo, 'org-QYG', { q: 'nhs cheshire' });
      expect(byName.organisations.map((o) => o.odsCode)).toEqual(['27D']);
      const in2018 = await organisationDirectory(record.repo, 'org-QYG', { role: 'nhs-commissioner', on: '2018-01-01' });
      expect(in2018.total).toBe(12);
      const trusts = await organisationDirectory(record.repo, 'org-QYG', { kind: 'acute_trust' });
      expect(trusts.organisations.every((o) => o.kind === 'acute_trust' && o.roles.some((r) => r.code === 'nhs-provider'))).toBe(true);
      expect(trusts.organisations[0].alliances.length).toBeGreaterThan(0);
      expect(trusts.countsByKind.length).toBeGreaterThan(5);
    });

    it("adds, changes and ends a membership as new versions that name who changed it; the record's history keeps them", async () => {
      const added = await addMembership(record.repo, 'org-99A', { memberOf: 'org-ZA001', role: 'member', start: '2021-07-01' }, options);
      expect((await membersOn(record.repo, 'org-ZA001', '2021-07-01')).some((m) => m.affiliationId === added.id)).toBe(true);
      const changed = await changeMembership(record.repo, 'org-99A', added.id!, { start: '2021-08-01', versionId: added.meta!.versionId }, options);
      expect(changed.period).toEqual({ start: '2021-08-01' });
      const ended = await endMembership(record.repo, 'org-99A', added.id!, { end: '2022-06-30' }, options);
      expect(ended.period).toEqual({ start: '2021-08-01', end: '2022-06-30' });
      expect((await membersOn(record.repo, 'org-ZA001', '2022-07-01')).some((m) => m.affiliationId === added.id)).toBe(false);
      const detail = await organisationDetail(record.repo, 'org-99A');
      const versions = detail.history.filter((h) => h.id === added.id);
      expect(versions.map((v) => v.versionId)).toHaveLength(3);
      expect(versions[0]).toMatchObject({ who: { kind: 'user', id: 'u-lead', name: 'Pat Lead (partnership_lead)' } });
      expect(versions[0].summary).toContain('2021-08-01 to 2022-06-30');
      expect(detail.memberships.map((m) => m.memberOf.id)).toEqual(expect.arrayContaining(['org-QYG', 'org-ZA001']));
      const stored = await record.repo.read<OrganizationAffiliation>(systemContext(), 'OrganizationAffiliation', added.id!);
      expect(stored.meta?.source).toContain('/principal/system/partnership-register');
    });

    it('refuses bad edits with a precise 4xx and writes nothing', async () => {
      expect((await refusal(addMembership(record.repo, 'org-nope', { role: 'member' }, options))).status).toBe(404);
      expect((await refusal(addMembership(record.repo, 'org-99A', { role: 'member', start: '2022-01-02', end: '2022-01-01' }, options))).status).toBe(400);
      expect((await refusal(changeMembership(record.repo, 'org-99A', 'aff-12F', { end: '2020-01-01' }, options))).status).toBe(404);
      expect((await refusal(changeMembership(record.repo, 'org-99A', 'aff-99A', { end: '2015-01-01' }, options))).status).toBe(400);
      const stale = await changeMembership(record.repo, 'org-99A', 'aff-99A', { end: '2022-06-30', versionId: '99' }, options).catch((e: { status?: number }) => e);
      expect((stale as { status?: number }).status).toBe(412);
      expect((await organisationDetail(record.repo, 'org-99A')).history.filter((h) => h.id === 'aff-99A')).toHaveLength(1);
      expect((await refusal(organisationDetail(record.repo, 'org-unknown'))).status).toBe(404);
    });

    it('exports the register as CSV and imports it into an empty record as the same register; a re-import changes nothing', async () => {
      const csv = await exportRegisterCsv(record.repo);
      const progress: number[] = [];
      const report = await importRegisterCsv(empty.repo, csv, { editor: lead, kinds: KINDS, onProgress: (done) => progress.push(done) });
      expect(report.organisations.created).toBeGreaterThan(50);
      expect(report.memberships.updated + report.memberships.unchanged + report.organisations.updated).toBe(0);
      expect(progress.at(-1)).toBe(report.organisations.created + report.memberships.created);
      expect(await exportRegisterCsv(empty.repo)).toBe(csv);
      expect(await membersOn(empty.repo, 'org-QYG', '2019-01-01')).toEqual(await membersOn(record.repo, 'org-QYG', '2019-01-01'));
      const again = await importRegisterCsv(empty.repo, csv, { editor: lead, kinds: KINDS });
      expect(again.organisations).toEqual({ created: 0, updated: 0, unchanged: report.organisations.created });
      expect(again.memberships.unchanged).toBe(report.memberships.created);
    });

    it('refuses a file with any bad row, naming the row and column, and writes nothing', async () => {
      const csv = await exportRegisterCsv(record.repo);
      const lines = csv.split('\r\n');
      const header = lines[0].split(',');
      const bad = (column: string, value: string, line = 5) => {
        const copy = [...lines];
        const cells = copy[line - 1].split(',');
        cells[header.indexOf(column)] = value;
        copy[line - 1] = cells.join(',');
        return copy.join('\r\n').replace(/^/, '');
      };
      const before = await exportRegisterCsv(record.repo);
      for (const [column, value, message] of [
        ['start', '2020-13-01', /Row 5, column start/],
        ['role', 'boss', /Row 5, column role/],
        ['kind', 'castle', /Row 5, column kind/],
        ['ods_code', 'e54000008', /Row 5, column ods_code/],
        ['member_of', 'org-nowhere', /Row 5, column member_of/],
      ] as const) {
        const problem = await refusal(importRegisterCsv(record.repo, bad(column, value), { editor: lead, kinds: KINDS }));
        expect(problem.status).toBe(400);
        expect(problem.detail).toMatch(message);
      }
      // A good change in row 2 with a bad row further down: nothing of either is written.
      const mixed = bad('start', 'soon', 9).split('\r\n');
      mixed[1] = mixed[1].replace(/,2016-04-01,/, ',2016-05-01,');
      await refusal(importRegisterCsv(record.repo, mixed.join('\r\n'), { editor: lead, kinds: KINDS }));
      expect(await exportRegisterCsv(record.repo)).toBe(before);
      expect((await refusal(importRegisterCsv(record.repo, 'name,kind,colour\r\nX,other,red\r\n', { editor: lead, kinds: KINDS }))).title).toBe('Unknown column');
    });
  });
}
