import { copyLexicalNumbers, type Resource } from '@footprint/fhir';

const ALWAYS = new Set(['resourceType', 'id', 'meta']);

/**
 * `_elements`: keeps only the named top-level elements (plus id, meta and resourceType) and
 * marks the resource SUBSETTED, as the FHIR specification requires.
 */
export function applyElements(resource: Resource, elements: readonly string[] | undefined): Resource {
  if (!elements || elements.length === 0) return resource;
  const keep = new Set(elements.map((e) => e.split('.').pop() ?? e));
  const out: Record<string, unknown> = copyLexicalNumbers(resource, {});
  for (const [key, value] of Object.entries(resource)) if (ALWAYS.has(key) || keep.has(key)) out[key] = value;
  const meta = { ...(resource.meta ?? {}) };
  meta.tag = [...(meta.tag ?? []), { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED', display: 'subsetted' }];
  out.meta = meta;
  return out as unknown as Resource;
}
