/**
 * Lossless FHIR decimals. R4 requires a decimal's precision to be kept (`1.00` is not `1`), but
 * JSON.parse turns every number into a double and JSON.stringify writes its shortest form. So
 * parsing notes the original text of each number whose JavaScript form differs, on the object or
 * array that holds it, under the LEXICAL symbol (`{ value: '1.00' }`); the value itself stays a
 * number, so validation, FHIRPath and search indexing see numbers as before. stringifyFhirJson
 * writes the noted text back, as long as the value still equals it. Objects and arrays on the
 * path to a noted number carry an empty note, so serialisation only walks those paths and hands
 * everything else to JSON.stringify. The notes are non-enumerable symbol properties, so equality
 * checks, Object.keys and JSON.stringify ignore them; code that rebuilds a resource at the top
 * (`{ ...resource, id, meta }`) keeps them with copyLexicalNumbers.
 */

/** The symbol under which a parsed object or array keeps the text of its non-canonical numbers. */
export const LEXICAL: unique symbol = Symbol('fhir.lexicalNumbers');

/** Property name (or array index) → the number's text as written; empty on objects that only lead to one. */
type Notes = Record<string, string>;
type Node = Record<string | symbol, unknown>;

/** Attaches notes to an object or array, hidden from enumeration. */
function attach(node: object, notes: Notes): void {
  Object.defineProperty(node, LEXICAL, { value: notes, writable: true, configurable: true, enumerable: false });
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * True when a JSON number token would not be written back as it is by JSON.stringify: `1.00`,
 * `1e5`, `-0`, `0.0000001`, or more digits than a double keeps. Tokens of up to 15 characters
 * without `.`, `e`, `E` (plain integers) are canonical and not looked at.
 */
function nonCanonical(token: string): boolean {
  return JSON_NUMBER.test(token) && String(Number(token)) !== token;
}

/** Quick test of stored text: could it hold a non-canonical number? (False positives only cost a scan.) */
const MAYBE_NON_CANONICAL = /[:,[]\s*(?:-0(?![.\deE])|-?\d+(?:\.\d*0(?!\d)|(?:\.\d+)?[eE])|-?0\.0{6}|-?[\d.]{16})/;

/**
 * Scans JSON text outside strings for number tokens whose canonical form differs from the text,
 * returning their [start, end) offsets as a flat list. Also reports the first place nesting
 * exceeds `maxDepth` (the same single pass, so the request path reads the text once in JS).
 */
export function scanJsonText(text: string, maxDepth = Infinity): { numbers: number[]; tooDeepAt?: number } {
  const numbers: number[] = [];
  let tooDeepAt: number | undefined;
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
      if (++depth > maxDepth && tooDeepAt === undefined) tooDeepAt = i;
    } else if (c === 125 || c === 93) {
      depth--;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let j = i + 1;
      let worthChecking = c === 45;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d >= 48 && d <= 57) continue;
        if (d === 46 /* . */ || d === 101 /* e */ || d === 69 /* E */ || d === 43 /* + */ || d === 45) worthChecking = true;
        else break;
      }
      if ((worthChecking || j - i > 15) && nonCanonical(text.slice(i, j))) numbers.push(i, j);
      i = j - 1;
    }
  }
  return tooDeepAt === undefined ? { numbers } : { numbers, tooDeepAt };
}

/**
 * JSON.parse, keeping the text of the numbers at `numbers` (offsets from scanJsonText): they are
 * swapped for marker strings that cannot occur in the input (a per-call random tag after a NUL),
 * parsed, then put back as numbers with their text noted. Throws SyntaxError like JSON.parse.
 */
