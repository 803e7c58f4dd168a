import fhirpath from 'fhirpath';
import { inlineTemporalConstants } from '../constants';
import { ViewDefinitionError } from '../errors';
import { compileFast, type AstNode, type CompiledPath } from './fast-compiler';
import { userInvocationTable } from './functions';
import { isPrimitiveType, isResourceType, r4Model } from './r4-model';

export type { CompiledPath } from './fast-compiler';

/** A compiled path plus what the compiler learnt about it statically. */
export interface PathPlan {
  evaluate: CompiledPath;
  /** The static type of each result when the fast compiler handled it (needed to type nested contexts). */
  staticType?: string;
  /** True when evaluated by the fast compiler rather than fhirpath.js. */
  fast: boolean;
}

const builtInVariables = new Set(['resource', 'rootResource', 'context', 'ucum', 'sct', 'loinc', 'factory']);

export interface PathCompileOptions {
  /** The type (or backbone path) of the context the expression runs on, when known. */
  contextType?: string;
  /** The view's constants, by name, as FHIRPath values. */
  constants: ReadonlyMap<string, unknown>;
  /** Where the expression is in the view, for error messages. */
  location: string;
  /** Use the fast compiler when the expression allows (default true). */
  fastPaths?: boolean;
  /** Keep fhirpath.js's typed nodes in results (for forEach contexts the fallback path will navigate). */
  keepTypes?: boolean;
}

/**
 * Compiles one FHIRPath expression once: through the fast compiler when it is in the supported
 * subset and the context type is known, otherwise through fhirpath.js with the R4 model.
 */
export function compilePath(expression: unknown, options: PathCompileOptions): PathPlan {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new ViewDefinitionError('must be a FHIRPath expression (a non-empty string)', options.location);
  }
  let ast: AstNode;
  const source = inlineTemporalConstants(expression, options.constants);
  try {
    ast = fhirpath.parse(source) as AstNode;
  } catch (error) {
    throw new ViewDefinitionError(`invalid FHIRPath "${expression}": ${firstLine(error)}`, options.location);
  }
  checkConstants(ast, options);
  if (options.contextType && options.fastPaths !== false) {
    const fast = compileFast(ast, options.contextType, options.constants);
    if (fast && !fast.type.startsWith('choice:')) return { evaluate: fast.fn, staticType: fast.type, fast: true };
  }
  return { evaluate: compileWithFhirpathJs(source, options), fast: false };
}

function compileWithFhirpathJs(expression: string, options: PathCompileOptions): CompiledPath {
  const environment: Record<string, unknown> = Object.fromEntries(options.constants);
  const type = options.contextType;
  const base = type && !isPrimitiveType(type) && !isResourceType(type) ? type : undefined;
  const compiled = fhirpath.compile(base ? { base, expression } : expression, r4Model, {
    resolveInternalTypes: !options.keepTypes,
    userInvocationTable,
  } as Parameters<typeof fhirpath.compile>[2]) as (data: unknown, env: Record<string, unknown>) => unknown[];
  return (input, resource) => {
    try {
      environment.resource = resource;
      environment.rootResource = resource;
      return compiled(input.length === 1 ? input[0] : input, environment);
    } catch (error) {
      throw new ViewDefinitionError(`evaluating "${expression}" failed: ${firstLine(error)}`, options.location);
    }
  };
}

/** Rejects `%name` references to constants the view does not define, before any data is read. */
function checkConstants(node: AstNode, options: PathCompileOptions): void {
  if (node.type === 'ExternalConstantTerm') {
    const name = (node.children?.[0]?.children?.[0]?.text ?? node.text ?? '').replace(/^`|`$/g, '');
    if (!options.constants.has(name) && !builtInVariables.has(name) && !name.startsWith('vs-') && !name.startsWith('ext-')) {
      throw new ViewDefinitionError(`unknown constant %${name}`, options.location);
    }
  }
  for (const child of node.children ?? []) checkConstants(child, options);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
