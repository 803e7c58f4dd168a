import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Reference data the warehouse joins to (packages/warehouse/data, see its README for sources):
 * English LSOAs (2011) with their local authority district (2019) and IMD 2019 decile, and the
 * footprints' places and delivery systems.
 */
export interface LsoaFacts {
  ladCode: string;
  ladName: string;
  imdDecile: number;
}

export interface PlaceRecord {
  placeCode: string;
  name: string;
  footprintId: string;
  deliverySystem: string | null;
}

const dataUrl = (name: string) => new URL(`../data/${name}`, import.meta.url);

let lsoaCache: Map<string, LsoaFacts> | undefined;

/** LSOA code → local authority district and IMD decile (1 = most deprived 10%). */
export function lsoaLookup(): Map<string, LsoaFacts> {
  if (lsoaCache) return lsoaCache;
  const text = gunzipSync(readFileSync(dataUrl('lsoa-imd2019.csv.gz'))).toString('utf8');
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const codeAt = header.indexOf('lsoa11_code');
  const ladAt = header.indexOf('lad19_code');
  const decileAt = header.indexOf('imd_decile');
  const ladNameAt = header.indexOf('lad19_name');
  const map = new Map<string, LsoaFacts>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const fields = splitCsvLine(line);
    map.set(fields[codeAt], { ladCode: fields[ladAt], ladName: fields[ladNameAt], imdDecile: Number(fields[decileAt]) });
  }
  lsoaCache = map;
  return map;
}

interface FootprintsFile {
  footprints: Array<{
    id: string;
    places: Array<{ name: string; lad19_code: string }>;
    delivery_systems: Array<{ name: string; places: string[] }>;
  }>;
}

/** Every place (local authority district) of the footprints in footprints.json. */
export function placeRecords(): PlaceRecord[] {
  const file = JSON.parse(gunzipSync(readFileSync(dataUrl('footprints.json.gz'))).toString('utf8')) as FootprintsFile;
  const places: PlaceRecord[] = [];
  for (const footprint of file.footprints) {
    for (const place of footprint.places) {
      const system = footprint.delivery_systems.find((s) => s.places.includes(place.name));
      places.push({ placeCode: place.lad19_code, name: place.name, footprintId: footprint.id, deliverySystem: system?.name ?? null });
    }
  }
  return places;
}

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
