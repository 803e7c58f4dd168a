/**
 * @footprint/geography: England's reference geography, read once from the bundled files in
 * packages/geography/data (sources and licences in its README): LSOAs with their district,
 * deprivation and population; the partnership footprints and their places; acute trusts by STP;
 * Integrated Care Boards. Shared by the synthetic footprint generator and the warehouse.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from './csv';

export { parseCsv } from './csv';

export const GEOGRAPHY_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

const cache = new Map<string, unknown>();
function cached<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}
const readText = (name: string) => readFileSync(GEOGRAPHY_DATA_DIR + name, 'utf8');

/** One English LSOA (2011) with its district, deprivation and mid-2015 population by age band. */
export interface Lsoa {
  code: string;
  name: string;
  ladCode: string;
  ladName: string;
  imdRank: number;
  /** IMD 2019 decile: 1 = most deprived 10%. */
  imdDecile: number;
  population: number;
  population0to15: number;
  population16to59: number;
  population60plus: number;
}

/** All 32,844 English LSOAs from the IMD 2019 file (OGL v3). */
export function lsoas(): readonly Lsoa[] {
  return cached('lsoas', () =>
    parseCsv(gunzipSync(readFileSync(GEOGRAPHY_DATA_DIR + 'lsoa-imd2019.csv.gz')).toString('utf8')).map((r) => ({
      code: r.lsoa11_code,
      name: r.lsoa11_name,
      ladCode: r.lad19_code,
      ladName: r.lad19_name,
      imdRank: Number(r.imd_rank),
      imdDecile: Number(r.imd_decile),
      population: Number(r.population_2015),
      population0to15: Number(r.population_0_15),
      population16to59: Number(r.population_16_59),
      population60plus: Number(r.population_60_plus),
    })),
  );
}

/** LSOA code → LSOA. */
export function lsoaByCode(): ReadonlyMap<string, Lsoa> {
  return cached('lsoa-by-code', () => new Map(lsoas().map((l) => [l.code, l])));
}

/** A footprint as described in footprints.json (and in user-supplied footprint files of the same shape). */
export interface FootprintDefinition {
  id: string;
  name: string;
  ons_code?: string;
  places: { name: string; lad19_code: string }[];
  delivery_systems?: { name: string; places: string[] }[];
  trusts?: { ods_code: string; name: string }[];
}

/** The footprints named in the partnership plans. */
export function footprintDefinitions(): readonly FootprintDefinition[] {
  return cached('footprints', () => (JSON.parse(readText('footprints.json')) as { footprints: FootprintDefinition[] }).footprints);
}

/** The acute trusts of each 2017/18 STP footprint (rows of stp-2017-18-acute-trusts.csv). */
export function stpAcuteTrusts(): readonly { stpCode: string; stpName: string; odsCode: string; name: string }[] {
  return cached('stp-trusts', () =>
    parseCsv(readText('stp-2017-18-acute-trusts.csv')).map((r) => ({ stpCode: r.stp_code, stpName: r.stp_name, odsCode: r.trust_ods_code, name: r.trust_name })),
  );
}

/** The 42 Integrated Care Boards (2023) with their ODS and ONS codes. */
export function integratedCareBoards(): readonly Record<string, string>[] {
  return cached('icbs', () => parseCsv(readText('icb-2023.csv')));
}
