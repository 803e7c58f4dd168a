import { badRequest, ID_PATTERN, isResourceType } from '@footprint/fhir';
import type { SearchParams } from '../repository';

/** What a Bundle entry's `request.url` asks for, relative to the FHIR base. */
export type RequestTarget =
  | { kind: 'type'; resourceType: string }
  | { kind: 'instance'; resourceType: string; id: string }
  | { kind: 'version'; resourceType: string; id: string; versionId: string }
  | { kind: 'search'; resourceType: string; params: SearchParams; query: string };

/** Splits a query string into decoded pairs, keeping repeats and order (`a=1&a=2`). */
export function parseQuery(query: string): SearchParams {
  return [...new URLSearchParams(query)].map(([k, v]) => [k, v] as const);
}

/**
 * Parses `Patient`, `Patient/123`, `Patient/123/_history/2`, `Patient?identifier=…` (optionally
 * absolute, with a leading `/`, or with an empty query) into a target. `where` names the entry in errors.
 */
export function parseRequestUrl(url: string, where: string): RequestTarget {
  let path = url;
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/]+(\/.*)?$/i.exec(url);
  if (abs) {
    // An absolute URL: keep what follows the FHIR base (the part from the resource type on).
    const m = /\/([A-Z][A-Za-z]+(?:[/?].*)?)$/.exec(abs[1] ?? '');
    if (!m) throw badRequest(`${where}: cannot find a resource type in the request URL`, `${where}.request.url`);
    path = m[1];
  }
  path = path.replace(/^\//, '');
  const q = path.indexOf('?');
  const route = q >= 0 ? path.slice(0, q) : path;
  const query = q >= 0 ? path.slice(q + 1) : undefined;
  const parts = route.split('/');
  const resourceType = parts[0];
  if (!isResourceType(resourceType)) {
    throw badRequest(`${where}: "${resourceType}" in the request URL is not a FHIR R4 resource type`, `${where}.request.url`);
  }
  if (parts.length === 1) {
    return query !== undefined ? { kind: 'search', resourceType, params: parseQuery(query), query } : { kind: 'type', resourceType };
  }
  const id = parts[1];
  if (!ID_PATTERN.test(id)) throw badRequest(`${where}: "${id}" in the request URL is not a valid resource id`, `${where}.request.url`);
  if (parts.length === 2 && query === undefined) return { kind: 'instance', resourceType, id };
  if (parts.length === 4 && parts[2] === '_history' && ID_PATTERN.test(parts[3]) && query === undefined) {
    return { kind: 'version', resourceType, id, versionId: parts[3] };
  }
  throw badRequest(`${where}: unsupported request URL in a Bundle (expected Type, Type/id, Type/id/_history/version or Type?search)`, `${where}.request.url`);
}
