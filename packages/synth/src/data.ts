/**
 * Reads the generator's reference data: the bundled files in packages/synth/data (geography,
 * trusts, footprints, model parameters) and the shared codelists at the repository root.
 * Each file is read once and cached; nothing here is written.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
export const CODELISTS_DIR = fileURLToPath(new URL('../../../codelists/', import.meta.url));

const cache = new Map<string, unknown>();

function cached<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

/** A bundled JSON data file, parsed. */
export function dataJson<T>(name: string): T {
  return cached(`json:${name}`, () => JSON.parse(readFileSync(DATA_DIR + name, 'utf8')) as T);
}

/** Splits one CSV line, honouring double-quoted fields (with "" as an escaped quote). */
export function splitCsvLine(line: string): string[] {
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

/** Rows of a CSV text as objects keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = cells[i] ?? ''));
    return row;
  });
}

/** One English LSOA (2011) with its district, deprivation and mid-2015 population by age band. */
export interface Lsoa {
  code: string;
  name: string;
  ladCode: string;
  ladName: string;
  imdRank: number;
  imdDecile: number;
  population: number;
  population0to15: number;
  population16to59: number;
  population60plus: number;
}

/** All 32,844 English LSOAs from the IMD 2019 file (OGL v3). */
export function lsoas(): readonly Lsoa[] {
  return cached('lsoas', () => {
    const text = gunzipSync(readFileSync(DATA_DIR + 'lsoa-imd2019.csv.gz')).toString('utf8');
    return parseCsv(text).map((r) => ({
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
    }));
  });
}

export interface CodeTerm {
  code: string;
  term: string;
}

export interface Codelist {
  id: string;
  system: string;
  description: string;
  codes: readonly CodeTerm[];
}

interface CodelistIndexEntry {
  id: string;
  file: string;
  system: string;
  description: string;
}

/** The shared codelists' index (codelists/index.json). */
export function codelistIndex(): readonly CodelistIndexEntry[] {
  return cached('codelist-index', () => JSON.parse(readFileSync(CODELISTS_DIR + 'index.json', 'utf8')) as CodelistIndexEntry[]);
}

/** One shared codelist by id (for example `snomed/hypertension`); throws naming the id when it does not exist. */
export function codelist(id: string): Codelist {
  return cached(`codelist:${id}`, () => {
    const entry = codelistIndex().find((e) => e.id === id);
    if (!entry) throw new Error(`Codelist "${id}" is not in codelists/index.json`);
    const codes = parseCsv(readFileSync(CODELISTS_DIR + entry.file, 'utf8')).map((r) => ({ code: r.code, term: r.term }));
    if (codes.length === 0) throw new Error(`Codelist "${id}" (${entry.file}) has no codes`);
    return { id, system: entry.system, description: entry.description, codes };
  });
}
