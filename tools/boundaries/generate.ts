/**
 * Generates packages/geography/data/boundaries/lad-2019-england.topo.json, the boundaries of
 * England's 317 local authority districts of 2019 that the partnership map draws, from the shared
 * 2013 district boundaries (Martin Chorley, CC BY 4.0; OS OpenData):
 *
 *   1. simplify the 2013 topology, keeping topology (shared borders stay shared, so neighbours never
 *      gap or overlap) and keeping the 10% of points that matter most (by the area each adds), and every arc end;
 *   2. carry over the 312 districts whose code did not change, and merge the shapes of the 2013
 *      districts that formed the five districts of 2019 (lad-2013-merges.csv);
 *   3. name every district as the 2019 IMD file (lsoa-imd2019.csv.gz) names it;
 *   4. drop the arcs nothing uses any more (the old borders inside the merged districts), and
 *      quantize to a 10,000 × 10,000 grid over England (about 80 m), the source's own resolution.
 *
 * Run from the repository root: npx tsx tools/boundaries/generate.ts [path/to/shared/data/geography]
 * (default ../shared/data/geography). Rerunning gives the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { mergeArcs, quantize } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { GEOGRAPHY_DATA_DIR, lsoas, parseCsv } from '@footprint/geography';

/** The share of the points (ranked by how much area they add) to keep: lower is smaller and coarser. */
const KEEP = 0.1;
const BOUNDARY_FILE = join(GEOGRAPHY_DATA_DIR, 'boundaries', 'lad-2019-england.topo.json');

// The TopoJSON types, as topojson-client's functions take them.
type Topology = Parameters<typeof presimplify>[0];
type Area = { type: 'Polygon'; arcs: number[][] } | { type: 'MultiPolygon'; arcs: number[][][] };
type District = { id: string; properties: { code: string; name: string } } & ({ type: 'Polygon'; arcs: number[][] } | { type: 'MultiPolygon'; arcs: number[][][] });

function main(sharedDir: string): void {
  const source = JSON.parse(gunzipSync(readFileSync(join(sharedDir, 'lad-2013-england.topo.json.gz'))).toString('utf8')) as Topology;
  const merges = parseCsv(readFileSync(join(sharedDir, 'lad-2013-merges.csv'), 'utf8'));
  const names = new Map(lsoas().map((l) => [l.ladCode, l.ladName]));

  const weighted = presimplify(source);
  const topology = simplify(weighted, quantile(weighted, KEEP));
  const districts2013 = new Map<string, Area>();
  for (const g of (topology.objects.lad as unknown as { geometries: (Area & { properties: { LAD13CD: string } })[] }).geometries) districts2013.set(g.properties.LAD13CD, g);

  const mergedFrom = new Map(merges.map((m) => [m.lad19_code, m.lad13_codes.split(' ')]));
  const districts: District[] = [];
  for (const [code, name] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
    const parts = (mergedFrom.get(code) ?? [code]).map((c) => {
      const shape = districts2013.get(c);
      if (!shape) throw new Error(`No 2013 boundary for ${c} (part of the 2019 district ${code} ${name}).`);
      return shape;
    });
    const shape = parts.length === 1 ? parts[0] : (mergeArcs(topology as Parameters<typeof mergeArcs>[0], parts as Parameters<typeof mergeArcs>[1]) as Area);
    districts.push({ type: shape.type, arcs: shape.arcs, id: code, properties: { code, name } } as District);
  }

  const pruned = quantize(prune(topology, districts), 1e4);
  writeFileSync(BOUNDARY_FILE, JSON.stringify(pruned) + '\n');
  console.log(`${districts.length} districts, ${pruned.arcs.length} arcs, ${readFileSync(BOUNDARY_FILE).length} bytes → ${BOUNDARY_FILE}`);
}

/** The topology with only the arcs the districts use, renumbered (a negative index ~i means arc i reversed). */
function prune(topology: Topology, districts: District[]): Topology {
  const renumber = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const remap = (index: number): number => {
    const i = index < 0 ? ~index : index;
    let next = renumber.get(i);
    if (next === undefined) {
      next = arcs.length;
      renumber.set(i, next);
      arcs.push(topology.arcs[i]);
    }
    return index < 0 ? ~next : next;
  };
  const rings = (polygon: number[][]) => polygon.map((ring) => ring.map(remap));
  const geometries = districts.map((d) =>
    d.type === 'Polygon' ? { ...d, arcs: rings(d.arcs) } : { ...d, arcs: d.arcs.map(rings) },
  );
  return { type: 'Topology', bbox: topology.bbox, objects: { districts: { type: 'GeometryCollection', geometries } }, arcs };
}

main(resolve(process.argv[2] ?? '../shared/data/geography'));
