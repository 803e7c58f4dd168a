import { OperationOutcomeError } from '@footprint/fhir';
import type { OperationOutcome } from '@medplum/fhirtypes';

const reasons: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 412: 'Precondition Failed',
  413: 'Payload Too Large', 422: 'Unprocessable Entity', 500: 'Internal Server Error',
};

/** `201 Created`: the status line a Bundle entry response carries. */
export function statusLine(status: number): string {
  return `${status} ${reasons[status] ?? ''}`.trim();
}

/**
 * Re-states an entry's error so it names the entry: the message gains `Bundle.entry[3]: ` and
 * element paths become paths inside the entry (`Patient.birthDate` → `Bundle.entry[3].resource.birthDate`).
 * Errors that are not OperationOutcomeErrors are bugs and pass through unchanged (they become 500s).
 */
export function errorForEntry(err: unknown, where: string, resourceType?: string): unknown {
  if (!(err instanceof OperationOutcomeError)) return err;
  if (err.outcome.issue?.some((i) => i.diagnostics?.startsWith(where))) return err;
  const relocated: OperationOutcome = {
    ...err.outcome,
    issue: (err.outcome.issue ?? []).map((issue) => ({
      ...issue,
      diagnostics: `${where}: ${issue.diagnostics ?? issue.details?.text ?? issue.code}`,
      expression: issue.expression?.length
        ? issue.expression.map((e) => relocate(e, where, resourceType))
        : [where],
    })),
  };
  return new OperationOutcomeError(err.status, relocated);
}

function relocate(expression: string, where: string, resourceType?: string): string {
  if (expression.startsWith('Bundle.')) return expression;
  if (resourceType && (expression === resourceType || expression.startsWith(resourceType + '.'))) {
    return `${where}.resource${expression.slice(resourceType.length)}`;
  }
  return expression ? `${where}.resource.${expression}` : where;
}
