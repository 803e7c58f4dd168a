import { createHash } from 'node:crypto';

/** The namespace for ids the importer derives (UUID v5), fixed so ids are stable across runs and machines. */
const NAMESPACE = Buffer.from('6f1f5b8e3c2a4d7e9b0a1c2d3e4f5a6b', 'hex');

/** RFC 4122 version 5 (SHA-1, name-based) UUID of `name` in the importer's namespace. */
export function uuidV5(name: string): string {
  const digest = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A deterministic id for a resource that arrives without one: derived from its type and content,
 * so importing the same file again (or the same resource from another file) yields the same id
 * and creates no duplicate.
 */
export function contentId(resource: { resourceType: string }): string {
  return uuidV5(`${resource.resourceType}\n${JSON.stringify(resource)}`);
}
