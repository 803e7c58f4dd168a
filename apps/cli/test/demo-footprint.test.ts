import { describe, expect, it } from 'vitest';
import { generateFootprint, type GroundTruthRecord } from '@footprint/synth';
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
});
