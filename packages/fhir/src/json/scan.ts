/**
 * A small iterative JSON scanner, used only to explain failures: where malformed JSON goes wrong
 * (line, column, what was expected) and how deeply a document nests, without recursion (so a
 * hostile `[[[[…` cannot overflow the stack) and without echoing any of the content.
 */

export interface JsonProblem {
  /** 0-based character offset. */
  position: number;
  line: number;
  column: number;
  message: string;
}

function locate(text: string, position: number, message: string): JsonProblem {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { position, line, column: position - lineStart + 1, message };
}

/** The first position where nesting exceeds `maxDepth` (objects and arrays), or undefined. */
export function findExcessiveNesting(text: string, maxDepth: number): JsonProblem | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i++;
        else if (s === 34) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return locate(text, i, `nesting is deeper than the limit of ${maxDepth} levels`);
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return undefined;
}

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Explains why `text` is not valid JSON, or returns undefined when it is. */
export function findJsonSyntaxError(text: string): JsonProblem | undefined {
  // Containers on the stack: 'o' object, 'a' array. `expect` is what the grammar allows next.
  const stack: string[] = [];
  type Expect = 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'commaOrEnd' | 'end';
  let expect: Expect = 'value';
  const n = text.length;
  let i = 0;
  const err = (message: string, at = i) => locate(text, at, message);

  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrEnd');

  while (true) {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (expect === 'end') return undefined;
      return err(stack.length > 0 ? `unexpected end of input: an ${stack[stack.length - 1] === 'o' ? 'object' : 'array'} is not closed` : 'unexpected end of input');
    }
    const c = text[i];
    switch (expect) {
      case 'end':
        return err('unexpected content after the end of the JSON document');
      case 'colon':
        if (c !== ':') return err("expected ':' after a property name");
        i++;
        expect = 'value';
        continue;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top === 'o' ? 'key' : 'value';
        } else if ((c === '}' && top === 'o') || (c === ']' && top === 'a')) {
          i++;
          stack.pop();
          expect = afterValue();
        } else {
          return err(top === 'o' ? "expected ',' or '}' after a property value" : "expected ',' or ']' after an array element");
        }
        continue;
      }
      case 'key':
      case 'firstKey':
        if (c === '}' && expect === 'firstKey') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (c !== '"') return err(expect === 'key' ? 'expected a double-quoted property name (no trailing commas in JSON)' : "expected a double-quoted property name or '}'");
        {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
        }
        expect = 'colon';
        continue;
      case 'value':
      case 'firstValue': {
        if (c === ']' && expect === 'firstValue') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (c === '{') {
          stack.push('o');
          i++;
          expect = 'firstKey';
          continue;
        }
        if (c === '[') {
          stack.push('a');
          i++;
          expect = 'firstValue';
          continue;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
          if (!m) return err('invalid number');
          i += m[0].length;
        } else if (text.startsWith('true', i)) i += 4;
        else if (text.startsWith('false', i)) i += 5;
        else if (text.startsWith('null', i)) i += 4;
        else return err(expect === 'value' && stack.length > 0 && text[i] === ']' ? 'expected a value (no trailing commas in JSON)' : 'expected a value (an object, array, string, number, true, false or null)');
        expect = afterValue();
        continue;
      }
    }
  }

  function scanString(s: string, start: number): number | JsonProblem {
    for (let j = start + 1; j < n; j++) {
      const ch = s.charCodeAt(j);
      if (ch === 34) return j + 1;
      if (ch < 32) return locate(s, j, 'control character (such as a raw line break) inside a string');
      if (ch === 92) {
        const e = s[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) return locate(s, j, 'invalid \\u escape in a string');
          j += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
        else return locate(s, j, 'invalid escape sequence in a string');
      }
    }
    return locate(s, start, 'unterminated string');
  }
}
