import { createHash } from 'node:crypto';
import { copyLexicalNumbers, stringifyFhirJson, type Resource } from '@footprint/fhir';
import { withoutProvenance } from './provenance';

/**
 * A digest of a resource's content without the server-managed meta.versionId,
 * meta.lastUpdated and provenance (meta.source, the contributing organisation), so re-importing an unchanged resource is recognised and left alone. Decimals
 * count as written (`1.0` and `1.00` differ), as they are stored.
 */
export function contentHash(resource: Resource): string {
  const { meta, ...rest } = resource;
  let body: object = copyLexicalNumbers(resource, rest);
  if (meta) {
    const { versionId: _v, lastUpdated: _l, ...otherMeta } = withoutProvenance(meta);
    if (Object.keys(otherMeta).length) body = copyLexicalNumbers(resource, { ...rest, meta: otherMeta });
  }
  return createHash('sha256').update(stringifyFhirJson(body)).digest('base64url');
}
