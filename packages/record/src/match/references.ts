/** Rewrites, in place, every `reference` equal to `Patient/{from}` (relative, absolute or versioned) to `Patient/{to}`; returns how many. */
export function moveReferences(node: unknown, from: string, to: string): number {
  const pattern = new RegExp(`^(.*/)?Patient/${from.replace(/[.\\-]/g, '\\$&')}(/_history/[^/]+)?$`);
  let moved = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(obj)) {
      if (key === 'reference' && typeof child === 'string') {
        const m = pattern.exec(child);
        if (m) {
          obj[key] = `${m[1] ?? ''}Patient/${to}`;
          moved++;
        }
      } else walk(child);
    }
  };
  walk(node);
  return moved;
}

/** Whether anything under `node` refers to `Patient/{id}`. */
export function refersTo(node: unknown, id: string): boolean {
  return moveReferences(structuredClone(node), id, id) > 0;
}
