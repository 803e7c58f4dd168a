import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { feature, neighbors } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { footprintDefinitions, GEOGRAPHY_DATA_DIR, lsoas } from '../src/index';

const FILE = join(GEOGRAPHY_DATA_DIR, 'boundaries', 'lad-2019-england.topo.json');
// The TopoJSON types, as topojson-client's functions take them.
type Topology = Parameters<typeof feature>[0];
type GeometryObject = Parameters<typeof neighbors>[0][number];
type Shape = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
const topology = JSON.parse(readFileSync(FILE, 'utf8')) as Topology;
const geometries = (topology.objects.districts as unknown as { geometries: GeometryObject[] }).geometries;
const props = (g: GeometryObject) => g.properties as { code: string; name: string };
const byCode = new Map(geometries.map((g) => [props(g).code, g]));
/** The district's shape as GeoJSON. */
const shapeOf = (g: GeometryObject) => (feature(topology, g) as unknown as { geometry: Shape }).geometry;

/** The shipped map boundaries (tools/boundaries/generate.ts): complete for 2019, small, and what the README says. */
describe('the 2019 district boundaries the map draws', () => {
  it('stays a sensible size for a web page (under 300 KB)', () => {
    expect(statSync(FILE).size).toBeLessThan(300_000);
    expect(statSync(FILE).size).toBeGreaterThan(50_000);
  });

  it('has every one of the 317 districts of 2019 once, named as the IMD 2019 file names them', () => {
    const districts = new Map(lsoas().map((l) => [l.ladCode, l.ladName]));
    expect(districts.size).toBe(317);
    expect(geometries).toHaveLength(317);
    expect(new Map(geometries.map((g) => [props(g).code, props(g).name]))).toEqual(districts);
    for (const g of geometries) expect(g.id).toBe(props(g).code);
  });

  it('covers every place of every footprint in footprints.json with a drawable shape', () => {
    const places = footprintDefinitions().flatMap((f) => f.places);
    expect(places.length).toBeGreaterThanOrEqual(32);
    for (const place of places) {
      const g = byCode.get(place.lad19_code);
      expect(g, `${place.name} ${place.lad19_code}`).toBeDefined();
      const shape = shapeOf(g!);
      expect(['Polygon', 'MultiPolygon']).toContain(shape.type);
      const rings = shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat();
      expect(rings.reduce((n, r) => n + r.length, 0), place.name).toBeGreaterThanOrEqual(8);
    }
  });

  it('keeps shared borders shared: Cheshire and Merseyside’s places touch their neighbours', () => {
    const index = new Map(geometries.map((g, i) => [props(g).code, i]));
    const touching = neighbors(geometries);
    const around = (code: string) => new Set(touching[index.get(code)!].map((i) => props(geometries[i]).code));
    // Halton borders Warrington, Knowsley, St Helens... and Cheshire West and Chester; Liverpool borders Sefton and Knowsley.
    expect([...around('E06000006')]).toEqual(expect.arrayContaining(['E06000007', 'E08000011', 'E06000050']));
    expect([...around('E08000012')]).toEqual(expect.arrayContaining(['E08000014', 'E08000011']));
  });

  it('merges the 2013 districts that formed a 2019 one into one shape with no inner border', () => {
    const dorset = shapeOf(byCode.get('E06000059')!);
    // Five 2013 districts (West Dorset, Weymouth and Portland, North Dorset, Purbeck, East Dorset) became one: one outer ring on the mainland.
    const polygons = dorset.type === 'MultiPolygon' ? dorset.coordinates : [dorset.coordinates];
    const largest = Math.max(...polygons.map((p) => p[0].length));
    expect(polygons.filter((p) => p[0].length === largest)).toHaveLength(1);
    expect(largest).toBeGreaterThan(50);
    for (const old of ['E07000049', 'E07000053', 'E06000028', 'E07000205']) expect(byCode.has(old)).toBe(false);
  });

  it('is described, with both attributions, in the data README', () => {
    const readme = readFileSync(join(GEOGRAPHY_DATA_DIR, 'boundaries', 'README.md'), 'utf8');
    expect(readme).toContain('lad-2019-england.topo.json');
    expect(readme).toContain('Martin Chorley');
    expect(readme).toContain('CC BY 4.0');
    expect(readme).toContain('Ordnance Survey');
    expect(readme).toContain('tools/boundaries/generate.ts');
  });
});
