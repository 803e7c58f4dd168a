import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { ensureDefinitions } from '../definitions/load';
import { isResourceType } from '../definitions/resource-types';
import { OperationOutcomeError } from '../errors';
import { structureIssues } from './structure';
import { suggestResourceType } from './suggest';

export interface ValidateOptions {
  /** The type the caller expects (e.g. from the URL `PUT /Patient/1`); a different type is rejected. */
  resourceType?: string;
}

function fail(issues: OperationOutcomeIssue[]): never {
  throw new OperationOutcomeError(400, { resourceType: 'OperationOutcome', issue: issues });
}

function issue(code: OperationOutcomeIssue['code'], diagnostics: string, expression: string): OperationOutcomeIssue {
  return { severity: 'error', code, diagnostics, expression: [expression] };
}

/**
 * Validates a resource for writing: a known R4 resource type, then the R4 StructureDefinitions
 * (structure, datatypes, cardinality, invariants) and the element rules they leave out (real dates,
 * required codes, reference format and targets, NHS numbers, ODS codes), in one pass (./structure). Throws a 400
 * OperationOutcomeError listing every problem, each with its element path in `expression`.
 */
export function validateResource(resource: unknown, options: ValidateOptions = {}): asserts resource is Resource {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    fail([issue('structure', 'A FHIR resource must be a JSON object', '')]);
  }
  const { resourceType } = resource as { resourceType?: unknown };
  if (typeof resourceType !== 'string' || resourceType === '') {
    fail([issue('required', 'The resource has no resourceType', 'resourceType')]);
  }
  ensureDefinitions();
  if (!isResourceType(resourceType)) {
    const guess = suggestResourceType(resourceType);
    fail([
      issue('value', `"${resourceType}" is not a FHIR R4 resource type${guess ? ` (did you mean "${guess}"?)` : ''}`, 'resourceType'),
    ]);
  }
  if (options.resourceType && resourceType !== options.resourceType) {
    fail([issue('invalid', `Expected a ${options.resourceType} resource but the body is a ${resourceType}`, 'resourceType')]);
  }

  const issues = structureIssues(resource as Resource);
  if (issues.length > 0) fail(issues);
}

