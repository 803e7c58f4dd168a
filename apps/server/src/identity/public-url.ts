import type { FastifyInstance } from 'fastify';

/**
 * This server's public origin, where browsers reach it: the configured one (a deployment behind
 * a proxy, FOOTPRINT_PUBLIC_URL) or else the address it listens on (the demo on this machine).
 * OpenID Connect needs it for the issuer and redirect URIs, so it is fixed, never taken from a
 * request's Host header.
 */
export function publicUrlOf(app: FastifyInstance, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The server is not listening on a TCP port yet; set FOOTPRINT_PUBLIC_URL (ServerOptions.publicUrl) to sign people in');
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** A lazily started, shared piece of start-up work; a failure is forgotten so the next call tries again. */
export function once<T>(start: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= start().catch((error: unknown) => {
      running = undefined;
      throw error;
    });
    return running;
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where to send a browser that started a sign-in on another name for this machine (localhost
 * rather than 127.0.0.1), so that the whole sign-in, cookies and callback, stays on the one
 * origin the identity provider redirects to; undefined when the request is already there. Only
 * loopback names are redirected: behind a proxy the Host header may differ by design.
 */
export function sameOriginRedirect(requestHost: string | undefined, url: string, publicUrl: string): string | undefined {
  const target = new URL(publicUrl);
  if (!requestHost || requestHost === target.host || !LOOPBACK.has(target.hostname)) return undefined;
  const requested = requestHost.replace(/:\d+$/, '');
  return LOOPBACK.has(requested) ? new URL(url, target).href : undefined;
}
