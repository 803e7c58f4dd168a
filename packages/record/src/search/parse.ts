import { badRequest, getSearchParameter, isResourceType, parseDateRange, type SearchParamInfo } from '@footprint/fhir';
import type { SearchParams } from '../repository';
import { PREFIXES, type Condition, type IncludeSpec, type Modifier, type Prefix, type ResolvedParam, type SearchRequestModel, type SortKey } from './model';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

/** Parameters that change nothing about the result set (rendering hints for the HTTP layer). */
const PRESENTATION = new Set(['_format', '_pretty']);

const ID_PARAM: ResolvedParam = { code: '_id', type: 'token', column: 'id' };
const LAST_UPDATED: ResolvedParam = { code: '_lastUpdated', type: 'date', column: 'last_updated' };

const MODIFIERS_BY_TYPE: Record<string, ReadonlySet<string>> = {
  string: new Set(['exact', 'contains', 'missing']),
  token: new Set(['missing', 'not', 'text']),
  reference: new Set(['missing']),
  date: new Set(['missing']),
  number: new Set(['missing']),
  quantity: new Set(['missing']),
  uri: new Set(['missing', 'below']),
};

/** Resolves a parameter code on a type; `_id` and `_lastUpdated` are columns. */
export function resolveParam(resourceType: string, code: string): ResolvedParam | undefined {
  if (code === '_id') return ID_PARAM;
  if (code === '_lastUpdated') return LAST_UPDATED;
  const info: SearchParamInfo | undefined = getSearchParameter(resourceType, code);
  if (!info || !(info.type in MODIFIERS_BY_TYPE)) return undefined;
  return { code: info.code, type: info.type, ...(info.targets ? { targets: info.targets } : {}) };
}

/** Splits a parameter value on commas not escaped with a backslash (OR), unescaping `\,`, `\|`, `\$` and `\\`. */
export function splitValues(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length && ',$|\\'.includes(value[i + 1])) {
      current += value[++i] === '|' ? '\\|' : value[i];
    } else if (c === ',') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** Splits a prefixed date/number value, e.g. `ge2020-01-01` → ['ge', '2020-01-01']. */
export function splitPrefix(value: string): [Prefix, string] {
  const p = value.slice(0, 2) as Prefix;
  if (PREFIXES.includes(p) && value.length > 2 && /[\d-]/.test(value[2])) return [p, value.slice(2)];
  return ['eq', value];
}

class Unknown extends Error {}

/** C0 control characters other than tab, LF and CR. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * Parses raw query pairs into a search model for `resourceType`, checking every parameter and
 * value against the R4 definitions. Bad values are a 400 naming the parameter; unknown or
 * unsupported parameters are a 400 under strict handling, otherwise a warning.
 */
export function parseSearch(resourceType: string, params: SearchParams, handling: 'strict' | 'lenient'): SearchRequestModel {
  if (!isResourceType(resourceType)) throw badRequest(`"${resourceType}" is not a FHIR R4 resource type`);
  const model: SearchRequestModel = {
    resourceType,
    conditions: [],
    sort: [],
    count: DEFAULT_COUNT,
    includes: [],
    revincludes: [],
    summaryCount: false,
    total: false,
    applied: [],
    warnings: [],
  };
  const unknown = (name: string, why: string) => {
    const message = `Unknown or unsupported search parameter "${name}" for ${resourceType}: ${why}`;
    if (handling === 'strict') throw badRequest(message, name);
    model.warnings.push(`${message} (ignored)`);
  };
  for (const [name, value] of params) {
    // PostgreSQL text cannot hold NUL, and no FHIR value may hold a control character: a 400, never a database error.
    if (CONTROL.test(name) || CONTROL.test(value)) {
      throw badRequest(`The search parameter ${CONTROL.test(name) ? 'name' : `"${name}"`} holds a control character (such as NUL), which no search value may`, CONTROL.test(name) ? undefined : name);
    }
    try {
      if (PRESENTATION.has(name)) continue;
      if (applyControl(model, name, value)) {
        if (name !== '_cursor') model.applied.push([name, value]);
        continue;
      }
      model.conditions.push(parseCondition(resourceType, name, value, true));
      model.applied.push([name, value]);
    } catch (err) {
      if (err instanceof Unknown) unknown(name, err.message);
      else throw err;
    }
  }
  return model;
}

