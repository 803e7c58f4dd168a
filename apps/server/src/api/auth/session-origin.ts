import type { FastifyRequest } from 'fastify';
import { readSessionToken } from './cookies';
import type { SessionOrigin } from './sessions';

/**
 * What a new session records about where it started (the browser's User-Agent and the client
 * address, which is the real client's behind a trusted proxy), and the session token the browser
 * already held, which sign-in ends so that no session id survives it.
 */
export function sessionOrigin(request: FastifyRequest): SessionOrigin {
  const userAgent = request.headers['user-agent'];
  return { userAgent: typeof userAgent === 'string' ? userAgent : undefined, address: request.ip, replacing: readSessionToken(request) };
}
