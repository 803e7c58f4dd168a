import { describe, expect, it } from 'vitest';
import { resolveFootprint } from '../src/footprint';
import { OrganisationDirectory } from '../src/organisations';
import { PopulationFrame } from '../src/population';
import { directoryResources } from '../src/organisation-resources';
import { ILLUSTRATIVE_TAG, PARTNERSHIP_ROLE_SYSTEM, validateResource, type Organization, type OrganizationAffiliation } from '@footprint/fhir';

/** The organisation layout at a real footprint's size (2.6 million people: no people are generated). */
describe('organisations of Cheshire and Merseyside at full size', () => {
  const footprint = resolveFootprint('cheshire-and-merseyside');
  const people = 2_600_000;
  const frame = new PopulationFrame(footprint, people);
  const directory = new OrganisationDirectory(footprint, frame, 42);

  const listSizes = (): number[] => {
    const sizes = new Map<string, number>();
    // Catchment list sizes: count people by catchment practice in steps (every 100th person).
    for (let i = 0; i < people; i += 100) {
      const place = frame.placeOfLsoa[frame.lsoaIndexOf(i)];
      const code = directory.catchmentPractice(place, i).practice.code;
      sizes.set(code, (sizes.get(code) ?? 0) + 100);
    }
    return [...sizes.values()].sort((a, b) => a - b);
  };

  it('has about one practice per 7,000–9,000 people, with realistic list sizes', () => {
    const perPractice = people / directory.practices.length;
    expect(perPractice).toBeGreaterThanOrEqual(7000);
    expect(perPractice).toBeLessThanOrEqual(9000);
    const sizes = listSizes();
    const median = sizes[Math.floor(sizes.length / 2)];
    expect(median).toBeGreaterThan(5000);
    expect(median).toBeLessThan(10000);
    expect(sizes[0]).toBeGreaterThan(1500);
    expect(sizes[sizes.length - 1]).toBeLessThan(30000);
  });

  it('groups practices into PCNs of 30,000–50,000 people within each place', () => {
    const byPcn = new Map<string, number>();
    for (let i = 0; i < people; i += 100) {
      const place = frame.placeOfLsoa[frame.lsoaIndexOf(i)];
      const pcn = directory.catchmentPractice(place, i).practice.parentCode!;
      byPcn.set(pcn, (byPcn.get(pcn) ?? 0) + 100);
    }
    const sizes = [...byPcn.values()];
    const inRange = sizes.filter((s) => s >= 25_000 && s <= 55_000).length;
    expect(inRange / sizes.length).toBeGreaterThan(0.8);
    for (const practice of directory.practices) {
      const pcn = directory.pcnOf(practice);
      expect(pcn.placeIndex).toBe(practice.placeIndex);
    }
  });

  it('uses the real acute trusts, the ICB code, one council per place, and valid directory resources', () => {
    expect(directory.partnership.code).toBe('QYG');
    expect(directory.trusts.map((t) => t.code)).toContain('RBL');
    expect(directory.localAuthorities.map((l) => l.onsCode)).toEqual(footprint.places.map((p) => p.ladCode));
    expect(new Set(directory.all().map((o) => o.code)).size).toBe(directory.all().length);
    const resources = directoryResources(directory);
    for (const r of resources.slice(0, 60)) validateResource(r);
    // Deliberately changed in issue 11: besides one membership of the partnership per organisation
    // (and the ICB's own commissioner membership from July 2022), alliances have member affiliations.
    const affiliations = resources.filter((r): r is OrganizationAffiliation => r.resourceType === 'OrganizationAffiliation');
    const ofBody = affiliations.filter((a) => a.organization?.reference === 'Organization/org-QYG');
    expect(ofBody).toHaveLength(directory.all().length);
    for (const r of [...resources.filter((r) => r.resourceType === 'Organization'), ...affiliations]) validateResource(r);
    for (const a of affiliations) expect(a.code?.[0].coding?.[0].system).toBe(PARTNERSHIP_ROLE_SYSTEM);
  });

  it('dates the NHS commissioners: the CCGs until 30 June 2022 (the Cheshire four merged in April 2020), then the ICB and its places', () => {
    const resources = directoryResources(directory);
    const byId = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
    const aff = (id: string) => byId.get(`OrganizationAffiliation/${id}`) as OrganizationAffiliation;
    expect(aff('aff-99A').period).toEqual({ start: '2016-04-01', end: '2022-06-30' });
    expect(aff('aff-01C').period).toEqual({ start: '2016-04-01', end: '2020-03-31' });
    expect(aff('aff-27D').period).toEqual({ start: '2020-04-01', end: '2022-06-30' });
    expect(aff('aff-QYG').period).toEqual({ start: '2022-07-01' });
    expect(aff('aff-QYG').code?.[0].coding?.[0].code).toBe('nhs-commissioner');
    expect((byId.get('Organization/org-99A') as Organization).active).toBe(false);
    expect(aff('aff-99A').meta?.tag).toBeUndefined();
    const places = directory.commissioners.filter((c) => c.noOdsCode);
    expect(places).toHaveLength(9);
    expect((byId.get(`Organization/org-${places[0].code}`) as Organization).identifier).toBeUndefined();
    expect(aff(`aff-${places[0].code}`).period?.start).toBe('2022-07-01');
  });

  it('gives the alliances and integrated care partnerships their members, marked illustrative', () => {
    const resources = directoryResources(directory);
    const affiliations = resources.filter((r): r is OrganizationAffiliation => r.resourceType === 'OrganizationAffiliation');
    const membersOf = (code: string) => affiliations.filter((a) => a.organization?.reference === `Organization/org-${code}`);
    const acute = membersOf('ZA001');
    expect(acute.map((a) => a.participatingOrganization?.reference)).toEqual(directory.trusts.map((t) => `Organization/org-${t.code}`));
    expect(acute.filter((a) => a.code?.[0].coding?.[0].code === 'lead-provider')).toHaveLength(1);
    const midMersey = directory.alliances.find((a) => a.name === 'Mid Mersey (the Alliance)')!;
    const mid = membersOf(midMersey.code).map((a) => a.participatingOrganization?.reference);
    expect(mid).toEqual(expect.arrayContaining(['Organization/org-01F', 'Organization/org-01J', 'Organization/org-01X', 'Organization/org-02E']));
    expect(mid).not.toContain('Organization/org-99A');
    expect(membersOf('ZI001').map((a) => a.participatingOrganization?.reference)).toContain('Organization/org-QYG');
    for (const a of [...acute, ...membersOf('ZI001')]) expect(a.meta?.tag?.[0]).toEqual(ILLUSTRATIVE_TAG);
    expect(new Set(affiliations.map((a) => a.id)).size).toBe(affiliations.length);
  });
});

