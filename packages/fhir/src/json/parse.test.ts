import { describe, expect, it } from 'vitest';
import { OperationOutcomeError } from '../errors';
import { parseJsonResource } from './parse';

function failure(text: string, maxDepth?: number): { status: number; message: string } {
  try {
    parseJsonResource(text, { maxDepth });
  } catch (err) {
    expect(err).toBeInstanceOf(OperationOutcomeError);
    const e = err as OperationOutcomeError;
    return { status: e.status, message: e.outcome.issue?.[0]?.diagnostics ?? '' };
  }
  throw new Error('expected a failure');
}

describe('parseJsonResource', () => {
  it('parses a resource', () => {
    expect(parseJsonResource('{"resourceType":"Patient","name":[{"family":"Ng"}]}')).toEqual({ resourceType: 'Patient', name: [{ family: 'Ng' }] });
  });

  it('explains malformed JSON with line and column, never echoing content', () => {
    expect(failure('{"resourceType":"Patient",\n "name": "Zoe" "x":1}')).toEqual({
      status: 400,
      message: "Malformed JSON at line 2, column 16 (character 43): expected ',' or '}' after a property value",
    });
    expect(failure('{"a":}').message).toBe('Malformed JSON at line 1, column 6 (character 6): expected a value (an object, array, string, number, true, false or null)');
    expect(failure('{"a":1,}').message).toMatch(/column 8 .*no trailing commas/);
    expect(failure('{"a":"Zoe').message).toMatch(/column 6 .*unterminated string/);
    expect(failure('{"a":1}x').message).toMatch(/column 8 .*after the end/);
    expect(failure('').message).toMatch(/unexpected end of input/);
    expect(failure('{"secret":"9990000018"').message).not.toContain('9990000018');
  });

  it('rejects JSON that is not an object', () => {
    expect(failure('[1,2]').message).toBe('Expected a FHIR resource (a JSON object) but found an array');
    expect(failure('"Patient"').message).toMatch(/found a string/);
    expect(failure('null').message).toMatch(/found null/);
  });

  it('rejects nesting deeper than the limit, without exhausting the stack', () => {
    const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    expect(() => parseJsonResource(deep(32))).not.toThrow();
    expect(failure(deep(33))).toEqual({ status: 400, message: 'JSON nesting is deeper than the limit of 32 levels, at line 1, column 161' });
    expect(failure(deep(5), 4).message).toMatch(/limit of 4 levels/);
    // Brackets inside strings do not count.
    expect(() => parseJsonResource(`{"text":"${'['.repeat(100)}"}`)).not.toThrow();
    // A million unclosed brackets: still a clean 400.
    expect(failure('['.repeat(1_000_000)).status).toBe(400);
  });
});
