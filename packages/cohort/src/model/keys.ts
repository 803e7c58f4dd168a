import type { FrameNode, SeriesNode } from './nodes';

/**
 * A canonical structural key for a node, so equal sub-queries are recognised and compiled once
 * (and frames built twice from the same definition count as the same domain). Memoised per object.
 */
const keys = new WeakMap<object, string>();

export function nodeKey(node: SeriesNode | FrameNode): string {
  const cached = keys.get(node);
  if (cached !== undefined) return cached;
  const key = computeKey(node);
  keys.set(node, key);
  return key;
}

function computeKey(node: SeriesNode | FrameNode): string {
  switch (node.kind) {
    case 'select_table':
      return `T(${node.table.name})`;
    case 'filter':
      return `F(${nodeKey(node.source)},${nodeKey(node.condition)})`;
    case 'sort':
      return `S(${nodeKey(node.source)};${node.keys.map(nodeKey).join(';')})`;
    case 'pick_one':
      return `P${node.position}(${nodeKey(node.source)})`;
    case 'column':
      return `C(${nodeKey(node.frame)}.${node.column})`;
    case 'value':
      return `V(${node.type}:${JSON.stringify(node.value)})`;
    case 'unary':
      return `U${node.op}(${nodeKey(node.arg)})`;
    case 'binary':
      return `B${node.op}(${nodeKey(node.left)},${nodeKey(node.right)})`;
    case 'in_codelist':
      return `I(${nodeKey(node.arg)};${JSON.stringify(node.codes)})`;
    case 'aggregate':
      return `A${node.fn}(${nodeKey(node.arg)})`;
    case 'frame_aggregate':
      return `FA${node.fn}(${nodeKey(node.frame)})`;
    case 'case':
      return `K(${node.cases.map((c) => `${nodeKey(c.when)}=>${nodeKey(c.then)}`).join(';')};${node.otherwise ? nodeKey(node.otherwise) : '-'})`;
    case 'interval_bound':
      return `IV${node.bound}`;
  }
}

/** True when two domains (null = per patient) are the same. */
export function sameDomain(a: FrameNode | null, b: FrameNode | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || nodeKey(a) === nodeKey(b);
}

/** True when every row of `frame` is a row of `ancestor` (it is `ancestor`, or filters it). */
export function isWithin(frame: FrameNode, ancestor: FrameNode): boolean {
  let current: FrameNode | null = frame;
  while (current !== null) {
    if (sameDomain(current, ancestor)) return true;
    current = current.kind === 'filter' ? current.source : null;
  }
  return false;
}
