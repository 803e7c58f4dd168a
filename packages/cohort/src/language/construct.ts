import { CohortError } from '../errors';
import { isWithin } from '../model/keys';
import type { BinaryOp, EventFrameNode, JsValue, SeriesNode, UnaryOp, ValueNode, ValueType } from '../model/nodes';

/**
 * Node constructors with the runtime checks the types cannot express (or that a caller in plain
 * JavaScript could bypass): value types match and event series from different frames never mix.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isNumeric(type: ValueType): boolean {
  return type === 'integer' || type === 'float';
}

/** A literal as a node, typed from the series it meets (`hint`) when the JavaScript value allows. */
export function literal(value: unknown, hint: ValueType): ValueNode {
  if (value === null || value === undefined) throw new CohortError('use is_null()/when_null_then() instead of comparing with null');
  switch (typeof value) {
    case 'boolean':
      return { kind: 'value', type: 'boolean', domain: null, value };
    case 'number':
      if (!Number.isFinite(value)) throw new CohortError(`not a finite number: ${value}`);
      return { kind: 'value', type: hint === 'float' || !Number.isInteger(value) ? 'float' : 'integer', domain: null, value };
    case 'string':
      if (hint === 'date') {
        if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new CohortError(`not an ISO date (YYYY-MM-DD): ${value}`);
        return { kind: 'value', type: 'date', domain: null, value };
      }
      return { kind: 'value', type: 'string', domain: null, value };
    default:
      throw new CohortError(`unsupported literal: ${String(value)}`);
  }
}

/**
 * The common domain of some series: the most filtered of their frames, when each is a filter of
 * the others (so every row is a row of all of them); an error when two frames are unrelated.
 */
export function commonDomain(nodes: readonly SeriesNode[]): EventFrameNode | null {
  let domain: EventFrameNode | null = null;
  for (const node of nodes) {
    if (node.domain === null) continue;
    if (domain === null || isWithin(node.domain, domain)) domain = node.domain;
    else if (!isWithin(domain, node.domain)) {
      throw new CohortError('cannot combine series from different event frames: derive both from the same frame (or one from a filter of the other)');
    }
  }
  return domain;
}

function typesCompatible(a: ValueType, b: ValueType): boolean {
  return a === b || (isNumeric(a) && isNumeric(b));
}

const COMPARISONS = new Set<BinaryOp>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const ARITHMETIC = new Set<BinaryOp>(['add', 'subtract', 'multiply', 'divide']);

export function unary(op: UnaryOp, arg: SeriesNode): SeriesNode {
  const need = (ok: boolean, what: string): void => {
    if (!ok) throw new CohortError(`${op} needs ${what}, got a ${arg.type} series`);
  };
  let type: ValueType;
  switch (op) {
    case 'not':
      need(arg.type === 'boolean', 'a boolean');
      type = 'boolean';
      break;
    case 'is_null':
    case 'is_not_null':
      type = 'boolean';
      break;
    case 'negate':
      need(isNumeric(arg.type), 'a number');
      type = arg.type;
      break;
    case 'year':
    case 'month':
    case 'day':
      need(arg.type === 'date', 'a date');
      type = 'integer';
      break;
    case 'to_float':
      need(isNumeric(arg.type), 'a number');
      type = 'float';
      break;
  }
  return { kind: 'unary', op, arg, type, domain: arg.domain };
}

export function binary(op: BinaryOp, left: SeriesNode, right: SeriesNode): SeriesNode {
  const domain = commonDomain([left, right]);
  const fail = (what: string): never => {
    throw new CohortError(`${op} needs ${what}, got ${left.type} and ${right.type}`);
  };
  let type: ValueType;
  if (COMPARISONS.has(op)) {
    if (!typesCompatible(left.type, right.type)) fail('values of the same type');
    type = 'boolean';
  } else if (op === 'and' || op === 'or') {
    if (left.type !== 'boolean' || right.type !== 'boolean') fail('booleans');
    type = 'boolean';
  } else if (ARITHMETIC.has(op)) {
    if (!isNumeric(left.type) || !isNumeric(right.type)) fail('numbers');
    type = op === 'divide' || left.type === 'float' || right.type === 'float' ? 'float' : 'integer';
  } else if (op === 'add_days' || op === 'add_months' || op === 'add_years') {
    if (left.type !== 'date' || right.type !== 'integer') fail('a date and a whole number');
    type = 'date';
  } else if (op === 'days_between' || op === 'months_between' || op === 'years_between') {
    if (left.type !== 'date' || right.type !== 'date') fail('two dates');
    type = 'integer';
  } else {
    if (!typesCompatible(left.type, right.type)) fail('values of the same type');
    type = left.type === right.type ? left.type : 'float';
  }
  return { kind: 'binary', op, left, right, type, domain };
}

export function inCodelist(arg: SeriesNode, codes: readonly string[]): SeriesNode {
  if (arg.type !== 'string') throw new CohortError(`is_in needs a string series, got ${arg.type}`);
  const unique = [...new Set(codes.map((c) => String(c)))].sort();
  return { kind: 'in_codelist', arg, codes: unique, type: 'boolean', domain: arg.domain };
}

/** A plain JavaScript value for a node's literal, used by the SQL compiler and the reference engine. */
export function valueOf(node: ValueNode): JsValue | null {
  return node.value;
}
