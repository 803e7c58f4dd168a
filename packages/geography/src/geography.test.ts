import { describe, expect, it } from 'vitest';
import { footprintDefinitions, integratedCareBoards, lsoaByCode, lsoas, stpAcuteTrusts } from './index';

describe('reference geography', () => {
  it('holds every English LSOA with a deprivation decile and a population', () => {
    const all = lsoas();
    expect(all).toHaveLength(32_844);
    expect(new Set(all.map((l) => l.imdDecile))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(all.every((l) => l.population === l.population0to15 + l.population16to59 + l.population60plus)).toBe(true);
    expect(lsoaByCode().get('E01000001')?.ladName).toBe('City of London');
  });

  it('describes each bundled footprint by districts that are in the LSOA data', () => {
    const districts = new Set(lsoas().map((l) => l.ladCode));
    const footprints = footprintDefinitions();
    expect(footprints.map((f) => f.id)).toContain('cheshire-and-merseyside');
    for (const footprint of footprints) for (const place of footprint.places) expect(districts.has(place.lad19_code)).toBe(true);
    expect(footprints.find((f) => f.id === 'cheshire-and-merseyside')?.places).toHaveLength(9);
  });

  it('lists the 44 STP footprints’ acute trusts and the 42 ICBs', () => {
    expect(new Set(stpAcuteTrusts().map((t) => t.stpCode)).size).toBe(44);
    expect(integratedCareBoards()).toHaveLength(42);
  });
});
