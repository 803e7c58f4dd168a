import type { CodeableConcept, HumanName, Identifier, Patient, Quantity, Reference, Resource } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from '@footprint/fhir';

/**
 * Turning FHIR resources into the plain summaries the care record page shows. Pure functions,
 * so what a clinician sees is testable without a database.
 */

export function conceptText(concept: CodeableConcept | undefined): string {
  if (!concept) return 'Not recorded';
  return concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.[0]?.code ?? 'Not recorded';
}

export function firstCode(concept: CodeableConcept | undefined): string | null {
  return concept?.coding?.[0]?.code ?? null;
}

export function personName(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return 'Name not recorded';
  if (name.text) return name.text;
  const given = (name.given ?? []).join(' ');
  const family = (name.family ?? '').toUpperCase();
  return [family, given].filter(Boolean).join(', ') || 'Name not recorded';
}

export function nhsNumberOf(identifiers: Identifier[] | undefined): string | null {
  return identifiers?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value ?? null;
}

export function addressOf(patient: Patient): string | null {
  const address = patient.address?.find((a) => a.use === 'home') ?? patient.address?.[0];
  if (!address) return null;
  return address.text ?? [...(address.line ?? []), address.city, address.postalCode].filter(Boolean).join(', ');
}

export function postcodeOf(patient: Patient): string | null {
  return patient.address?.[0]?.postalCode ?? null;
}

export function quantityText(quantity: Quantity | undefined): string | null {
  if (!quantity || quantity.value === undefined) return null;
  return `${quantity.value}${quantity.unit ? ` ${quantity.unit}` : ''}`;
}

/** The date part of a FHIR date or dateTime. */
export function dateOnly(value: string | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

/** References in a resource that may say which organisation recorded it, most specific first. */
export function recordingReferences(resource: Resource): Reference[] {
  const r = resource as unknown as Record<string, unknown>;
  const refs: Reference[] = [];
  const push = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(push);
    else if (value && typeof value === 'object' && typeof (value as Reference).reference === 'string') refs.push(value as Reference);
  };
  push(r.serviceProvider);
  push(r.managingOrganization);
  push(r.performer);
  push(r.recorder);
  push(r.asserter);
  push(r.requester);
  push(r.author);
  push(r.encounter);
  const source = resource.meta?.source;
  if (source && /^Organization\//.test(source)) refs.push({ reference: source });
  return refs;
}
