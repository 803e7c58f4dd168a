import type { InternalSchemaElement } from '@medplum/core';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { isRealDate } from '../datatypes/dates';
import { nhsNumberProblem } from '../identifiers/nhs-number';
import { odsCodeProblem } from '../identifiers/ods';
import { NHS_NUMBER_SYSTEM, ODS_SYSTEM } from '../identifiers/systems';
import { parseReference } from '../references/parse';
import { requiredCodes } from './required-codes';

/**
 * The element rules the R4 StructureDefinitions do not express, checked with the element's
 * path: real calendar dates with a zone when timed, codes in required value sets, reference
 * format and target types, and the UK Core identifier rules for NHS numbers and ODS codes.
 */
export type Report = (code: OperationOutcomeIssue['code'], diagnostics: string, path: string) => void;

/** A date, dateTime or instant that matched the FHIR pattern: it must also exist, and a time needs a zone. */
export function checkDate(value: string, type: string, path: string, report: Report): void {
  if (!isRealDate(value)) {
    report('value', `"${value}" is not a valid ${type}: no such date or time on the calendar`, path);
  } else if (value.includes('T') && !/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    report('value', `"${value}" has a time but no time zone: FHIR requires one (Z or ±hh:mm)`, path);
  }
}

/** A code bound to a required value set we can enumerate must be one of its codes. */
export function checkRequiredCode(value: string, element: InternalSchemaElement, path: string, report: Report): void {
  const binding = element.binding;
  if (binding?.strength !== 'required' || !binding.valueSet) return;
  const codes = requiredCodes(binding.valueSet);
  if (codes && !codes.has(value)) {
    const allowed = codes.size <= 12 ? ` (allowed: ${[...codes].join(', ')})` : '';
    report('code-invalid', `"${value}" is not a code in ${binding.valueSet.split('|')[0]}${allowed}`, path);
  }
}

function allowedTargets(element: InternalSchemaElement): string[] | undefined {
  const profiles = element.type.find((t) => t.code === 'Reference')?.targetProfile;
  if (!profiles?.length) return undefined;
  const types = profiles.map((p) => p.slice(p.lastIndexOf('/') + 1));
  return types.includes('Resource') ? undefined : types;
}

/** Reference.reference must be a valid reference, to one of the types the element allows. */
export function checkReference(ref: { reference?: unknown }, element: InternalSchemaElement, path: string, report: Report): void {
  if (typeof ref.reference !== 'string') return;
  const parsed = parseReference(ref.reference);
  if (!parsed) {
    report('value', `"${ref.reference}" is not a valid reference: expected Type/id, an absolute URL, urn:uuid:…, #contained or Type?search`, `${path}.reference`);
    return;
  }
  if (parsed.kind !== 'resource' && parsed.kind !== 'conditional') return;
  const allowed = allowedTargets(element);
  if (allowed && !allowed.includes(parsed.resourceType)) {
    report('value', `a reference here must point to ${allowed.join(' or ')}, not ${parsed.resourceType}`, `${path}.reference`);
  }
}

/** NHS numbers must pass Modulus 11 and ODS codes must be well-formed (messages never echo an NHS number). */
export function checkIdentifier(identifier: { system?: unknown; value?: unknown }, path: string, report: Report): void {
  if (identifier.system !== NHS_NUMBER_SYSTEM && identifier.system !== ODS_SYSTEM) return;
  if (typeof identifier.value !== 'string') {
    report('required', 'an NHS number or ODS code identifier must have a value', `${path}.value`);
    return;
  }
  if (identifier.system === NHS_NUMBER_SYSTEM) {
    const problem = nhsNumberProblem(identifier.value);
    if (problem) report('value', `Invalid NHS number: ${problem}`, `${path}.value`);
  } else {
    const problem = odsCodeProblem(identifier.value);
    if (problem) report('value', `Invalid ODS code: ${problem}`, `${path}.value`);
  }
}