/** Result-control parameters (`_count`, `_sort`, …). Returns false when `name` is not one. */
function applyControl(model: SearchRequestModel, name: string, value: string): boolean {
  switch (name) {
    case '_count': {
      if (!/^\d+$/.test(value)) throw badRequest(`_count must be a whole number, not "${value}"`, '_count');
      const n = Number(value);
      if (n === 0) model.summaryCount = true;
      model.count = Math.min(Math.max(n, 1), MAX_COUNT);
      return true;
    }
    case '_sort':
      for (const key of value.split(',')) {
        const descending = key.startsWith('-');
        const code = descending ? key.slice(1) : key;
        const param = resolveParam(model.resourceType, code);
        if (!param) throw new Unknown(`cannot sort by "${code}"`);
        model.sort.push({ param, descending } satisfies SortKey);
      }
      return true;
    case '_summary':
      if (value === 'count') model.summaryCount = true;
      else if (value !== 'false') throw new Unknown(`_summary=${value} is not supported (use count or false)`);
      return true;
    case '_total':
      if (value === 'accurate' || value === 'estimate') model.total = true;
      else if (value !== 'none') throw badRequest(`_total must be none, estimate or accurate, not "${value}"`, '_total');
      return true;
    case '_elements':
      model.elements = value.split(',').map((s) => s.trim()).filter(Boolean);
      return true;
    case '_cursor':
      model.cursor = value;
      return true;
    case '_include':
    case '_include:iterate':
    case '_revinclude':
    case '_revinclude:iterate': {
      const rev = name.startsWith('_revinclude');
      const spec = parseInclude(value, name.endsWith(':iterate'), rev);
      (rev ? model.revincludes : model.includes).push(spec);
      return true;
    }
    default:
      return false;
  }
}

function parseInclude(value: string, iterate: boolean, rev: boolean): IncludeSpec {
  const [sourceType, code, targetType] = value.split(':');
  if (!sourceType || !code || !isResourceType(sourceType)) throw new Unknown(`"${value}" is not Type:parameter[:targetType]`);
  const param = resolveParam(sourceType, code);
  if (!param || param.type !== 'reference') throw new Unknown(`${sourceType} has no reference parameter "${code}"`);
  if (targetType !== undefined && (!isResourceType(targetType) || (param.targets?.length && !param.targets.includes(targetType)))) {
    throw new Unknown(`${sourceType}.${code} cannot point at "${targetType}"`);
  }
  void rev;
  return { sourceType, code, ...(targetType ? { targetType } : {}), iterate };
}

/** `_has:Type:reference:parameter=value` (one level): rows some `Type` resource refers to by `reference`, where that resource matches. */
function parseHas(resourceType: string, name: string, value: string, allowChain: boolean): Condition {
  if (!allowChain) throw new Unknown('only one level of _has is supported');
  const [, sourceType, code, ...inner] = name.split(':');
  if (!sourceType || !code || inner.length === 0 || !isResourceType(sourceType)) throw new Unknown('_has must be _has:Type:reference:parameter');
  const param = resolveParam(sourceType, code);
  if (!param || param.type !== 'reference') throw new Unknown(`${sourceType} has no reference parameter "${code}"`);
  if (param.targets?.length && !param.targets.includes(resourceType)) throw new Unknown(`${sourceType}.${code} cannot point at ${resourceType}`);
  const condition = parseCondition(sourceType, inner.join(':'), value, false);
  return { param: { code: '_has', type: 'reference' }, values: [], has: { sourceType, code, condition } };
}

