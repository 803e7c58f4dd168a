import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { feature } from 'topojson-client';
import { GEOGRAPHY_DATA_DIR } from '@footprint/geography';
import { ApiProblem } from '../api/problem';

/** The shipped, simplified boundaries of England's 2019 districts (packages/geography/data/boundaries/README.md). */
export const BOUNDARY_FILE = join(GEOGRAPHY_DATA_DIR, 'boundaries', 'lad-2019-england.topo.json');
/** How many districts one request may ask for: the largest footprint has a few dozen places. */
export const MAX_BOUNDARY_CODES = 50;
/** Both attributions the boundary data's licences ask for, wherever the map is shown. */
export const BOUNDARY_ATTRIBUTION =
  'Boundaries: "GeoJSON and TopoJSON UK Boundary Data" by Martin Chorley, CC BY 4.0; contains Ordnance Survey data © Crown copyright and database right 2014.';

type Position = number[];
type Ring = Position[];
type Shape = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
/** One district as a GeoJSON Feature. */
export interface DistrictBoundary {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string };
  geometry: Shape;
}
/** A GeoJSON FeatureCollection, with the attribution the data's licences ask for. */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  attribution: string;
  features: DistrictBoundary[];
}
type Topology = Parameters<typeof feature>[0];
type TopologyObject = Exclude<Parameters<typeof feature>[1], string>;

const DISTRICT_CODE = /^E0[6-9]\d{6}$/;

interface Boundaries {
  byCode: Map<string, DistrictBoundary>;
  /** Changes whenever the shipped file does, so an ETag outlives restarts but not a new file. */
  version: string;
}
let loaded: Boundaries | undefined;

/** Rounds to 4 decimal places (about 10 m): the file is quantized to about 80 m, so more digits only add bytes. */
const round = (p: Position): Position => [Math.round(p[0] * 1e4) / 1e4, Math.round(p[1] * 1e4) / 1e4];

function boundaries(): Boundaries {
  if (loaded) return loaded;
  const text = readFileSync(BOUNDARY_FILE, 'utf8');
  const topology = JSON.parse(text) as Topology;
  const byCode = new Map<string, DistrictBoundary>();
  const all = feature(topology, topology.objects.districts as TopologyObject) as unknown as { features: DistrictBoundary[] };
  for (const district of all.features) {
    const geometry = district.geometry;
    const shape: Shape = geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(round)) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(round))) };
    const { code, name } = district.properties;
    byCode.set(code, { type: 'Feature', id: code, properties: { code, name }, geometry: shape });
  }
  loaded = { byCode, version: createHash('sha256').update(text).digest('base64url').slice(0, 16) };
  return loaded;
}

/** The boundaries of these districts, in the order asked; ApiProblem 400/404 naming the codes that are malformed or unknown. */
export function districtBoundaries(codes: string[]): DistrictBoundary[] {
  const malformed = codes.filter((c) => !DISTRICT_CODE.test(c));
  if (malformed.length) {
    throw new ApiProblem(400, 'Not a district code', `${malformed.map((c) => JSON.stringify(c)).join(', ')} ${malformed.length === 1 ? 'is' : 'are'} not a 2019 local authority district code (E06, E07, E08 or E09 and six digits, such as E06000049).`);
  }
  const { byCode } = boundaries();
  const unknown = codes.filter((c) => !byCode.has(c));
  if (unknown.length) throw new ApiProblem(404, 'No such district', `No boundary for ${unknown.join(', ')}: Footprint ships the 317 local authority districts of England as of 2019.`);
  return codes.map((c) => byCode.get(c)!);
}

/** GET /api/public/boundaries?codes=E06000049,E06000050: those districts' boundaries as a GeoJSON FeatureCollection (WGS84). */
export async function boundaryRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: Record<string, unknown> }>('/boundaries', async (request, reply) => {
    const extra = Object.keys(request.query).filter((k) => k !== 'codes');
    if (extra.length) throw new ApiProblem(400, 'Unknown parameter', `This endpoint takes only "codes"; it does not know ${extra.map((k) => JSON.stringify(k)).join(', ')}.`);
    const raw = request.query.codes;
    if (typeof raw !== 'string' || raw.trim() === '') {
      throw new ApiProblem(400, 'Codes needed', 'Say which districts with codes=, a comma-separated list of 2019 local authority district codes (codes=E06000049,E06000050).');
    }
    const codes = [...new Set(raw.split(',').map((c) => c.trim().toUpperCase()))];
    if (codes.length > MAX_BOUNDARY_CODES) throw new ApiProblem(400, 'Too many codes', `Ask for at most ${MAX_BOUNDARY_CODES} districts at a time; this asked for ${codes.length}.`);
    const features = districtBoundaries(codes);
    // The shapes change only with a new release of the file: let browsers and proxies keep them for a day.
    const etag = `"${boundaries().version}-${createHash('sha256').update(codes.join(',')).digest('base64url').slice(0, 12)}"`;
    reply.header('cache-control', 'public, max-age=86400').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const answer: BoundaryCollection = { type: 'FeatureCollection', attribution: BOUNDARY_ATTRIBUTION, features };
    return reply.type('application/geo+json').send(answer);
  });
}
