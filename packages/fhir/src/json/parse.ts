import { OperationOutcomeError, outcome } from '../errors';
import { parseWithLexicalNumbers, scanJsonText } from './lexical';
import { findExcessiveNesting, findJsonSyntaxError } from './scan';

export interface ParseJsonOptions {
  /** Deepest allowed nesting of objects and arrays (default 32; real FHIR resources rarely pass 12). */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 32;

/**
 * Parses a request body or NDJSON line that should hold one FHIR resource. Malformed JSON and
 * nesting deeper than `maxDepth` are 400s whose message gives the line and column; a non-object
 * (array, string…) is a 400 too. The content itself is never echoed (it may identify a person).
 * Numbers keep the text they were written with (see ./lexical: `1.00` stays `1.00` through
 * stringifyFhirJson). Returns the parsed object unvalidated: call validateResource next.
 */
export function parseJsonResource(text: string, options: ParseJsonOptions = {}): Record<string, unknown> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const scan = scanJsonText(text, maxDepth);
  let value: unknown;
  try {
    value = parseWithLexicalNumbers(text, scan.numbers);
  } catch {
    const problem = findJsonSyntaxError(text);
    const where = problem ? ` at line ${problem.line}, column ${problem.column} (character ${problem.position + 1})` : '';
    throw new OperationOutcomeError(400, outcome('structure', `Malformed JSON${where}: ${problem?.message ?? 'not valid JSON'}`));
  }
  const tooDeep = scan.tooDeepAt === undefined ? undefined : findExcessiveNesting(text, maxDepth);
  if (tooDeep) {
    throw new OperationOutcomeError(
      400,
      outcome('too-costly', `JSON ${tooDeep.message}, at line ${tooDeep.line}, column ${tooDeep.column}`),
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new OperationOutcomeError(400, outcome('structure', `Expected a FHIR resource (a JSON object) but found ${kind}`));
  }
  return value as Record<string, unknown>;
}
