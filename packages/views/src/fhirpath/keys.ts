/**
 * Resource and reference keys for SQL-on-FHIR's getResourceKey()/getReferenceKey([type]): the
 * logical id, so a reference's key equals the key of the resource it points to.
 */
export function referenceKey(reference: unknown, wantedType?: string): string | undefined {
  if (reference === null || typeof reference !== 'object') return undefined;
  const text = (reference as { reference?: unknown }).reference;
  if (typeof text !== 'string') return undefined;
  const parts = text.replace(/\/_history\/[^/]+$/, '').split('/');
  if (parts.length < 2) return undefined;
  const id = parts[parts.length - 1];
  const type = parts[parts.length - 2];
  if (wantedType !== undefined && type !== wantedType) return undefined;
  return id || undefined;
}

export function resourceKey(resource: unknown): string | undefined {
  const id = (resource as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}