/** Parses `name=value` into a condition on `resourceType`, allowing one level of chaining when `allowChain`. */
export function parseCondition(resourceType: string, name: string, value: string, allowChain: boolean): Condition {
  if (name.startsWith('_has:')) return parseHas(resourceType, name, value, allowChain);
  const dot = name.indexOf('.');
  const head = dot >= 0 ? name.slice(0, dot) : name;
  const [code, rawModifier, ...rest] = head.split(':');
  if (rest.length) throw new Unknown('too many modifiers');
  const param = resolveParam(resourceType, code);
  if (!param) throw new Unknown(`${resourceType} has no search parameter "${code}"`);

  if (dot >= 0) {
    if (!allowChain) throw new Unknown('only one level of chaining is supported');
    if (param.type !== 'reference') throw new Unknown(`"${code}" is not a reference parameter, so it cannot be chained`);
    const chained = name.slice(dot + 1);
    let targetTypes = rawModifier ? [rawModifier] : [...(param.targets ?? [])];
    if (rawModifier && (!isResourceType(rawModifier) || (param.targets?.length && !param.targets.includes(rawModifier)))) {
      throw new Unknown(`${resourceType}.${code} cannot point at "${rawModifier}"`);
    }
    const chainedCode = chained.split(':')[0];
    targetTypes = targetTypes.filter((t) => resolveParam(t, chainedCode) !== undefined);
    if (targetTypes.length === 0) throw new Unknown(`no target of ${resourceType}.${code} has a search parameter "${chainedCode}"`);
    const conditionByType = new Map<string, Condition>();
    for (const t of targetTypes) conditionByType.set(t, parseCondition(t, chained, value, false));
    return { param, values: [], chain: { targetTypes, conditionByType } };
  }

  let modifier: Modifier | undefined;
  let modifierType: string | undefined;
  if (rawModifier !== undefined) {
    if (param.type === 'reference' && isResourceType(rawModifier)) {
      modifier = 'type';
      modifierType = rawModifier;
    } else if (param.column === 'id' && rawModifier === 'not') {
      modifier = 'not';
    } else if (!MODIFIERS_BY_TYPE[param.type].has(rawModifier) || param.column) {
      throw new Unknown(`the modifier ":${rawModifier}" is not supported on ${param.type} parameters`);
    } else modifier = rawModifier as Modifier;
  }
  const values = splitValues(value);
  if (modifier === 'missing') {
    if (value !== 'true' && value !== 'false') throw badRequest(`${name} must be true or false, not "${value}"`, name);
    return { param, modifier, values: [value] };
  }
  for (const v of values) checkValue(param, name, v);
  return { param, ...(modifier ? { modifier } : {}), ...(modifierType ? { modifierType } : {}), values };
}

/** Rejects values that cannot mean anything for the parameter's type (400 naming the parameter). */
function checkValue(param: ResolvedParam, name: string, value: string): void {
  if (value === '') throw badRequest(`${name} has an empty value`, name);
  switch (param.type) {
    case 'date': {
      const [, date] = splitPrefix(value);
      if (!parseDateRange(date)) throw badRequest(`${name}: "${value}" is not a valid date (expected e.g. 2020, 2020-03, 2020-03-01 or 2020-03-01T10:00:00Z, optionally prefixed eq, ne, gt, lt, ge, le, sa, eb or ap)`, name);
      return;
    }
    case 'number': {
      const [, n] = splitPrefix(value);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(n)) throw badRequest(`${name}: "${value}" is not a number`, name);
      return;
    }
    case 'quantity': {
      const [, q] = splitPrefix(value);
      const n = q.split('|')[0];
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(n)) throw badRequest(`${name}: "${value}" is not a quantity (number|system|code)`, name);
      return;
    }
    default:
      return;
  }
}

export { Unknown as UnknownParameter };
