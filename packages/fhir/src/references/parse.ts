import { isResourceType } from '../definitions/resource-types';

/** FHIR's `id` datatype: 1–64 of letters, digits, `-` and `.`. */
export const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

const relative = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;
const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^\s]*?\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;

/** What a reference string points at. */
export type ParsedReference =
  /** `Patient/123`, `Patient/123/_history/2`, or an absolute URL ending in one of those. */
  | { kind: 'resource'; resourceType: string; id: string; versionId?: string; absolute: boolean }
  /** `#p1`: a resource contained in the same resource. */
  | { kind: 'contained'; id: string }
  /** `urn:uuid:…` or `urn:oid:…`: a Bundle-local identity, resolved when the Bundle is processed. */
  | { kind: 'urn'; value: string }
  /** `Patient?identifier=…`: a conditional reference, resolved by search when a Bundle is processed. */
  | { kind: 'conditional'; resourceType: string; query: string }
  /** Any other absolute URL, e.g. a resource on another server with a path we don't recognise. */
  | { kind: 'external'; url: string };

const uuid = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const oid = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/;

/**
 * Classifies a Reference.reference string, or returns undefined when it is not a valid reference
 * (including `Type/id` where Type is not an R4 resource type).
 */
export function parseReference(reference: string): ParsedReference | undefined {
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    return id === '' || ID_PATTERN.test(id) ? { kind: 'contained', id } : undefined;
  }
  if (reference.startsWith('urn:')) {
    return uuid.test(reference) || oid.test(reference) ? { kind: 'urn', value: reference } : undefined;
  }
  const conditional = /^([A-Z][A-Za-z]+)\?/.exec(reference);
  if (conditional) {
    const resourceType = conditional[1];
    const q = resourceType.length;
    const query = reference.slice(q + 1);
    return isResourceType(resourceType) && query.length > 0 ? { kind: 'conditional', resourceType, query } : undefined;
  }
  let m = relative.exec(reference);
  if (m) {
    if (!isResourceType(m[1])) return undefined;
    return { kind: 'resource', resourceType: m[1], id: m[2], ...(m[3] ? { versionId: m[3] } : {}), absolute: false };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/.test(reference)) {
    m = absolute.exec(reference);
    if (m && isResourceType(m[1])) {
      return { kind: 'resource', resourceType: m[1], id: m[2], ...(m[3] ? { versionId: m[3] } : {}), absolute: true };
    }
    return { kind: 'external', url: reference };
  }
  return undefined;
}
