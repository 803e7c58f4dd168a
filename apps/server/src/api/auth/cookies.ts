import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie's name over plain HTTP (a developer's or the demo's localhost). */
export const SESSION_COOKIE = 'footprint_session';
/** Its name over HTTPS: the `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain, so no other host can plant one. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** Reads one cookie from the request's Cookie header (no plugin needed, so the app's own cookie set-up is untouched). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Whether the request reached us over TLS: directly, or through a TLS-terminating proxy the server
 * trusts (FOOTPRINT_TRUST_PROXY, which makes Fastify believe X-Forwarded-Proto).
 */
export function overTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The session token the browser sent: over TLS only the `__Host-` cookie counts, over plain HTTP only the plain one. */
export function readSessionToken(request: FastifyRequest): string | undefined {
  return readCookie(request, overTls(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
}

/** The Set-Cookie value: HttpOnly, SameSite=Strict, and over TLS `__Host-` prefixed and Secure. */
export function sessionCookie(token: string, secure: boolean, clear = false): string {
  return [`${secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : []), ...(clear ? ['Max-Age=0'] : [])].join('; ');
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.header('set-cookie', sessionCookie(token, overTls(request)));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', sessionCookie('', overTls(request), true));
}
