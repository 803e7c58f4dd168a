import { childElement, hasSimpleEquality, isPrimitiveType, isResourceType } from './r4-model';
import { referenceKey } from './keys';

/**
 * A compiled FHIRPath expression: takes the input collection (the context) and the resource
 * being flattened, returns the output collection of plain JSON values.
 */
export type CompiledPath = (input: readonly unknown[], resource: Record<string, unknown>) => unknown[];

/** A compiled expression with the static type of what it returns (a type name or backbone path). */
interface Typed {
  fn: CompiledPath;
  /** FHIR type name (`CodeableConcept`), backbone path (`Observation.component`) or System type. */
  type: string;
  /** For a run of member navigations: where the run starts and the property names, so it compiles to one walk. */
  chain?: { root: CompiledPath; properties: string[] };
}

/** The AST node shape fhirpath.js's `parse()` returns. */
export interface AstNode {
  type: string;
  text?: string;
  children?: AstNode[];
}

/**
 * Compiles the common subset of FHIRPath used by analysis views (member navigation with choice
 * types, where, first, exists, empty, not, ofType on choices, extension(url), join, equality of
 * codes and strings, and/or, getResourceKey, getReferenceKey) into closures over plain JSON, about
 * twenty times faster than interpreting. Returns null for anything outside the subset, and the
 * caller then uses fhirpath.js, so results never differ between the two paths.
 */