export function parseWithLexicalNumbers(text: string, numbers: readonly number[]): unknown {
  if (numbers.length === 0) return JSON.parse(text);
  const tag = `\u0000${Math.random().toString(36).slice(2, 10)}:`;
  const texts: string[] = [];
  let marked = '';
  let from = 0;
  for (let k = 0; k < numbers.length; k += 2) {
    marked += `${text.slice(from, numbers[k])}"\\u0000${tag.slice(1)}${texts.length}"`;
    texts.push(text.slice(numbers[k], numbers[k + 1]));
    from = numbers[k + 1];
  }
  marked += text.slice(from);
  const value: unknown = JSON.parse(marked);
  const restoreIn = (node: Node): boolean => {
    let notes: Notes | undefined;
    for (const key in node) {
      const v = node[key];
      if (typeof v === 'string') {
        if (v.startsWith(tag)) {
          const lexical = texts[Number(v.slice(tag.length))];
          node[key] = Number(lexical);
          (notes ??= {})[key] = lexical;
        }
      } else if (v !== null && typeof v === 'object' && restoreIn(v as Node)) {
        notes ??= {};
      }
    }
    if (notes) attach(node, notes);
    return notes !== undefined;
  };
  if (typeof value === 'string' && value.startsWith(tag)) return Number(texts[Number(value.slice(tag.length))]);
  if (value !== null && typeof value === 'object') restoreIn(value as Node);
  return value;
}

/** Parses stored resource JSON, keeping non-canonical number text; a plain JSON.parse when the text has none. */
export function parseStoredJson(text: string): unknown {
  if (!MAYBE_NON_CANONICAL.test(text)) return JSON.parse(text);
  return parseWithLexicalNumbers(text, scanJsonText(text).numbers);
}

function notesOf(value: unknown): Notes | undefined {
  return value !== null && typeof value === 'object' ? ((value as Node)[LEXICAL] as Notes | undefined) : undefined;
}

/** A server-built Bundle (search, history, transaction response) holding resources with noted numbers: marks the path to them. */
function markBundle(value: Node): boolean {
  const entries = value.entry;
  if (value.resourceType !== 'Bundle' || !Array.isArray(entries)) return false;
  let any = false;
  for (const entry of entries as unknown[]) {
    if (entry === null || typeof entry !== 'object') continue;
    const e = entry as Node;
    if (notesOf(e.resource) || notesOf((e.response as Node | undefined)?.outcome)) {
      if (!notesOf(e)) attach(e, {});
      any = true;
    }
  }
  if (any) {
    if (!notesOf(entries)) attach(entries, {});
    if (!notesOf(value)) attach(value, {});
  }
  return any;
}

function write(value: unknown): string | undefined {
  const notes = notesOf(value);
  if (!notes) return JSON.stringify(value);
  const node = value as Node;
  const item = (key: string, v: unknown): string | undefined => {
    const lexical = notes[key];
    if (lexical !== undefined && typeof v === 'number' && Number(lexical) === v) return lexical;
    return write(v);
  };
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) parts.push(item(String(i), value[i]) ?? 'null');
    return `[${parts.join(',')}]`;
  }
  const parts: string[] = [];
  for (const key of Object.keys(node)) {
    const text = item(key, node[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * JSON.stringify for FHIR resources and Bundles that writes decimals as they were received. As
 * fast as JSON.stringify for anything that holds no noted number (the usual case).
 */
export function stringifyFhirJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (!notesOf(value) && !markBundle(value as Node)) return JSON.stringify(value);
  return write(value) ?? 'null';
}

/**
 * Copies the top-level notes of `from` onto `to`, for code that rebuilds a resource at the top
 * (meta stamping, `_elements`); nested objects are shared and keep their own. Returns `to`.
 */
export function copyLexicalNumbers<T extends object>(from: object, to: T): T {
  const notes = notesOf(from);
  if (notes) attach(to, notes);
  return to;
}

/** A deep copy of a parsed resource (as structuredClone, which drops symbol properties) that keeps its noted numbers. */
export function cloneJson<T>(value: T): T {
  const copy = structuredClone(value);
  const copyNotes = (from: unknown, to: unknown): void => {
    const notes = notesOf(from);
    if (!notes) return;
    attach(to as object, { ...notes });
    for (const key of Object.keys(from as Node)) copyNotes((from as Node)[key], (to as Node)[key]);
  };
  copyNotes(value, copy);
  return copy;
}
