import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AccessContext } from '@footprint/record';

/** The longest client-supplied request id kept (for correlation only; never trusted as ours). */
const CLIENT_REQUEST_ID_MAX = 200;

/**
 * Fastify's `genReqId`: every request gets an id the server generated. A client's own
 * `X-Request-Id` is never used as ours; it is recorded separately (see requestMetadata).
 */
export function generateRequestId(): string {
  return randomUUID();
}

/**
 * The request metadata an AccessContext carries into the audit trail: our id, the client's
 * address (as Fastify resolves it under the configured trustProxy), user agent, and the
 * client's X-Request-Id as `clientRequestId`, kept only if it is printable ASCII of sane length.
 */
export function requestMetadata(request: FastifyRequest): NonNullable<AccessContext['request']> {
  const userAgent = request.headers['user-agent'];
  const clientRequestId = safeClientRequestId(request.headers['x-request-id']);
  return {
    id: request.id,
    sourceIp: request.ip,
    ...(typeof userAgent === 'string' && userAgent ? { userAgent: userAgent.slice(0, 500) } : {}),
    ...(clientRequestId ? { clientRequestId } : {}),
  };
}

function safeClientRequestId(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > CLIENT_REQUEST_ID_MAX) return undefined;
  return /^[\x21-\x7e]+$/.test(value) ? value : undefined;
}
