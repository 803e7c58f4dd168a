import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import pino from 'pino';

/** What a log line says instead of a path when no route matched (a 404): the path itself might be an identifier. */
export const NO_ROUTE = '(no route)';

/**
 * The route pattern a request matched (`/fhir/R4/:type/:id`), never the path it asked for: paths
 * carry resource ids, NHS numbers and searched names, and none of those may reach a log.
 */
export function routePattern(request: { routeOptions?: { url?: string } }): string {
  return request.routeOptions?.url ?? NO_ROUTE;
}

/** Error properties that may be logged; everything else (bound parameters, SQL, query values, details) is left out. */
const ERROR_FIELDS = ['type', 'message', 'stack', 'code', 'statusCode', 'status', 'severity', 'routine'] as const;

/**
 * Serialises an error for the log with only a fixed set of properties, its cause likewise: never
 * its other enumerable properties, which for a database error include the SQL and its bound
 * parameters (searched names, dates of birth).
 */
export function serializeError(error: unknown, depth = 0): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: String(error), stack: '' };
  const source = error as Record<string, unknown>;
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: error instanceof Error ? error.constructor.name : 'Object',
    message: typeof source.message === 'string' ? source.message : '',
    stack: typeof source.stack === 'string' ? source.stack : '',
  };
  for (const field of ERROR_FIELDS) {
    const value = source[field];
    if (field !== 'type' && field !== 'message' && field !== 'stack' && (typeof value === 'string' || typeof value === 'number')) out[field] = value;
  }
  if (source.cause !== undefined && depth < 3) out.cause = serializeError(source.cause, depth + 1);
  return out;
}

/**
 * pino settings for the server. Request logs carry method, route pattern (never the path or query
 * string, which may hold an NHS number or a name), status and timing; bodies are never logged; the
 * Authorization and Cookie headers are redacted wherever they appear; errors are serialised
 * without their parameters (serializeError).
 */
export function loggerOptions(level = process.env.LOG_LEVEL ?? 'info'): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', '*.access_token', '*.client_secret'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; id?: string; routeOptions?: { url?: string } }) {
        return { id: request.id, method: request.method, route: routePattern(request) };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
      err: serializeError,
    },
  };
}

/**
 * One log line per request, when it completes: id, method, route pattern, status and time. The
 * "incoming request" line is demoted to debug, halving log volume under load.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, route: routePattern(request), statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Standard output written asynchronously (coalescing lines while a write is in flight), flushed on close. */
export function asyncStdout(): pino.DestinationStream & { flushSync(): void } {
  return pino.destination({ dest: 1, sync: false });
}
