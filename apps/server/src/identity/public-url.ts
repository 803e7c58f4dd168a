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
