import { getDataType, type InternalTypeSchema, type TypedValue } from '@medplum/core';
import { parseReference } from '../references/parse';

/**
 * A fast evaluator for the shapes nearly all R4 search parameter expressions take (98% of them):
 * unions of element paths with type casts and simple `where` filters, e.g.
 * `Patient.name.given`, `(Observation.value as Quantity)`, `Condition.onset.as(dateTime)`,
 * `Patient.telecom.where((system = 'email'))`, `Observation.subject.where((resolve() is Patient))`.
 * It walks the JSON directly, typing values from the StructureDefinitions (choice types by their
 * suffix), and gives the same typed values as FHIRPath. Anything else is left to the FHIRPath engine.
 */
type Step =
  | { kind: 'field'; name: string; cache: Map<string, Accessor | null> }
  | { kind: 'cast'; type: string }
  | { kind: 'whereEquals'; field: string; value: string }
  | { kind: 'whereResolves'; type: string };

export type FastPath = (resource: object) => TypedValue[];

const stepPatterns: Array<[RegExp, (m: RegExpExecArray) => Step]> = [
  [/^\.where\(\(resolve\(\) is ([A-Z][A-Za-z]+)\)\)/, (m) => ({ kind: 'whereResolves', type: m[1] })],
  [/^\.where\(\(([a-z][A-Za-z]*) = '([^'\\]*)'\)\)/, (m) => ({ kind: 'whereEquals', field: m[1], value: m[2] })],
  [/^\.as\(([A-Za-z]+)\)/, (m) => ({ kind: 'cast', type: m[1] })],
  [/^ as ([A-Za-z]+)/, (m) => ({ kind: 'cast', type: m[1] })],
  [/^\.([a-z][A-Za-z0-9]*)(?![(A-Za-z0-9])/, (m) => ({ kind: 'field', name: m[1], cache: new Map() })],
];

/** Splits `a | (b as X) | c` at top-level unions. */
function splitUnion(expression: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === "'") {
      const close = expression.indexOf("'", i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (c === '|' && depth === 0) {
      parts.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts;
}

function parsePart(part: string, resourceType: string): Step[] | undefined {
  // `(Type.path as X)` and `(Type.path as X).rest`: the parentheses only group the cast.
  const grouped = /^\(([^()]+ as [A-Za-z]+)\)(.*)$/.exec(part);
  let rest = grouped ? grouped[1] + grouped[2] : part;
  if (!rest.startsWith(resourceType) || !/^[. ]/.test(rest.slice(resourceType.length))) return undefined;
  rest = rest.slice(resourceType.length);
  const steps: Step[] = [];
  while (rest.length > 0) {
    let matched = false;
    for (const [re, make] of stepPatterns) {
      const m = re.exec(rest);
      if (m) {
        steps.push(make(m));
        rest = rest.slice(m[0].length);
        matched = true;
        break;
      }
    }
    if (!matched) return undefined;
  }
  return steps.length > 0 ? steps : undefined;
}

/** How to read one element of a type: its JSON keys and the type of each. */
type Accessor = Array<{ key: string; type: string }>;
const accessors = new Map<string, Accessor | null>();

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const SYSTEM_STRING = 'http://hl7.org/fhirpath/System.String';

function accessor(typeName: string, field: string): Accessor | null {
  const cacheKey = `${typeName}.${field}`;
  let found = accessors.get(cacheKey);
  if (found !== undefined) return found;
  let schema: InternalTypeSchema | undefined;
  try {
    schema = getDataType(typeName);
  } catch {
    schema = undefined;
  }
  const direct = schema?.elements[field];
  const choice = schema?.elements[`${field}[x]`];
  const typeCode = (code: string) => (code === SYSTEM_STRING ? 'string' : code);
  if (direct && direct.type.length === 1) found = [{ key: field, type: typeCode(direct.type[0].code) }];
  else if (choice) found = choice.type.map((t) => ({ key: field + capitalize(t.code), type: typeCode(t.code) }));
  else found = null;
  accessors.set(cacheKey, found);
  return found;
}

/** Thrown (and caught by the compiler's caller) when data does not fit what the fast path knows. */
class Unsupported extends Error {}

function push(out: TypedValue[], type: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) push(out, type, v);
    return;
  }
  if (type === 'Resource' || type === 'DomainResource') {
    const rt = (value as { resourceType?: unknown }).resourceType;
    if (typeof rt !== 'string') return;
    out.push({ type: rt, value });
    return;
  }
  out.push({ type, value });
}

function applyStep(input: TypedValue[], step: Step): TypedValue[] {
  const out: TypedValue[] = [];
  switch (step.kind) {
    case 'field':
      for (const item of input) {
        if (typeof item.value !== 'object' || item.value === null) continue;
        let acc = step.cache.get(item.type);
        if (acc === undefined) {
          acc = accessor(item.type, step.name);
          step.cache.set(item.type, acc);
        }
        if (acc === null) throw new Unsupported(`${item.type}.${step.name}`);
        const obj = item.value as Record<string, unknown>;
        for (const { key, type } of acc) push(out, type, obj[key]);
      }
      return out;
    case 'cast':
      for (const item of input) if (item.type === step.type) out.push(item);
      return out;
    case 'whereEquals':
      for (const item of input) {
        if (typeof item.value === 'object' && item.value !== null && (item.value as Record<string, unknown>)[step.field] === step.value) out.push(item);
      }
      return out;
    case 'whereResolves':
      for (const item of input) {
        const ref = typeof item.value === 'string' ? item.value : (item.value as { reference?: unknown } | null)?.reference;
        if (typeof ref !== 'string') continue;
        const parsed = parseReference(ref);
        if (parsed?.kind === 'resource' && parsed.resourceType === step.type) out.push(item);
      }
      return out;
  }
}

/**
 * Compiles an expression (already narrowed to `resourceType`) into a fast evaluator, or returns
 * undefined when the expression needs the FHIRPath engine. The evaluator returns undefined for
 * data it cannot type (the caller then uses FHIRPath for that resource).
 */
export function compileFastPath(resourceType: string, expression: string): ((resource: object) => TypedValue[] | undefined) | undefined {
  // `(Patient.deceased.exists() and (Patient.deceased != false))`: true unless absent or false.
  const flag = /^\((\S+)\.exists\(\) and \(\1 != false\)\)$/.exec(expression);
  if (flag) {
    const path = compileFastPath(resourceType, flag[1]);
    if (!path) return undefined;
    return (resource) => {
      const values = path(resource);
      if (!values) return undefined;
      const isFalse = values.length === 1 && values[0].value === false;
      return [{ type: 'boolean', value: values.length > 0 && !isFalse }];
    };
  }
  const parts = splitUnion(expression);
  if (!parts) return undefined;
  const compiled: Step[][] = [];
  for (const part of parts) {
    const steps = parsePart(part, resourceType);
    if (!steps) return undefined;
    compiled.push(steps);
  }
  return (resource: object) => {
    try {
      const out: TypedValue[] = [];
      for (const steps of compiled) {
        let current: TypedValue[] = [{ type: resourceType, value: resource }];
        for (const step of steps) {
          current = applyStep(current, step);
          if (current.length === 0) break;
        }
        for (const v of current) out.push(v);
      }
      return out;
    } catch (err) {
      if (err instanceof Unsupported) return undefined;
      throw err;
    }
  };
}
