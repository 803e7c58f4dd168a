import { readFileSync } from 'node:fs';
import { parseCsv } from '@footprint/geography';
import { ORGANISATION_KIND_CODES } from './organisation-kinds';

/**
 * Code lookups the loader applies after the views (data/*.csv and data/opt-out-codings.json):
 * ethnic category to five-group, social care code to kind, encounter type to setting,
 * organisation type to kind (organisation-kinds.ts), and the Consent codings that mean an opt-out.
 */
export interface Codings {
  ethnicityGroup: Map<string, string>;
  socialCareKind: Map<string, string>;
  encounterSetting: Map<string, string>;
  organisationKind: Map<string, string>;
  optOutPolicyUris: Set<string>;
  optOutCodes: Set<string>;
}

const dataUrl = (name: string) => new URL(`../data/${name}`, import.meta.url);

/** A code listed with two different values is ambiguous and left out (the caller falls back to other evidence). */
function csvMap(file: string, keyColumn: string, valueColumn: string): Map<string, string> {
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const row of parseCsv(readFileSync(dataUrl(file), 'utf8'))) {
    const key = row[keyColumn];
    const value = row[valueColumn];
    if (key === undefined || value === undefined) throw new Error(`${file} has no ${key === undefined ? keyColumn : valueColumn} column`);
    const previous = map.get(key);
    if (previous !== undefined && previous !== value) ambiguous.add(key);
    map.set(key, value);
  }
  for (const code of ambiguous) map.delete(code);
  return map;
}

let cached: Codings | undefined;

export function codings(): Codings {
  if (cached) return cached;
  const optOut = JSON.parse(readFileSync(dataUrl('opt-out-codings.json'), 'utf8')) as { policyUris: string[]; codes: Array<{ code: string }> };
  cached = {
    ethnicityGroup: csvMap('ethnic-category-groups.csv', 'code', 'group'),
    socialCareKind: csvMap('social-care-codes.csv', 'code', 'kind'),
    encounterSetting: csvMap('encounter-type-settings.csv', 'code', 'setting'),
    organisationKind: new Map(ORGANISATION_KIND_CODES),
    optOutPolicyUris: new Set(optOut.policyUris),
    optOutCodes: new Set(optOut.codes.map((c) => c.code)),
  };
  return cached;
}
