interface SchemaNode {
  shape?: Record<string, unknown>;
  _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } };
}

/** The field schemas of an object schema (through optional, nullable, default and pipes), if it is one. */
function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let node = schema as SchemaNode | undefined;
  for (let depth = 0; node && depth < 10; depth++) {
    if (node.shape && typeof node.shape === 'object') return node.shape;
    const def = node._zod?.def;
    node = (def?.innerType ?? def?.in) as SchemaNode | undefined;
  }
  return undefined;
}

/**
 * Columns (or fields) in the order the kind's schema declares its fields, since the database keeps
 * object keys in its own order; nested fields likewise; fields the schema does not name keep
 * their order, last. Export columns and history's changed fields both read in the kind's order.
 */
export function inDeclaredOrder<T>(schema: unknown, columns: readonly T[], pathOf: (column: T) => string[], depth = 0): T[] {
  const shape = objectShape(schema);
  const fields = Object.keys(shape ?? {});
  const groups = new Map<string, T[]>();
  for (const column of columns) {
    const key = pathOf(column)[depth] ?? '';
    groups.set(key, [...(groups.get(key) ?? []), column]);
  }
  const rank = (key: string) => (fields.includes(key) ? fields.indexOf(key) : fields.length);
  return [...groups.entries()]
    .map(([key, group], i) => ({ key, group, i }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i)
    .flatMap(({ key, group }) => (group.length > 1 || pathOf(group[0]).length > depth + 1 ? inDeclaredOrder(shape?.[key], group, pathOf, depth + 1) : group));
}

