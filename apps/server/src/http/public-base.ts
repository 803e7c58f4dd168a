import type { FastifyInstance } from 'fastify';
import type { TokenIdentity } from '../auth/tokens';

/** The path of the FHIR R4 API under the server's origin. */
export const FHIR_PATH = '/fhir/R4';

/** Where this server is reached, as configured: nothing here is ever taken from a request's Host header. */
export interface PublicBase {
  /** The configured public origin (FOOTPRINT_PUBLIC_URL / ServerOptions.publicUrl), without a trailing slash. */
  publicUrl?: string;
  /** The configured public FHIR base (ServerOptions.fhirBaseUrl), else `<publicUrl>/fhir/R4`. */
  fhirBaseUrl?: string;
}

function trim(url: string): string {
  return url.replace(/\/+$/, '');
}

function checkUrl(name: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, not ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL, not ${url}`);
  if (parsed.search || parsed.hash) throw new Error(`${name} must not have a query or fragment: ${url}`);
  return trim(url);
}

/**
 * The configured public addresses: `publicUrl` (else FOOTPRINT_PUBLIC_URL), and the FHIR base
 * (`fhirBaseUrl`, else the public URL's /fhir/R4). A FHIR base configured alone also gives the
 * origin when it ends in /fhir/R4. Both undefined when nothing is configured (then the address
 * the server listens on is used, see listeningOrigin).
 */
export function configuredPublicBase(options: { publicUrl?: string; fhirBaseUrl?: string }, env: NodeJS.ProcessEnv = process.env): PublicBase {
  const fromEnv = env.FOOTPRINT_PUBLIC_URL?.trim() || undefined;
  const fhirBaseUrl = options.fhirBaseUrl ? checkUrl('fhirBaseUrl', options.fhirBaseUrl) : undefined;
  const given = options.publicUrl ?? fromEnv;
  const publicUrl = given ? checkUrl(options.publicUrl ? 'publicUrl' : 'FOOTPRINT_PUBLIC_URL', given) : fhirBaseUrl?.endsWith(FHIR_PATH) ? fhirBaseUrl.slice(0, -FHIR_PATH.length) : undefined;
  return {
    ...(publicUrl ? { publicUrl } : {}),
    ...(fhirBaseUrl ? { fhirBaseUrl } : publicUrl ? { fhirBaseUrl: `${publicUrl}${FHIR_PATH}` } : {}),
  };
}

/** The issuer used when no public URL is configured (embedded use on one machine, tests). */
export const DEFAULT_ISSUER = 'footprint';

/**
 * Who issues access tokens and for which API: the configured public URL and its FHIR base, or
 * `footprint` and `footprint/fhir/R4` when none is configured. Fixed by configuration, so the
 * server and `footprint token` (which reads the same FOOTPRINT_PUBLIC_URL) agree.
 */
export function tokenIdentity(base: PublicBase): TokenIdentity {
  const issuer = base.publicUrl ?? DEFAULT_ISSUER;
  return { issuer, audience: base.fhirBaseUrl ?? `${issuer}${FHIR_PATH}` };
}

/**
 * The origin of the address this server listens on, for links when no public URL is configured
 * (the demo on this machine), or `http://localhost` before it listens (in-process requests). Never
 * the Host header, which the caller chooses.
 */
export function listeningOrigin(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') return 'http://localhost';
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** The public origin to put in absolute URLs: the configured one, else the listening address. */
export function publicOrigin(app: FastifyInstance, base: PublicBase): string {
  return base.publicUrl ?? listeningOrigin(app);
}

/** The public FHIR base to put in absolute URLs (Bundle links, Location, fullUrl, capability). */
export function publicFhirBase(app: FastifyInstance, base: PublicBase): string {
  return base.fhirBaseUrl ?? `${listeningOrigin(app)}${FHIR_PATH}`;
}