describe('a footprint described in a file', () => {
  it('takes its places from the file and its trusts from the STP lookup, serving places in turn', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'footprint-file-'));
    try {
      const path = join(dir, 'wy.json');
      writeFileSync(path, JSON.stringify({ id: 'west-yorkshire', name: 'West Yorkshire', ons_code: 'E54000005', places: [{ name: 'Leeds', lad19_code: 'E08000035' }, { name: 'Bradford', lad19_code: 'E08000032' }] }));
      const footprint = resolveFootprint(path);
      expect(footprint.places.map((p) => p.name)).toEqual(['Leeds', 'Bradford']);
      expect(footprint.trusts.map((t) => t.odsCode)).toContain('RR8');
      const frame = new PopulationFrame(footprint, 20_000);
      const directory = new OrganisationDirectory(footprint, frame, 1);
      expect(directory.trustChoice.map((c) => c.adult.trusts.length)).toEqual([1, 1]);
      expect(directory.partnership.code).toMatch(/^[A-Z0-9]{3}$/);
      writeFileSync(path, JSON.stringify({ id: 'x', name: 'X', places: [{ name: 'Nowhere', lad19_code: 'E99999999' }], trusts: [{ ods_code: 'RR8', name: 'Leeds' }] }));
      expect(() => resolveFootprint(path)).toThrow(/Nowhere \(E99999999\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
