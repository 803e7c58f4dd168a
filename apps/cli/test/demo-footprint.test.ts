import { describe, expect, it } from 'vitest';
import type { EpisodeOfCare, Resource } from '@footprint/fhir';
import { generateFootprint, SOCIAL_CARE_EPISODE, type GroundTruthRecord } from '@footprint/synth';
import { DEFAULT_DEMO_PEOPLE, DEMO_FOOTPRINT } from '../src/demo/prepare';

/**
 * The demo footprint must look like a footprint: in every place, people registered with several
 * practices grouped into at least one PCN, so a drill-down from place to practice has practices to
 * compare. Generated at the demo's own size and seed, the way `footprint demo` generates it.
 */
describe('the demo footprint', () => {
  it('has at least three practices with registered people and at least one PCN in every place', async () => {
    const registered: GroundTruthRecord[] = [];
    const ctx = await generateFootprint({ ...DEMO_FOOTPRINT, people: DEFAULT_DEMO_PEOPLE }, { resource() {}, groundTruth: (r) => registered.push(r) });
    const { directory, footprint } = ctx;
    expect(registered).toHaveLength(DEFAULT_DEMO_PEOPLE);
    const practiceByCode = new Map(directory.practices.map((p) => [p.code, p]));

    expect(footprint.places.length).toBeGreaterThan(1);
    footprint.places.forEach((place, placeIndex) => {
      const practices = new Set(registered.map((r) => practiceByCode.get(r.practice)!).filter((p) => p.placeIndex === placeIndex).map((p) => p.code));
      const pcns = directory.pcns.filter((p) => p.placeIndex === placeIndex);
      expect(practices.size, `practices with registered people in ${place.name}`).toBeGreaterThanOrEqual(3);
      expect(pcns.length, `PCNs in ${place.name}`).toBeGreaterThanOrEqual(1);
      for (const code of practices) expect(directory.pcnOf(practiceByCode.get(code)!).placeIndex, `PCN of ${code}`).toBe(placeIndex);
    });
  });

  it('gives every council people in open social care episodes, and holds sensitive items from practices and trusts', async () => {
    const written: Array<{ organisation: string; resource: Resource }> = [];
    const ctx = await generateFootprint({ ...DEMO_FOOTPRINT, people: DEFAULT_DEMO_PEOPLE }, { resource: (organisation, resource) => written.push({ organisation, resource }), groundTruth() {} });
    for (const council of ctx.directory.localAuthorities) {
      const episodes = written.filter(
        (w) => w.organisation === council.code && w.resource.resourceType === 'EpisodeOfCare' && (w.resource as EpisodeOfCare).type?.[0]?.coding?.[0]?.code === SOCIAL_CARE_EPISODE.code,
      );
      expect(episodes.length, `people in ${council.name}'s social care`).toBeGreaterThanOrEqual(5);
      expect(episodes.every((e) => (e.resource as EpisodeOfCare).status === 'active' && (e.resource as EpisodeOfCare).managingOrganization?.reference === `Organization/org-${council.code}`)).toBe(true);
    }
    const sensitive = written.filter((w) => JSON.stringify(w.resource).match(/"(86406008|8098009|105629000|15628003|76272004|33839006|386639001|57797005|63487001|52637005|93461009|407377005|407376001)"|"code":"R"/));
    const recorders = new Set(sensitive.map((w) => ctx.directory.all().find((o) => o.code === w.organisation)?.kind));
    expect(sensitive.length).toBeGreaterThanOrEqual(20);
    expect([...recorders].sort()).toEqual(expect.arrayContaining(['acute_trust', 'gp_practice', 'mental_health_provider']));
  });
});
