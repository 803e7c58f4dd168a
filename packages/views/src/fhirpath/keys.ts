/**
 * Resource and reference keys for SQL-on-FHIR's getResourceKey()/getReferenceKey([type]): the
 * logical id, so a reference's key equals the key of the resource it points to.
 */
export function referenceKey(reference: unknown, wantedType?: string): string | undefined {
  if (reference === null || typeof reference !== 'object') return undefined;
  const text = (reference as { reference?: unknown }).reference;
  if (typeof text !== 'string') return undefined;
  const path = text.includes('/_history/') ? text.slice(0, text.lastIndexOf('/_history/')) : text;
  const slash = path.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const id = path.slice(slash + 1);
  const typeStart = path.lastIndexOf('/', slash - 1) + 1;
  if (wantedType !== undefined && path.slice(typeStart, slash) !== wantedType) return undefined;
  return id || undefined;
}

export function resourceKey(resource: unknown): string | undefined {
  const id = (resource as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}
