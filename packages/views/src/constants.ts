import { ViewDefinitionError } from './errors';
import type { ViewConstant } from './view-definition';

/**
 * Turns the view's `constant` list into FHIRPath environment values. Each constant needs a name
 * and exactly one `value[x]`; numbers and booleans stay JSON numbers and booleans, everything
 * else (codes, dates, uris, ...) is its string form, as in the resource JSON.
 */
export function readConstants(constants: unknown): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (constants === undefined) return result;
  if (!Array.isArray(constants)) throw new ViewDefinitionError('must be an array', 'constant');
  constants.forEach((constant: ViewConstant, index) => {
    const location = `constant[${index}]`;
    if (!constant || typeof constant.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(constant.name)) {
      throw new ViewDefinitionError('needs a name made of letters, digits and underscores', location);
    }
    const valueKeys = Object.keys(constant).filter((key) => key.startsWith('value'));
    if (valueKeys.length !== 1) {
      throw new ViewDefinitionError(`constant %${constant.name} needs exactly one value[x], found ${valueKeys.length}`, location);
    }
    if (result.has(constant.name)) throw new ViewDefinitionError(`constant %${constant.name} is defined twice`, location);
    const key = valueKeys[0];
    const value = constant[key as `value${string}`];
    const temporal = temporalLiteral(key, value);
    result.set(constant.name, temporal ? new TemporalConstant(temporal) : value);
  });
  return result;
}

/**
 * A date, dateTime, instant or time constant. FHIRPath compares these by precision and time zone,
 * not as text, so they are written into the expression as FHIRPath literals (`@1978-03-12`).
 */
export class TemporalConstant {
  constructor(readonly literal: string) {}
}

function temporalLiteral(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  switch (key) {
    case 'valueDate':
      return `@${value}`;
    case 'valueDateTime':
    case 'valueInstant':
      return value.includes('T') ? `@${value}` : `@${value}T`;
    case 'valueTime':
      return `@T${value}`;
    default:
      return undefined;
  }
}

const tokens = /'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|%([A-Za-z_][A-Za-z0-9_]*)/g;

/** Writes temporal constants into an expression as literals, leaving strings and other constants alone. */
export function inlineTemporalConstants(expression: string, constants: ReadonlyMap<string, unknown>): string {
  return expression.replace(tokens, (match, name: string | undefined) => {
    const value = name === undefined ? undefined : constants.get(name);
    return value instanceof TemporalConstant ? value.literal : match;
  });
}
