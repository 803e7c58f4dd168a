import { describe, expect, it } from 'vitest';
import { cloneJson, copyLexicalNumbers, parseStoredJson, scanJsonText, stringifyFhirJson } from './lexical';
import { parseJsonResource } from './parse';

/** The three values the official examples lost (fhir-test-cases r4/examples/observation-decimal.json and others). */
const DECIMALS = ['1.00', '0.001530', '1.000000000000000000E-245'];

const observation = (value: string) =>
  `{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":${value},"unit":"mg"},"component":[{"code":{"text":"y"},"valueQuantity":{"value":${value}}}]}`;

describe('lossless decimals', () => {
  it('writes back 1.00, 0.001530 and 1.000000000000000000E-245 exactly, while the parsed values are numbers', () => {
    for (const value of DECIMALS) {
      const text = observation(value);
      const parsed = parseJsonResource(text) as { valueQuantity: { value: unknown } };
      expect(parsed.valueQuantity.value).toBe(Number(value));
      expect(stringifyFhirJson(parsed)).toBe(text);
      expect(JSON.stringify(parsed)).not.toBe(text);
      // Stored text read back keeps them too.
      expect(stringifyFhirJson(parseStoredJson(text))).toBe(text);
    }
  });

  it('keeps them through meta stamping, _elements-style rebuilds and cloning, and equality ignores them', () => {
    const parsed = parseJsonResource('{"resourceType":"ChargeItem","factorOverride":1.50,"priceOverride":{"value":20.00}}');
    const stamped = copyLexicalNumbers(parsed, { ...parsed, id: 'a', meta: { versionId: '1' } });
    expect(stringifyFhirJson(stamped)).toBe('{"resourceType":"ChargeItem","factorOverride":1.50,"priceOverride":{"value":20.00},"id":"a","meta":{"versionId":"1"}}');
    const rebuilt = copyLexicalNumbers(parsed, { resourceType: 'ChargeItem', factorOverride: parsed.factorOverride });
    expect(stringifyFhirJson(rebuilt)).toBe('{"resourceType":"ChargeItem","factorOverride":1.50}');
    const clone = cloneJson(parsed);
    expect(clone).not.toBe(parsed);
    expect(stringifyFhirJson(clone)).toBe(stringifyFhirJson(parsed));
    expect(parsed).toEqual({ resourceType: 'ChargeItem', factorOverride: 1.5, priceOverride: { value: 20 } });
  });

  it('writes the resources of a server-built Bundle with their decimals', () => {
    const resource = parseJsonResource(observation('1.00'));
    const bundle = { resourceType: 'Bundle', type: 'searchset', entry: [{ fullUrl: 'x', resource }, { resource: { resourceType: 'Patient' } }] };
    expect(stringifyFhirJson(bundle)).toBe(`{"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"x","resource":${observation('1.00')}},{"resource":{"resourceType":"Patient"}}]}`);
  });

  it('writes a changed value as the new number, not the stale text', () => {
    const parsed = parseJsonResource('{"a":{"value":1.00},"b":[2.50,3]}') as { a: { value: number }; b: number[] };
    parsed.a.value = 2;
    parsed.b.push(4);
    expect(stringifyFhirJson(parsed)).toBe('{"a":{"value":2},"b":[2.50,3,4]}');
  });

  it('finds only non-canonical numbers, never inside strings, and leaves other JSON as JSON.parse does', () => {
    const text = '{"s":"1.00, 1e5","n":[1,-2,3.5,1.0,1e5,-0,0.0000001,12345678901234567890,0.1,100]}';
    const { numbers } = scanJsonText(text);
    const found = [];
    for (let k = 0; k < numbers.length; k += 2) found.push(text.slice(numbers[k], numbers[k + 1]));
    expect(found).toEqual(['1.0', '1e5', '-0', '0.0000001', '12345678901234567890']);
    expect(stringifyFhirJson(parseJsonResource(text))).toBe(text);
    expect(parseJsonResource(text)).toEqual(JSON.parse(text));
    // A string that looks like the internal marker stays a string.
    const tricky = '{"s":"\\u0000abc:0","n":1.0}';
    expect(stringifyFhirJson(parseJsonResource(tricky))).toBe(tricky);
  });

  it('costs nothing extra when every number is canonical (plain JSON.parse / JSON.stringify)', () => {
    const text = '{"resourceType":"Observation","valueQuantity":{"value":1.5},"meta":{"lastUpdated":"2024-01-01T10:00:00.000Z"}}';
    const parsed = parseJsonResource(text);
    expect(Object.getOwnPropertySymbols(parsed)).toEqual([]);
    expect(Object.getOwnPropertySymbols(parseStoredJson(text))).toEqual([]);
  });
});
