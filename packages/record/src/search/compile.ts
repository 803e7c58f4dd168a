import type { AccessPolicy } from '../access/policy';
import type { SqlParams } from '../db/sql-params';
import type { Condition, Prefix, ResolvedParam } from './model';
import { normalizedPattern, parseDateValue, parseNumberValue, parseReferenceValue, splitPipe } from './values';

const TABLE: Record<string, string> = {
  string: 'search_string',
  token: 'search_token',
  date: 'search_date',
  number: 'search_number',
  quantity: 'search_quantity',
  reference: 'search_reference',
  uri: 'search_uri',
};

/** The table holding resources of a type: AuditEvents have their own append-only table. */
export function tableFor(resourceType: string): string {
  return resourceType === 'AuditEvent' ? 'audit_event' : 'resource';
}

/** Everything the compiler needs besides the condition. */
export interface CompileScope {
  params: SqlParams;
  policy: AccessPolicy;
  aliasCounter: { n: number };
}

/**
 * Compiles one search condition on rows of `alias` (of `resourceType`) into an SQL predicate.
 * Index conditions become EXISTS semi-joins against the per-type index tables; OR-ed values
 * share one EXISTS, so each condition costs one indexed probe.
 */
export function compileCondition(cond: Condition, alias: string, resourceType: string, scope: CompileScope): string {
  const { params } = scope;
  const { param } = cond;
  if (param.column === 'id') {
    const match = `${alias}.id = ANY(${params.add(cond.values)}::text[])`;
    return cond.modifier === 'not' ? `NOT (${match})` : match;
  }
  if (param.column === 'last_updated') {
    const lo = `${alias}.last_updated`;
    const hi = `(${alias}.last_updated + interval '1 millisecond')`;
    return `(${cond.values.map((v) => dateCompare(lo, hi, v, params)).join(' OR ')})`;
  }
  if (cond.chain) return compileChain(cond, alias, resourceType, scope);
  if (cond.has) return compileHas(cond.has, alias, resourceType, scope);
  const x = `x${++scope.aliasCounter.n}`;
  const table = TABLE[param.type];
  const base = `SELECT 1 FROM ${table} ${x} WHERE ${x}.rid = ${alias}.rid AND ${x}.resource_type = ${params.add(resourceType)} AND ${x}.code = ${params.add(param.code)}`;

  if (cond.modifier === 'missing') {
    return cond.values[0] === 'true' ? `NOT EXISTS (${base})` : `EXISTS (${base})`;
  }
  const match = cond.values.map((v) => valueMatch(param, cond, x, v, params)).join(' OR ');
  if (cond.modifier === 'not') return `NOT EXISTS (${base} AND (${match}))`;
  return `EXISTS (${base} AND (${match}))`;
}

