import type { FrameNode, SeriesNode } from './nodes';

/** The direct children of a node, for walks over the query model. */
export function childrenOf(node: SeriesNode | FrameNode): (SeriesNode | FrameNode)[] {
  switch (node.kind) {
    case 'select_table':
    case 'value':
    case 'interval_bound':
      return [];
    case 'filter':
      return [node.source, node.condition];
    case 'sort':
      return [node.source, ...node.keys];
    case 'pick_one':
      return [node.source];
    case 'column':
      return [node.frame];
    case 'unary':
      return [node.arg];
    case 'binary':
      return [node.left, node.right];
    case 'in_codelist':
      return [node.arg];
    case 'aggregate':
      return [node.arg];
    case 'frame_aggregate':
      return [node.frame];
    case 'case':
      return [...node.cases.flatMap((c) => [c.when, c.then]), ...(node.otherwise ? [node.otherwise] : [])];
  }
}

const intervalDependence = new WeakMap<object, boolean>();

/** Whether a node refers (directly or through any sub-query) to the bounds of a measure's interval. */
export function dependsOnInterval(node: SeriesNode | FrameNode): boolean {
  const cached = intervalDependence.get(node);
  if (cached !== undefined) return cached;
  const result = node.kind === 'interval_bound' || childrenOf(node).some(dependsOnInterval);
  intervalDependence.set(node, result);
  return result;
}

/** Every distinct node reachable from the roots, children before parents. */
export function walk(roots: (SeriesNode | FrameNode)[]): (SeriesNode | FrameNode)[] {
  const seen = new Set<object>();
  const out: (SeriesNode | FrameNode)[] = [];
  const visit = (node: SeriesNode | FrameNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const child of childrenOf(node)) visit(child);
    out.push(node);
  };
  for (const root of roots) visit(root);
  return out;
}
