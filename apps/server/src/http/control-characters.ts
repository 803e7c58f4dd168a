/**
 * C0 control characters other than tab, LF and CR: NUL above all, which PostgreSQL text cannot
 * hold, so a value carrying one would fail in the database as a 500 instead of a 400. No FHIR
 * value and no web API field may hold one.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * Where in a parsed JSON body or query (object keys included) a control character sits, as a
 * path such as `name[0].family`, or undefined when there is none. Walks at most `limit` values
 * (bodies are size-limited already).
 */
export function findControlCharacter(value: unknown, path = '', limit = { left: 100_000 }): string | undefined {
  if (--limit.left < 0) return undefined;
  if (typeof value === 'string') return CONTROL.test(value) ? path || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], `${path}[${i}]`, limit);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (CONTROL.test(key)) return path ? `${path}.(a property name)` : '(a property name)';
      const found = findControlCharacter(child, path ? `${path}.${key}` : key, limit);
      if (found) return found;
    }
  }
  return undefined;
}

/** The sentence for a 400 naming where the control character is (never echoing the value). */
export function controlCharacterMessage(where: string): string {
  return `The request holds a control character (such as NUL) at ${where}, which no value may`;
}
