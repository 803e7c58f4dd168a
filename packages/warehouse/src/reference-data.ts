import { footprintDefinitions, lsoas } from '@footprint/geography';

/**
 * Reference data the warehouse joins to, from @footprint/geography (sources in its data/README.md):
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

let lsoaCache: Map<string, LsoaFacts> | undefined;

/** LSOA code → local authority district and IMD decile (1 = most deprived 10%). */
export function lsoaLookup(): Map<string, LsoaFacts> {
  lsoaCache ??= new Map(lsoas().map((l) => [l.code, { ladCode: l.ladCode, ladName: l.ladName, imdDecile: l.imdDecile }]));
  return lsoaCache;
}

/** Every place (local authority district) of the footprints in footprints.json. */
export function placeRecords(): PlaceRecord[] {
  const places: PlaceRecord[] = [];
  for (const footprint of footprintDefinitions()) {
    for (const place of footprint.places) {
      const system = footprint.delivery_systems?.find((s) => s.places.includes(place.name));
      places.push({ placeCode: place.lad19_code, name: place.name, footprintId: footprint.id, deliverySystem: system?.name ?? null });
    }
  }
  return places;
}
