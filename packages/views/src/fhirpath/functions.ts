import fhirpath from 'fhirpath';
import { referenceKey, resourceKey } from './keys';

/**
 * SQL-on-FHIR's extra functions, and two corrections, as a fhirpath.js user invocation table:
 * getResourceKey()/getReferenceKey([type]); join() giving '' for an empty input; and
 * lowBoundary()/highBoundary() on a dateTime without a time zone, which take the widest offsets
 * (+14:00 for the low boundary, -12:00 for the high) as the FHIRPath specification says.
 */
interface TypedNode {
  data?: unknown;
  fhirNodeDataType?: string;
}

const hasZone = /(Z|[+-]\d\d:\d\d)$/;

function boundary(kind: 'lowBoundary' | 'highBoundary') {
  return {
    internalStructures: true,
    arity: { 0: [], 1: ['Integer'] },
    fn(inputs: TypedNode[], precision?: number | number[]) {
      const result = builtInBoundary(kind, inputs, Array.isArray(precision) ? (precision[0] as number) : precision);
      const input = inputs.length === 1 ? inputs[0] : undefined;
      if (input?.fhirNodeDataType !== 'dateTime' || typeof input.data !== 'string' || hasZone.test(input.data)) return result;
      const values = (Array.isArray(result) ? result : [result]).filter((v) => v !== undefined && v !== null);
      return values.map((value) => {
        const text = String(value);
        return text.includes('T') && !hasZone.test(text) ? `${text}${kind === 'lowBoundary' ? '+14:00' : '-12:00'}` : value;
      });
    },
  };
}

interface Boundable {
  lowBoundary(precision?: number): unknown;
  highBoundary(precision?: number): unknown;
}

/** fhirpath.js's boundary semantics, through its exported value classes (as its math module does). */
function builtInBoundary(kind: 'lowBoundary' | 'highBoundary', inputs: unknown[], precision?: number): unknown[] {
  if (inputs.length === 0) return [];
  if (inputs.length > 1) throw new Error(`${kind}() needs a single value, got ${inputs.length}`);
  const value = fhirpath.util.valDataConverted(inputs[0]) as unknown;
  if (value === null || value === undefined) return [];
  if (typeof value === "number") return [(fhirpath.FP_Decimal.getDecimal(value) as unknown as Boundable)[kind](precision)];
  if (typeof (value as Partial<Boundable>)[kind] === 'function') return [(value as Boundable)[kind](precision)];
  throw new Error(`${kind}() expects a Decimal, Date, DateTime or Time`);
}

export const userInvocationTable = {
  getResourceKey: {
    fn: (inputs: unknown[]) => inputs.map(resourceKey).filter((key) => key !== undefined),
    arity: { 0: [] },
  },
  getReferenceKey: {
    fn: (inputs: unknown[], type?: { name?: string }) =>
      inputs.map((reference) => referenceKey(reference, type?.name)).filter((key) => key !== undefined),
    arity: { 0: [], 1: ['TypeSpecifier'] },
  },
  join: {
    fn: (inputs: unknown[], separator?: string) => [inputs.map(String).join(separator ?? '')],
    arity: { 0: [], 1: ['String'] },
  },
  lowBoundary: boundary('lowBoundary'),
  highBoundary: boundary('highBoundary'),
};
