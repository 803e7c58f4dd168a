import { createHash } from 'node:crypto';
import type { Resource } from '@footprint/fhir';

/**
 * A digest of a resource's content without the server-managed meta.versionId and
 * meta.lastUpdated, so re-importing an unchanged resource is recognised and left alone.
 */
export function contentHash(resource: Resource): string {
  const { meta, ...rest } = resource;
  let body: unknown = rest;
  if (meta) {
    const { versionId: _v, lastUpdated: _l, ...otherMeta } = meta;
    body = Object.keys(otherMeta).length ? { ...rest, meta: otherMeta } : rest;
  }
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}
