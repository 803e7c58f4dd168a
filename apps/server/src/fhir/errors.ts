import type { FastifyError } from 'fastify';
import { OperationOutcomeError, outcome } from '@footprint/fhir';
import type { OperationOutcome } from '@footprint/fhir';

/** Fastify's own failures, each mapped to the status and words a FHIR client should see. */
const FASTIFY_ERRORS: Record<string, { status: number; code: 'too-costly' | 'not-supported' | 'invalid' | 'structure'; message: (e: FastifyError) => string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too-costly', message: () => 'The request body is larger than this server accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'not-supported',
    message: () => 'Unsupported Content-Type: send application/fhir+json or application/json (forms for _search)',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'structure', message: () => 'The request body is empty; a FHIR resource was expected' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'structure', message: () => 'The Content-Length header does not match the body' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'not-supported', message: () => 'The Content-Type header is not valid' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'not-supported', message: () => 'A Content-Type header is required with a body' },
  FST_ERR_CTP_INVALID_HANDLER: { status: 415, code: 'not-supported', message: () => 'The Content-Type is not supported' },
  FST_ERR_BAD_URL: { status: 400, code: 'invalid', message: () => 'The URL is not valid' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'invalid', message: () => 'The request could not be routed' },
};

/**
 * PostgreSQL's answer to text it cannot hold (SQLSTATE 22021 character_not_in_repertoire, e.g.
 * NUL; 22P05 untranslatable_character): always the client's input, never a fault of ours, so a
 * 400 if a value reaches the database unchecked. (Values are checked before that: validation and
 * search parsing refuse control characters; this is the last line.)
 */
function isUnstorableCharacter(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') return true;
  }
  return false;
}

/**
 * Turns anything thrown while handling a FHIR request into an HTTP status and OperationOutcome.
 * OperationOutcomeError is rendered unchanged; Fastify's parsing and size errors become their 4xx;
 * anything else is a 500 whose diagnostics never echo internal detail.
 */
export function toOperationOutcome(error: unknown): { status: number; outcome: OperationOutcome; internal: boolean } {
  if (error instanceof OperationOutcomeError) return { status: error.status, outcome: error.outcome, internal: error.status >= 500 };
  const fastifyError = error as Partial<FastifyError> | undefined;
  const known = fastifyError?.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return { status: known.status, outcome: outcome(known.code, known.message(fastifyError as FastifyError)), internal: false };
  if (fastifyError?.validation) {
    return { status: 400, outcome: outcome('invalid', fastifyError.message ?? 'The request is not valid'), internal: false };
  }
  if (isUnstorableCharacter(error)) {
    return { status: 400, outcome: outcome('invalid', 'The request holds a character that cannot be stored or searched (such as NUL)'), internal: false };
  }
  if (error instanceof SyntaxError) return { status: 400, outcome: outcome('structure', `The body is not valid JSON: ${error.message}`), internal: false };
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, outcome: outcome('invalid', fastifyError?.message ?? 'The request is not valid'), internal: false };
  }
  return { status: 500, outcome: outcome('exception', 'The server failed to handle this request; it has been logged'), internal: true };
}
