import { getResourceTypes } from '@medplum/core';
import { ensureDefinitions, laterThanR4 } from './load';

let cache: { list: string[]; set: Set<string> } | undefined;

function types(): { list: string[]; set: Set<string> } {
  if (!cache) {
    ensureDefinitions();
    // Medplum's global schema also knows its own resource types once its profiles are loaded; we load
    // only the R4 base profiles, and leave out the abstract types and those from later FHIR versions.
    const later = laterThanR4();
    const list = (getResourceTypes() as string[])
      .filter((t) => t !== 'Resource' && t !== 'DomainResource' && !later.has(t))
      .sort();
    cache = { list, set: new Set(list) };
  }
  return cache;
}

/** Every FHIR R4 (4.0.1) resource type name, sorted: 146 of them. */
export function resourceTypes(): string[] {
  return [...types().list];
}

/** True when `name` is a FHIR R4 resource type (case-sensitive, as in FHIR). */
export function isResourceType(name: string): boolean {
  return types().set.has(name);
}
