import { crawlTypedValue, toTypedValue, type InternalSchemaElement, type InternalTypeSchema, type TypedValue } from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { isRealDate } from '../datatypes/dates';
import { nhsNumberProblem } from '../identifiers/nhs-number';
import { odsCodeProblem } from '../identifiers/ods';
import { NHS_NUMBER_SYSTEM, ODS_SYSTEM } from '../identifiers/systems';
import { ID_PATTERN, parseReference } from '../references/parse';
import { requiredCodes } from './required-codes';

/**
 * Checks the R4 StructureDefinition validator leaves out, element by element with the element's
 * path: real calendar dates, codes in required value sets, reference format and target types,
 * and the UK Core identifier rules for NHS numbers and ODS codes.
 */
export function elementIssues(resource: Resource): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  const add = (code: OperationOutcomeIssue['code'], diagnostics: string, path: string) =>
    issues.push({ severity: 'error', code, diagnostics, expression: [path] });

  checkIds(resource, resource.resourceType, add);
  crawlTypedValue(
    toTypedValue(resource),
    {
      visitProperty(_parent, key, _path, values, schema) {
        const element = elementFor(schema, key);
        for (const v of values.flat()) {
          if (v && v.value !== undefined && v.value !== null) checkValue(v, v.path, element, add);
        }
      },
    },
    { skipMissingProperties: true },
  );
  return issues;
}

/** Resource ids (the resource's own and its contained resources') must be FHIR ids. */
function checkIds(resource: Resource, path: string, add: Add): void {
  if (resource.id !== undefined && (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id))) {
    add('value', 'a resource id must be 1 to 64 letters, digits, "-" or "."', `${path}.id`);
  }
  const contained = (resource as { contained?: unknown }).contained;
  if (Array.isArray(contained)) {
    contained.forEach((c: unknown, i) => {
      if (c && typeof c === 'object') checkIds(c as Resource, `${path}.contained[${i}]`, add);
    });
  }
}

type Add = (code: OperationOutcomeIssue['code'], diagnostics: string, path: string) => void;

function elementFor(schema: InternalTypeSchema, key: string): InternalSchemaElement | undefined {
  const direct = schema.elements[key];
  if (direct) return direct;
  for (const [name, el] of Object.entries(schema.elements)) {
    if (name.endsWith('[x]') && key.startsWith(name.slice(0, -3))) return el;
  }
  return undefined;
}

function checkValue(v: TypedValue, path: string, element: InternalSchemaElement | undefined, add: Add): void {
  const value: unknown = v.value;
  switch (v.type) {
    case 'date':
    case 'dateTime':
    case 'instant':
      if (typeof value !== 'string') return;
      if (!isRealDate(value)) {
        add('value', `"${value}" is not a valid ${v.type}: no such date or time on the calendar`, path);
      } else if (value.includes('T') && !/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
        add('value', `"${value}" has a time but no time zone: FHIR requires one (Z or ±hh:mm)`, path);
      }
      return;
    case 'code':
      if (typeof value === 'string' && element?.binding?.strength === 'required' && element.binding.valueSet) {
        const codes = requiredCodes(element.binding.valueSet);
        if (codes && !codes.has(value)) {
          const allowed = codes.size <= 12 ? ` (allowed: ${[...codes].join(', ')})` : '';
          add('code-invalid', `"${value}" is not a code in ${element.binding.valueSet.split('|')[0]}${allowed}`, path);
        }
      }
      return;
    case 'Reference':
      if (typeof value === 'object') checkReference(value as { reference?: unknown }, path, element, add);
      return;
    case 'Identifier':
      if (typeof value === 'object') checkIdentifier(value as { system?: unknown; value?: unknown }, path, add);
      return;
    default:
      return;
  }
}

function allowedTargets(element: InternalSchemaElement | undefined): string[] | undefined {
  const profiles = element?.type.find((t) => t.code === 'Reference')?.targetProfile;
  if (!profiles?.length) return undefined;
  const types = profiles.map((p) => p.slice(p.lastIndexOf('/') + 1));
  return types.includes('Resource') ? undefined : types;
}

function checkReference(ref: { reference?: unknown }, path: string, element: InternalSchemaElement | undefined, add: Add): void {
  if (typeof ref.reference !== 'string') return;
  const parsed = parseReference(ref.reference);
  if (!parsed) {
    add('value', `"${ref.reference}" is not a valid reference: expected Type/id, an absolute URL, urn:uuid:…, #contained or Type?search`, `${path}.reference`);
    return;
  }
  if (parsed.kind !== 'resource' && parsed.kind !== 'conditional') return;
  const allowed = allowedTargets(element);
  if (allowed && !allowed.includes(parsed.resourceType)) {
    add('value', `a reference here must point to ${allowed.join(' or ')}, not ${parsed.resourceType}`, `${path}.reference`);
  }
}

function checkIdentifier(identifier: { system?: unknown; value?: unknown }, path: string, add: Add): void {
  if (typeof identifier.value !== 'string') {
    if (identifier.system === NHS_NUMBER_SYSTEM || identifier.system === ODS_SYSTEM) {
      add('required', 'an NHS number or ODS code identifier must have a value', `${path}.value`);
    }
    return;
  }
  if (identifier.system === NHS_NUMBER_SYSTEM) {
    const problem = nhsNumberProblem(identifier.value);
    if (problem) add('value', `Invalid NHS number: ${problem}`, `${path}.value`);
  } else if (identifier.system === ODS_SYSTEM) {
    const problem = odsCodeProblem(identifier.value);
    if (problem) add('value', `Invalid ODS code: ${problem}`, `${path}.value`);
  }
}
