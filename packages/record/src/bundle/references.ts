/**
 * Finds and rewrites every `reference` in a resource, at any depth (including contained
 * resources and references inside backbone elements and extensions). Walks iteratively so a
 * deeply nested resource cannot overflow the stack.
 */

type Node = Record<string, unknown> | unknown[];

/** Calls `visit` for every object that has a string `reference` property. */
export function forEachReference(resource: object, visit: (holder: { reference: string }) => void): void {
  const stack: Node[] = [resource as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (const item of node) if (item && typeof item === 'object') stack.push(item as Node);
      continue;
    }
    if (typeof node.reference === 'string') visit(node as { reference: string });
    for (const key in node) {
      const value = node[key];
      if (value && typeof value === 'object') stack.push(value as Node);
    }
  }
}

/** All reference strings in a resource. */
export function collectReferences(resource: object): string[] {
  const out: string[] = [];
  forEachReference(resource, (h) => out.push(h.reference));
  return out;
}

/**
 * Replaces references found in `replacements` (e.g. `urn:uuid:…` → `Patient/123`). Returns how
 * many were replaced; the resource is changed in place (callers pass their own copy).
 */
export function rewriteReferences(resource: object, replacements: ReadonlyMap<string, string>): number {
  let count = 0;
  forEachReference(resource, (holder) => {
    const target = replacements.get(holder.reference);
    if (target !== undefined) {
      holder.reference = target;
      count++;
    }
  });
  return count;
}
