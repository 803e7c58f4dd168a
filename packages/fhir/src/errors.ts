import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** HTTP status for each kind of failure the record reports. */
export type OutcomeStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 412 | 413 | 422 | 500;

/**
 * An error that carries a FHIR OperationOutcome and the HTTP status it maps to.
 * Every layer throws this for bad input; the server renders it unchanged.
 */
export class OperationOutcomeError extends Error {
  constructor(
    readonly status: OutcomeStatus,
    readonly outcome: OperationOutcome,
  ) {
    super(outcome.issue?.map((i) => i.diagnostics ?? i.details?.text ?? i.code).join('; ') ?? 'error');
    this.name = 'OperationOutcomeError';
  }
}

/** Builds an OperationOutcome with one issue; `expression` is the FHIRPath of the offending element. */
export function outcome(
  code: OperationOutcomeIssue['code'],
  diagnostics: string,
  expression?: string,
  severity: OperationOutcomeIssue['severity'] = 'error',
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics, ...(expression ? { expression: [expression] } : {}) }],
  };
}

export const badRequest = (message: string, expression?: string) =>
  new OperationOutcomeError(400, outcome('invalid', message, expression));
export const notFound = (message: string) => new OperationOutcomeError(404, outcome('not-found', message));
export const gone = (message: string) => new OperationOutcomeError(410, outcome('deleted', message));
export const forbidden = (message: string) => new OperationOutcomeError(403, outcome('forbidden', message));
export const conflict = (message: string) => new OperationOutcomeError(409, outcome('conflict', message));
export const preconditionFailed = (message: string) => new OperationOutcomeError(412, outcome('conflict', message));
export const unprocessable = (message: string, expression?: string) =>
  new OperationOutcomeError(422, outcome('processing', message, expression));

/**
 * A refusal outside FHIR routes: the HTTP status, a title and a detail, which the server's
 * problem handler (apps/server/src/api/problem.ts) turns into `application/problem+json`.
 * Pillars subclass it with their own names.
 */
export class ProblemError extends Error {
  readonly detail: string;
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 429,
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
    this.detail = message;
  }
}
