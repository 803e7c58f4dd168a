import { OperationOutcomeError, badRequest, cloneJson, isResourceType, outcome } from '@footprint/fhir';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { parseRequestUrl, type RequestTarget } from './request-url';

export type EntryMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/** One Bundle entry, checked and parsed, remembering its position for responses and errors. */
export interface ParsedEntry {
  index: number;
  /** `Bundle.entry[3]`, for error messages and OperationOutcome expressions. */
  where: string;
  method: EntryMethod;
  target: RequestTarget;
  resource?: Resource;
  fullUrl?: string;
  ifNoneExist?: string;
  ifMatch?: string;
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']);
const uuidUrn = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Checks the Bundle itself: a batch or transaction with an array of entries, at most `maxEntries`. */
export function checkBundle(bundle: unknown, maxEntries: number): asserts bundle is Bundle & { type: 'batch' | 'transaction' } {
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) throw badRequest('A Bundle must be a JSON object');
  const b = bundle as { resourceType?: unknown; type?: unknown; entry?: unknown };
  if (b.resourceType !== 'Bundle') throw badRequest(`Expected a Bundle but got ${typeof b.resourceType === 'string' ? b.resourceType : 'no resourceType'}`, 'Bundle.resourceType');
  if (b.type !== 'batch' && b.type !== 'transaction') {
    throw badRequest(`Only batch and transaction Bundles can be processed (this Bundle's type is ${typeof b.type === 'string' ? `"${b.type}"` : 'missing'})`, 'Bundle.type');
  }
  if (b.entry !== undefined && !Array.isArray(b.entry)) throw badRequest('Bundle.entry must be an array', 'Bundle.entry');
  const count = Array.isArray(b.entry) ? b.entry.length : 0;
  if (count > maxEntries) {
    throw new OperationOutcomeError(413, outcome('too-costly', `The Bundle has ${count} entries; the limit is ${maxEntries}. Split it, or use footprint import for bulk loads.`, 'Bundle.entry'));
  }
}

/** Parses one entry's request, throwing a 400 (or 405 for PATCH) that names the entry. */
export function parseEntry(entry: unknown, index: number): ParsedEntry {
  const where = `Bundle.entry[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw badRequest(`${where} must be an object`, where);
  const e = entry as BundleEntry;
  const request = e.request as BundleEntry['request'] | undefined;
  if (!request || typeof request !== 'object') throw badRequest(`${where} has no request (method and url are required in a batch or transaction)`, `${where}.request`);
  if (typeof request.method !== 'string' || !methods.has(request.method)) {
    throw badRequest(`${where}.request.method must be one of GET, HEAD, POST, PUT, DELETE`, `${where}.request.method`);
  }
  if (request.method === 'PATCH') {
    throw new OperationOutcomeError(405, outcome('not-supported', `${where}: PATCH is not supported; send the whole resource with PUT`, `${where}.request.method`));
  }
  if (typeof request.url !== 'string' || request.url === '') throw badRequest(`${where}.request.url is required`, `${where}.request.url`);
  const method = request.method as EntryMethod;
  const target = parseRequestUrl(request.url, where);

  const parsed: ParsedEntry = { index, where, method, target };
  if (e.fullUrl !== undefined) {
    if (typeof e.fullUrl !== 'string' || (e.fullUrl.startsWith('urn:uuid:') && !uuidUrn.test(e.fullUrl))) {
      throw badRequest(`${where}.fullUrl is not a valid URL or urn:uuid`, `${where}.fullUrl`);
    }
    parsed.fullUrl = e.fullUrl;
  }
  if (request.ifNoneExist !== undefined) parsed.ifNoneExist = request.ifNoneExist.replace(/^\?/, '');
  if (request.ifMatch !== undefined) parsed.ifMatch = request.ifMatch;

  if (method === 'POST' || method === 'PUT') {
    const resource = e.resource as unknown;
    if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
      throw badRequest(`${where}: a ${method} entry needs a resource`, `${where}.resource`);
    }
    const type = (resource as { resourceType?: unknown }).resourceType;
    if (typeof type !== 'string' || !isResourceType(type)) throw badRequest(`${where}.resource has no valid resourceType`, `${where}.resource.resourceType`);
    if (type !== target.resourceType) {
      throw badRequest(`${where}: the resource is a ${type} but the request URL is for ${target.resourceType}`, `${where}.resource.resourceType`);
    }
    if (method === 'POST' && target.kind !== 'type') throw badRequest(`${where}: POST must be to a resource type (e.g. "Patient")`, `${where}.request.url`);
    if (method === 'PUT') {
      if (target.kind !== 'instance' && target.kind !== 'search') throw badRequest(`${where}: PUT must be to Type/id or a conditional Type?search`, `${where}.request.url`);
      const id = (resource as { id?: unknown }).id;
      if (target.kind === 'instance' && id !== undefined && id !== target.id) {
        throw badRequest(`${where}: the resource id "${String(id)}" does not match the id in the request URL "${target.id}"`, `${where}.resource.id`);
      }
    }
    // Work on a copy: references are rewritten and ids assigned without touching the caller's Bundle.
    parsed.resource = cloneJson(resource) as Resource;
  } else if (method === 'DELETE' && target.kind !== 'instance' && target.kind !== 'search') {
    throw badRequest(`${where}: DELETE must be to Type/id or a conditional Type?search`, `${where}.request.url`);
  }
  return parsed;
}

/** FHIR's processing order: DELETE, then POST, then PUT, then GET/HEAD; entries keep their order within each. */
export function processingOrder(entries: ParsedEntry[]): ParsedEntry[] {
  const rank: Record<EntryMethod, number> = { DELETE: 0, POST: 1, PUT: 2, GET: 3, HEAD: 3 };
  return [...entries].sort((a, b) => rank[a.method] - rank[b.method] || a.index - b.index);
}
