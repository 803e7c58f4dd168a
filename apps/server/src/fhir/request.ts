import type { FastifyReply, FastifyRequest } from 'fastify';
import { OperationOutcomeError, badRequest, isResourceType, notFound, outcome, stringifyFhirJson } from '@footprint/fhir';
import type { Resource } from '@footprint/fhir';
import type { AccessContext } from '@footprint/record';
import { FHIR_PATH, listeningOrigin } from '../http/public-base';

/** Parameters that shape the HTTP response rather than the search, removed before the record sees them. */
const RESPONSE_PARAMS: ReadonlySet<string> = new Set(['_format', '_pretty']);

/** The query string as ordered name/value pairs, repeats kept (FHIR ANDs repeated parameters). */
export function queryPairs(request: FastifyRequest): Array<[string, string]> {
  const url = request.raw.url ?? request.url;
  const q = url.indexOf('?');
  if (q < 0) return [];
  return formPairs(url.slice(q + 1));
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw badRequest('The query string is not valid percent-encoded UTF-8');
  }
}

/**
 * Decodes an application/x-www-form-urlencoded string into pairs, dropping response-only
 * parameters. Malformed percent-encoding is a 400 rather than a silently replaced character.
 */
export function formPairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    if (RESPONSE_PARAMS.has(name)) continue;
    pairs.push([name, eq < 0 ? '' : decode(part.slice(eq + 1))]);
  }
  return pairs;
}

export interface Preferences {
  handling?: 'strict' | 'lenient';
  return?: 'minimal' | 'representation' | 'OperationOutcome';
  respondAsync: boolean;
}

/** Reads the `Prefer` header (RFC 7240): `handling=strict`, `return=minimal`, `respond-async`. */
export function preferences(request: FastifyRequest): Preferences {
  const header = request.headers.prefer;
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const result: Preferences = { respondAsync: false };
  for (const part of text.split(/[,;]/)) {
    const [name, raw] = part.trim().split('=');
    const value = raw?.replace(/^"|"$/g, '');
    if (name === 'handling' && (value === 'strict' || value === 'lenient')) result.handling = value;
    else if (name === 'return' && (value === 'minimal' || value === 'representation' || value === 'OperationOutcome')) result.return = value;
    else if (name === 'respond-async') result.respondAsync = true;
  }
  return result;
}

/**
 * The FHIR base URL clients should see, e.g. `https://footprint.example.nhs.uk/fhir/R4`: the
 * configured one, else the address the server listens on; never the request's Host header, which
 * the caller chooses (a forged Host would otherwise end up in links and Location headers).
 */
export function fhirBase(request: FastifyRequest, configured?: string): string {
  return configured ?? `${listeningOrigin(request.server)}${FHIR_PATH}`;
}

/** The AccessContext the auth hook attached; a request without one never reaches a handler. */
export function contextOf(request: FastifyRequest): AccessContext {
  if (!request.accessContext) throw new OperationOutcomeError(401, outcome('login', 'Not authenticated'));
  return request.accessContext;
}

/** 404 for a path segment that is not a FHIR R4 resource type. */
export function requireResourceType(type: string): void {
  if (!isResourceType(type)) throw notFound(`Unknown resource type "${type}": this server supports the FHIR R4 resource types`);
}

/** The `W/"n"` ETag of a version. */
export function etagOf(resource: Resource): string | undefined {
  return resource.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined;
}

/** The content type for FHIR responses: plain JSON when that is all the client accepts or `_format` asks for it. */
function responseType(request: FastifyRequest): string {
  const format = (request.query as Record<string, unknown> | undefined)?._format;
  if (format === 'json' || format === 'application/json') return 'application/json; charset=utf-8';
  const accept = request.headers.accept;
  if (accept && /^\s*application\/json\s*(;.*)?$/.test(accept)) return 'application/json; charset=utf-8';
  return 'application/fhir+json; charset=utf-8';
}

/** Sends a FHIR resource (or Bundle/OperationOutcome) with the content type the client asked for, decimals as received. */
export function sendFhir(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type(responseType(request)).send(body === undefined ? undefined : stringifyFhirJson(body));
}

/** Sends one resource with its ETag and Last-Modified headers. */
export function sendResource(request: FastifyRequest, reply: FastifyReply, status: number, resource: Resource): FastifyReply {
  versionHeaders(reply, resource);
  return sendFhir(request, reply, status, resource);
}

/** Sets ETag and Last-Modified from a resource's meta. */
export function versionHeaders(reply: FastifyReply, resource: Resource): void {
  const etag = etagOf(resource);
  if (etag) reply.header('etag', etag);
  if (resource.meta?.lastUpdated) reply.header('last-modified', new Date(resource.meta.lastUpdated).toUTCString());
}
