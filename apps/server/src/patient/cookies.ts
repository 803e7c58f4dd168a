import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../api/auth/cookies';

/**
 * The cookies of citizen sign-in, apart from the staff session's: HttpOnly, SameSite, and over
 * HTTPS Secure with the `__Host-` prefix (bound to this host, path /). The sign-in transaction
 * cookie is SameSite=Lax because the identity provider returns the browser with a cross-site
 * navigation; the session cookie is Strict.
 */
export const PATIENT_SESSION_COOKIE = 'footprint_patient_session';

function named(request: FastifyRequest, name: string): string {
  return request.protocol === 'https' ? `__Host-${name}` : name;
}

export function readNamedCookie(request: FastifyRequest, name: string): string | undefined {
  return readCookie(request, named(request, name));
}

export function cookieValue(request: FastifyRequest, name: string, value: string, options: { sameSite: 'Strict' | 'Lax'; maxAge?: number }): string {
  return [
    `${named(request, name)}=${value}`,
    'Path=/',
    'HttpOnly',
    `SameSite=${options.sameSite}`,
    ...(request.protocol === 'https' ? ['Secure'] : []),
    ...(options.maxAge !== undefined ? [`Max-Age=${options.maxAge}`] : []),
  ].join('; ');
}

/** Adds a Set-Cookie header; Fastify keeps those already set on the reply beside it. */
export function addCookie(reply: FastifyReply, cookie: string): void {
  reply.header('set-cookie', cookie);
}