export function compileFast(ast: AstNode, contextType: string, constants: ReadonlyMap<string, unknown>): Typed | null {
  try {
    return compileNode(ast, contextType, constants);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

function only(node: AstNode): AstNode {
  if (!node.children || node.children.length !== 1) return unsupported();
  return node.children[0];
}

function compileNode(node: AstNode, ctxType: string, constants: ReadonlyMap<string, unknown>): Typed {
  switch (node.type) {
    case 'EntireExpression':
    case 'TermExpression':
    case 'InvocationTerm':
    case 'ParenthesizedTerm':
      return compileNode(only(node), ctxType, constants);
    case 'MemberInvocation':
      return navigate({ fn: (input) => input as unknown[], type: ctxType }, node.text ?? unsupported());
    case 'ThisInvocation':
      return { fn: (input) => input as unknown[], type: ctxType };
    case 'LiteralTerm':
      return literal(only(node));
    case 'ExternalConstantTerm':
      return constant(node, constants);
    case 'InvocationExpression': {
      const [left, right] = node.children ?? unsupported();
      const base = compileNode(left, ctxType, constants);
      if (right.type === 'MemberInvocation') return navigate(base, right.text ?? unsupported());
      if (right.type === 'FunctionInvocation') return applyFunction(base, only(right), constants);
      return unsupported();
    }
    case 'FunctionInvocation':
      return applyFunction({ fn: (input) => input as unknown[], type: ctxType }, only(node), constants);
    case 'EqualityExpression':
      return equality(node, ctxType, constants);
    case 'AndExpression':
    case 'OrExpression':
      return logical(node, ctxType, constants);
    default:
      return unsupported();
  }
}

function literal(node: AstNode): Typed {
  const text = node.text ?? '';
  if (node.type === 'StringLiteral') {
    if (text.includes('\\')) return unsupported();
    const value = text.slice(1, -1);
    return { fn: () => [value], type: 'System.String' };
  }
  if (node.type === 'BooleanLiteral') {
    const value = text === 'true';
    return { fn: () => [value], type: 'System.Boolean' };
  }
  if (node.type === 'NumberLiteral' && /^\d+$/.test(text)) {
    const value = Number(text);
    return { fn: () => [value], type: 'System.Integer' };
  }
  return unsupported();
}

function constant(node: AstNode, constants: ReadonlyMap<string, unknown>): Typed {
  const name = only(only(node)).text ?? '';
  if (!constants.has(name)) return unsupported();
  const value = constants.get(name);
  if (typeof value === 'string') return { fn: () => [value], type: 'System.String' };
  if (typeof value === 'boolean') return { fn: () => [value], type: 'System.Boolean' };
  if (typeof value === 'number' && Number.isInteger(value)) return { fn: () => [value], type: 'System.Integer' };
  return unsupported();
}

/**
 * Member navigation `a.b.c` as one walk over the JSON, with no collection built between steps:
 * arrays are flattened and missing values dropped, as FHIRPath navigation does.
 */
function extendChain(base: Typed, property: string, type: string): Typed {
  const root = base.chain?.root ?? base.fn;
  const properties = base.chain ? [...base.chain.properties, property] : [property];
  const last = properties.length - 1;
  const walk = (value: unknown, step: number, out: unknown[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, step, out);
      return;
    }
    const next = (value as Record<string, unknown>)[properties[step]];
    if (next === undefined || next === null) return;
    if (step === last) {
      if (Array.isArray(next)) {
        for (const item of next) if (item !== undefined && item !== null) out.push(item);
      } else out.push(next);
    } else walk(next, step + 1, out);
  };
  return {
    type,
    chain: { root, properties },
    fn: (input, resource) => {
      const out: unknown[] = [];
      for (const item of root(input, resource)) walk(item, 0, out);
      return out;
    },
  };
}

function navigate(base: Typed, name: string): Typed {
  if (isResourceType(name) && name === base.type) return base; // `Patient.name` style
  const child = childElement(base.type, name);
  if (!child) return unsupported();
  if (child.kind === 'single') return extendChain(base, child.property, child.typePath);
  // A choice element is only compiled when followed by ofType(); see applyFunction.
  return { ...base, type: `choice:${base.type}.${name}` };
}

function applyFunction(base: Typed, fn: AstNode, constants: ReadonlyMap<string, unknown>): Typed {
  const [identifier, params] = fn.children ?? unsupported();
  const name = identifier.text;
  const args = params?.children ?? [];
  const from = base.fn;
  if (base.type.startsWith('choice:') && name !== 'ofType') return unsupported();
  switch (name) {
    case 'ofType': {
      if (args.length !== 1) return unsupported();
      const typeName = args[0].text ?? '';
      if (!base.type.startsWith('choice:')) {
        return base.type === typeName ? base : unsupported();
      }
      const [ownerType, element] = splitChoice(base.type);
      const child = childElement(ownerType, element);
      if (!child || child.kind !== 'choice') return unsupported();
      const option = child.options.find((o) => o.typeName === typeName);
      if (!option) return unsupported();
      return extendChain(base, option.property, option.typePath);
    }
    case 'first':
      if (args.length) return unsupported();
      return { type: base.type, fn: (input, resource) => from(input, resource).slice(0, 1) };
    case 'exists':
    case 'empty': {
      const criteria = args.length === 1 ? compileNode(args[0], base.type, constants) : null;
      if (args.length > 1 || (name === 'empty' && criteria)) return unsupported();
      const wantExists = name === 'exists';
      return {
        type: 'System.Boolean',
        fn: (input, resource) => {
          const items = from(input, resource);
          const found = criteria ? items.some((item) => isTrue(criteria.fn([item], resource))) : items.length > 0;
          return [found === wantExists];
        },
      };
    }
    case 'where': {
      if (args.length !== 1) return unsupported();
      const criteria = compileNode(args[0], base.type, constants);
      return { type: base.type, fn: (input, resource) => from(input, resource).filter((item) => isTrue(criteria.fn([item], resource))) };
    }
    case 'not':
      if (args.length || base.type !== 'System.Boolean') return unsupported();
      return {
        type: 'System.Boolean',
        fn: (input, resource) => {
          const items = from(input, resource);
          return items.length === 1 && typeof items[0] === 'boolean' ? [!items[0]] : [];
        },
      };
    case 'extension': {
      if (args.length !== 1) return unsupported();
      const url = literal(only(only(args[0])));
      if (url.type !== 'System.String') return unsupported();
      const wanted = url.fn([], {})[0];
      return {
        type: 'Extension',
        fn: (input, resource) => {
          const out: unknown[] = [];
          for (const item of from(input, resource)) {
            if (item === null || typeof item !== 'object') continue;
            const extensions = (item as { extension?: Array<{ url?: string }> }).extension;
            if (extensions) for (const extension of extensions) if (extension.url === wanted) out.push(extension);
          }
          return out;
        },
      };
    }
    case 'join': {
      if (args.length > 1 || !isPrimitiveType(base.type)) return unsupported();
      const separator = args.length ? literal(only(only(args[0]))) : null;
      if (separator && separator.type !== 'System.String') return unsupported();
      const sep = separator ? String(separator.fn([], {})[0]) : '';
      return {
        type: 'System.String',
        fn: (input, resource) => {
          return [from(input, resource).map(String).join(sep)];
        },
      };
    }
    case 'getResourceKey':
      if (args.length || !isResourceType(base.type)) return unsupported();
      return {
        type: 'System.String',
        fn: (input, resource) => {
          const out: unknown[] = [];
          for (const item of from(input, resource)) {
            const id = (item as { id?: unknown }).id;
            if (typeof id === 'string') out.push(id);
          }
          return out;
        },
      };
    case 'getReferenceKey': {
      if (args.length > 1 || base.type !== 'Reference') return unsupported();
      const wantedType = args.length ? (args[0].text ?? unsupported()) : undefined;
      return {
        type: 'System.String',
        fn: (input, resource) => {
          const out: unknown[] = [];
          for (const item of from(input, resource)) {
            const key = referenceKey(item, wantedType);
            if (key !== undefined) out.push(key);
          }
          return out;
        },
      };
    }
    default:
      return unsupported();
  }
}

function splitChoice(choiceType: string): [string, string] {
  const path = choiceType.slice('choice:'.length);
  const dot = path.lastIndexOf('.');
  return [path.slice(0, dot), path.slice(dot + 1)];
}

function isTrue(result: unknown[]): boolean {
  return result.length === 1 && result[0] === true;
}

function equality(node: AstNode, ctxType: string, constants: ReadonlyMap<string, unknown>): Typed {
  const op = node.text;
  if (op !== '=' && op !== '!=') return unsupported();
  const [leftNode, rightNode] = node.children ?? unsupported();
  const left = compileNode(leftNode, ctxType, constants);
  const right = compileNode(rightNode, ctxType, constants);
  if (!hasSimpleEquality(left.type) || !hasSimpleEquality(right.type)) return unsupported();
  const negate = op === '!=';
  return {
    type: 'System.Boolean',
    fn: (input, resource) => {
      const a = left.fn(input, resource);
      const b = right.fn(input, resource);
      if (a.length === 0 || b.length === 0) return [];
      if (a.length !== b.length) return [negate];
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return [negate];
      return [!negate];
    },
  };
}

function logical(node: AstNode, ctxType: string, constants: ReadonlyMap<string, unknown>): Typed {
  const [leftNode, rightNode] = node.children ?? unsupported();
  const left = compileNode(leftNode, ctxType, constants);
  const right = compileNode(rightNode, ctxType, constants);
  if (left.type !== 'System.Boolean' || right.type !== 'System.Boolean') return unsupported();
  const isAnd = node.type === 'AndExpression';
  if (node.text !== (isAnd ? 'and' : 'or')) return unsupported();
  return {
    type: 'System.Boolean',
    fn: (input, resource) => {
      const a = single(left.fn(input, resource));
      const b = single(right.fn(input, resource));
      if (isAnd) {
        if (a === false || b === false) return [false];
        return a === true && b === true ? [true] : [];
      }
      if (a === true || b === true) return [true];
      return a === false && b === false ? [false] : [];
    },
  };
}

function single(result: unknown[]): boolean | undefined {
  return result.length === 1 && typeof result[0] === 'boolean' ? result[0] : undefined;
}
