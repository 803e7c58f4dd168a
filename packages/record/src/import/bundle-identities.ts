import { parseReference } from '@footprint/fhir';
import { forEachReference } from '../bundle/references';
import { parseRequestUrl, type RequestTarget } from '../bundle/request-url';
import { contentId } from './identity';
import type { SourceRecord } from './records';

/** Finds the id of the one existing resource a search matches, or undefined (none or several). */
export type FindExisting = (resourceType: string, query: string) => Promise<string | undefined>;

/**
 * Gives every resource of an imported Bundle a stable id and points references between entries
 * at those ids: the resource's own id, else the uuid of a `urn:uuid:` fullUrl, else the id at the
 * end of an absolute fullUrl, else a content-derived id. A conditional create (`ifNoneExist`) or
 * conditional update that matches an existing resource takes that resource's id (and a matched
 * create is not written again). References to a fullUrl are rewritten to `Type/id`.
 */
export async function settleBundleIdentities(records: SourceRecord[], findExisting: FindExisting): Promise<void> {
  const identities = new Map<string, string>();
  for (const r of records) {
    const resource = r.value as { resourceType?: unknown; id?: unknown } | undefined;
    if (!resource || typeof resource.resourceType !== 'string') continue;
    const type = resource.resourceType;
    let id: string | undefined;
    const method = r.request?.method;
    if (method === 'POST' && r.request?.ifNoneExist) {
      id = await findExisting(type, r.request.ifNoneExist.replace(/^\?/, ''));
      if (id) r.existing = id;
    } else if (method === 'PUT' && r.request?.url) {
      const target = targetOf(r.request.url);
      if (target?.kind === 'search' && target.resourceType === type) id = await findExisting(type, target.query);
      else if (target?.kind === 'instance' && target.resourceType === type) id = target.id;
    }
    if (!id && typeof resource.id === 'string' && method !== 'POST') id = resource.id;
    if (!id && r.fullUrl?.startsWith('urn:uuid:')) id = r.fullUrl.slice('urn:uuid:'.length).toLowerCase();
    if (!id && r.fullUrl) {
      const parsed = parseReference(r.fullUrl);
      if (parsed?.kind === 'resource' && parsed.resourceType === type) id = parsed.id;
    }
    if (!id && typeof resource.id === 'string') id = resource.id;
    id ??= contentId(resource as { resourceType: string });
    resource.id = id;
    if (r.fullUrl) identities.set(r.fullUrl, `${type}/${id}`);
  }
  if (identities.size === 0) return;
  for (const r of records) {
    if (!r.value) continue;
    forEachReference(r.value, (holder) => {
      const target = identities.get(holder.reference);
      if (target) holder.reference = target;
    });
  }
}

/** The target of a Bundle entry's request URL (relative or absolute), or undefined when it is not one we can use. */
function targetOf(url: string): RequestTarget | undefined {
  try {
    return parseRequestUrl(url, 'entry');
  } catch {
    return undefined;
  }
}
