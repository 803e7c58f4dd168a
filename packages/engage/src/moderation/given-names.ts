import { readFileSync } from 'node:fs';

/**
 * The given and family names the detector recognises: the synthetic footprint's list of common
 * names in England (packages/synth/data/names.json, every naming tradition), read once. Words that
 * are also month abbreviations (Jan, Jun) are left out: capitalised, they are far more often dates.
 */
interface NamesData {
  traditions: Record<string, { female: string[]; male: string[]; family: string[] }>;
}

const NOT_NAMES = new Set(['Jan', 'Jun']);

let cached: { given: ReadonlySet<string>; family: ReadonlySet<string> } | undefined;

/** The given names and family names, as written (capitalised). */
export function knownNames(): { given: ReadonlySet<string>; family: ReadonlySet<string> } {
  if (cached) return cached;
  const file = new URL('../../../synth/data/names.json', import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as NamesData;
  const given = new Set<string>();
  const family = new Set<string>();
  for (const tradition of Object.values(data.traditions)) {
    for (const name of [...tradition.female, ...tradition.male]) if (!NOT_NAMES.has(name)) given.add(name);
    for (const name of tradition.family) family.add(name);
  }
  cached = { given, family };
  return cached;
}
