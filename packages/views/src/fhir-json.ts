import fhirpath from 'fhirpath';

const token = /"(?:[^"\\]|\\.)*"|-?\d+\.\d+(?:[eE][+-]?\d+)?/g;
/** Written into the JSON text as an escape, so it decodes to a string no FHIR value can contain. */
const markerEscaped = '\\u0000decimal:';
const marker = '\u0000decimal:';

/**
 * Parses FHIR JSON keeping each decimal's written precision (FHIR requires `1.0` and `1` to stay
 * different, which matters to lowBoundary()/highBoundary()). Decimals whose text a JavaScript number
 * cannot reproduce become fhirpath.js precise decimals; everything else is ordinary JSON.
 */
export function parseFhirJson<T = unknown>(text: string): T {
  let marked = false;
  const prepared = text.replace(token, (match) => {
    if (match.startsWith('"') || String(Number(match)) === match) return match;
    marked = true;
    return `"${markerEscaped}${match}"`;
  });
  if (!marked) return JSON.parse(text) as T;
  return JSON.parse(prepared, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? fhirpath.FP_Decimal.getDecimal(value.slice(marker.length)) : value,
  ) as T;
}

/** Column values leave the engine as plain JSON: precise decimals become numbers. */
export function toPlainValue(value: unknown): unknown {
  return value instanceof fhirpath.FP_Decimal ? value.toNumber() : value;
}
