import type { BinaryNode, BinaryOp, EventFrameNode, FrameNode, SeriesNode } from './nodes';
import { dependsOnInterval } from './walk';

/**
 * Rewrites that keep a definition's meaning but let SQL engines do less work. Applied by the SQL
 * compiler only; the in-memory engine evaluates the definition as written, and the spec and
 * generative tests check the two agree.
 *
 * Interval hoisting: "exists a row of F with x ≤ bound" where only that comparison depends on the
 * measure's interval is "min(x over F without it) ≤ bound" (≥ uses max). The aggregate no longer
 * depends on the interval, so it is computed once per patient instead of once per patient and
 * interval. COALESCE keeps `exists` false, never null, when there is no such row.
 */
export function optimise(root: SeriesNode): SeriesNode {
  return mapSeries(root, new Map());
}

type Memo = Map<object, SeriesNode | FrameNode>;

const FLIP: Partial<Record<BinaryOp, BinaryOp>> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

function mapSeries(node: SeriesNode, memo: Memo): SeriesNode {
  const hit = memo.get(node);
  if (hit) return hit as SeriesNode;
  let out: SeriesNode;
  switch (node.kind) {
    case 'value':
    case 'interval_bound':
      out = node;
      break;
    case 'column':
      out = { ...node, frame: mapFrame(node.frame, memo) as typeof node.frame };
      break;
    case 'unary':
      out = { ...node, arg: mapSeries(node.arg, memo) };
      break;
    case 'binary':
      out = { ...node, left: mapSeries(node.left, memo), right: mapSeries(node.right, memo) };
      break;
    case 'in_codelist':
      out = { ...node, arg: mapSeries(node.arg, memo) };
      break;
    case 'aggregate':
      out = { ...node, arg: mapSeries(node.arg, memo) };
      break;
    case 'case':
      out = { ...node, cases: node.cases.map((c) => ({ when: mapSeries(c.when, memo), then: mapSeries(c.then, memo) })), otherwise: node.otherwise ? mapSeries(node.otherwise, memo) : null };
      break;
    case 'frame_aggregate':
      out = (node.fn === 'exists' ? hoistInterval(node.frame, memo) : null) ?? { ...node, frame: mapFrame(node.frame, memo) as EventFrameNode };
      break;
  }
  memo.set(node, out);
  return out;
}

function mapFrame(frame: FrameNode, memo: Memo): FrameNode {
  const hit = memo.get(frame);
  if (hit) return hit as FrameNode;
  let out: FrameNode;
  switch (frame.kind) {
    case 'select_table':
      out = frame;
      break;
    case 'filter':
      out = { ...frame, source: mapFrame(frame.source, memo) as EventFrameNode, condition: mapSeries(frame.condition, memo) };
      break;
    case 'sort':
      out = { ...frame, source: mapFrame(frame.source, memo) as EventFrameNode, keys: frame.keys.map((k) => mapSeries(k, memo)) };
      break;
    case 'pick_one':
      out = { ...frame, source: mapFrame(frame.source, memo) as typeof frame.source };
      break;
  }
  memo.set(frame, out);
  return out;
}

function conjuncts(node: SeriesNode): SeriesNode[] {
  return node.kind === 'binary' && node.op === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

function hoistInterval(frame: EventFrameNode, memo: Memo): SeriesNode | null {
  if (!dependsOnInterval(frame)) return null;
  const all: SeriesNode[] = [];
  let root: EventFrameNode = frame;
  while (root.kind === 'filter') {
    all.unshift(...conjuncts(root.condition));
    root = root.source;
  }
  const dependent = all.filter(dependsOnInterval);
  if (dependent.length !== 1) return null;
  const cmp = dependent[0];
  if (cmp.kind !== 'binary' || !FLIP[cmp.op]) return null;
  let [x, bound, op] = [cmp.left, cmp.right, cmp.op];
  if (x.domain === null) [x, bound, op] = [cmp.right, cmp.left, FLIP[cmp.op] as BinaryOp];
  if (x.domain === null || bound.domain !== null || dependsOnInterval(x)) return null;
  const rest = all.filter((c) => c !== cmp).map((c) => mapSeries(c, memo));
  const reduced: EventFrameNode = rest.length === 0 ? root : { kind: 'filter', source: root, condition: rest.reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b, type: 'boolean', domain: b.domain ?? a.domain }) as BinaryNode) };
  const fn = op === 'lt' || op === 'le' ? 'minimum' : 'maximum';
  const aggregate: SeriesNode = { kind: 'aggregate', fn, arg: { ...mapSeries(x, memo), domain: reduced } as SeriesNode, type: x.type, domain: null };
  const compared: SeriesNode = { kind: 'binary', op, left: aggregate, right: mapSeries(bound, memo), type: 'boolean', domain: null };
  return { kind: 'binary', op: 'coalesce', left: compared, right: { kind: 'value', value: false, type: 'boolean', domain: null }, type: 'boolean', domain: null };
}