function valueMatch(param: ResolvedParam, cond: Condition, x: string, value: string, params: SqlParams): string {
  switch (param.type) {
    case 'string':
      if (cond.modifier === 'exact') return `${x}.value = ${params.add(value)}`;
      return `${x}.normalized LIKE ${params.add(normalizedPattern(value, cond.modifier === 'contains' ? 'contains' : 'prefix'))}`;
    case 'token': {
      if (cond.modifier === 'text') {
        return `(${x}.text LIKE ${params.add(normalizedPattern(value, 'prefix'))} OR ${x}.text LIKE ${params.add(`% ${normalizedPattern(value, 'prefix')}`)})`;
      }
      const parts = splitPipe(value);
      if (parts.length === 1) return `${x}.value = ${params.add(parts[0])}`;
      const [system, code] = parts;
      if (system === '') return `(${x}.system IS NULL AND ${x}.value = ${params.add(code)})`;
      if (code === '') return `${x}.system = ${params.add(system)}`;
      return `(${x}.system = ${params.add(system)} AND ${x}.value = ${params.add(code)})`;
    }
    case 'uri':
      if (cond.modifier === 'below') return `${x}.value LIKE ${params.add(`${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
      return `${x}.value = ${params.add(value)}`;
    case 'reference': {
      const ref = parseReferenceValue(value, cond.modifierType);
      if (ref.literal !== undefined) return `${x}.reference = ${params.add(ref.literal)}`;
      const parts = [`${x}.target_id = ${params.add(ref.id)}`];
      if (ref.type) parts.push(`${x}.target_type = ${params.add(ref.type)}`);
      return `(${parts.join(' AND ')})`;
    }
    case 'date':
      return dateCompare(`${x}.lo`, `${x}.hi`, value, params);
    case 'number':
      return numberCompare(`${x}.value`, value, params);
    case 'quantity': {
      const [number, system, code] = splitPipe(value);
      const parts = [numberCompare(`${x}.value`, number, params)];
      if (system) parts.push(`${x}.system = ${params.add(system)}`);
      if (code) parts.push(`${x}.unit = ${params.add(code)}`);
      return `(${parts.join(' AND ')})`;
    }
    default:
      throw new Error(`unsupported parameter type ${param.type}`);
  }
}

/**
 * Range semantics for dates: the stored value is [lo, hi), the search value [s, e).
 * eq: stored within searched; gt/lt: stored extends beyond; ge/le: overlaps above/below;
 * sa/eb: starts after / ends before; ap: overlaps the searched range widened by 10% of its distance from now.
 */
export function dateCompare(lo: string, hi: string, value: string, params: SqlParams): string {
  const d = parseDateValue(value);
  const s = () => `${params.add(d.start)}::timestamptz`;
  const e = () => `${params.add(d.end)}::timestamptz`;
  const byPrefix: Record<Prefix, () => string> = {
    eq: () => `(${lo} >= ${s()} AND ${hi} <= ${e()})`,
    ne: () => `NOT (${lo} >= ${s()} AND ${hi} <= ${e()})`,
    gt: () => `${hi} > ${e()}`,
    lt: () => `${lo} < ${s()}`,
    ge: () => `${hi} > ${s()}`,
    le: () => `${lo} < ${e()}`,
    sa: () => `${lo} >= ${e()}`,
    eb: () => `${hi} <= ${s()}`,
    ap: () =>
      `(${lo} < ${params.add(new Date(Date.parse(d.end) + d.margin).toISOString())}::timestamptz AND ${hi} > ${params.add(new Date(Date.parse(d.start) - d.margin).toISOString())}::timestamptz)`,
  };
  return byPrefix[d.prefix]();
}

/** Numbers: eq/ne use the implicit precision range of the written value; ap is ±10%. */
export function numberCompare(column: string, value: string, params: SqlParams): string {
  const n = parseNumberValue(value);
  const v = () => `${params.add(n.value)}::numeric`;
  const byPrefix: Record<Prefix, () => string> = {
    eq: () => `(${column} >= ${params.add(n.lo)}::numeric AND ${column} < ${params.add(n.hi)}::numeric)`,
    ne: () => `NOT (${column} >= ${params.add(n.lo)}::numeric AND ${column} < ${params.add(n.hi)}::numeric)`,
    gt: () => `${column} > ${v()}`,
    lt: () => `${column} < ${v()}`,
    ge: () => `${column} >= ${v()}`,
    le: () => `${column} <= ${v()}`,
    sa: () => `${column} > ${v()}`,
    eb: () => `${column} < ${v()}`,
    ap: () => {
      const x = Number(n.value);
      const margin = Math.abs(x) * 0.1;
      return `(${column} >= ${params.add(String(x - margin))}::numeric AND ${column} <= ${params.add(String(x + margin))}::numeric)`;
    },
  };
  return byPrefix[n.prefix]();
}

/**
 * `subject:Patient.name=smith`: the reference must point at a live resource of a target type
 * that matches the chained condition and that this context may read.
 */
function compileChain(cond: Condition, alias: string, resourceType: string, scope: CompileScope): string {
  const { params } = scope;
  const chain = cond.chain!;
  const x = `x${++scope.aliasCounter.n}`;
  const t = `t${scope.aliasCounter.n}`;
  const perType = chain.targetTypes.map((type) => {
    const inner = compileCondition(chain.conditionByType.get(type)!, t, type, scope);
    return `(${t}.resource_type = ${params.add(type)} AND ${inner})`;
  });
  return `EXISTS (SELECT 1 FROM search_reference ${x} JOIN resource ${t} ON ${t}.resource_type = ${x}.target_type AND ${t}.id = ${x}.target_id
    WHERE ${x}.rid = ${alias}.rid AND ${x}.resource_type = ${params.add(resourceType)} AND ${x}.code = ${params.add(cond.param.code)}
      AND ${x}.target_type = ANY(${params.add(chain.targetTypes)}::text[]) AND NOT ${t}.deleted AND ${scope.policy.predicate(t, 'r', params)}
      AND (${perType.join(' OR ')}))`;
}

/**
 * `_has:Observation:subject:code=…`: some live resource of the source type that this context may
 * search refers to the row and matches, so a row is never found through something withheld.
 */
function compileHas(has: NonNullable<Condition['has']>, alias: string, resourceType: string, scope: CompileScope): string {
  const { params } = scope;
  const x = `x${++scope.aliasCounter.n}`;
  const s = `s${scope.aliasCounter.n}`;
  const inner = compileCondition(has.condition, s, has.sourceType, scope);
  return `EXISTS (SELECT 1 FROM search_reference ${x} JOIN ${tableFor(has.sourceType)} ${s} ON ${s}.rid = ${x}.rid
    WHERE ${x}.resource_type = ${params.add(has.sourceType)} AND ${x}.code = ${params.add(has.code)}
      AND ${x}.target_type = ${params.add(resourceType)} AND ${x}.target_id = ${alias}.id
      AND NOT ${s}.deleted AND ${scope.policy.predicate(s, 's', params)} AND ${inner})`;
}
