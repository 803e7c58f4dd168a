import { getResourceTypes } from '@medplum/core';
import { ensureDefinitions } from './load';

let cache: { list: string[]; set: Set<string> } | undefined;

function types(): { list: string[]; set: Set<string> } {
  if (!cache) {
    ensureDefinitions();
    // Medplum's global schema also knows its own resource types once its profiles are loaded; we load
    // only the R4 base profiles, so this is exactly the R4 resource types.
    const list = (getResourceTypes() as string[])
      .filter((t) => t !== 'Resource' && t !== 'DomainResource')
      .sort();
    cache = { list, set: new Set(list) };
  }
  return cache;
}

/** Every FHIR R4 resource type name, sorted. */
export function resourceTypes(): string[] {
  return [...types().list];
}

/** True when `name` is a FHIR R4 resource type (case-sensitive, as in FHIR). */
export function isResourceType(name: string): boolean {
  return types().set.has(name);
}
