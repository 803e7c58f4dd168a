/**
 * Reads the generator's reference data: the bundled model parameters in packages/synth/data, the
 * shared codelists at the repository root, and England's geography from @footprint/geography.
 * Each file is read once and cached; nothing here is written.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '@footprint/geography';

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

export { lsoas, parseCsv, type Lsoa } from '@footprint/geography';

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
