import { normalizeSearchString, parseDateRange, parseReference } from '@footprint/fhir';
import { splitPrefix } from './parse';
import type { Prefix } from './model';

/** `a|b` split on the first unescaped `|`, with `\|` unescaped. */
export function splitPipe(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\' && value[i + 1] === '|') {
      current += '|';
      i++;
    } else if (value[i] === '|') {
      parts.push(current);
      current = '';
    } else current += value[i];
  }
  parts.push(current);
  return parts;
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function normalizedPattern(value: string, mode: 'prefix' | 'contains' | 'word'): string {
  const n = escapeLike(normalizeSearchString(value));
  return mode === 'prefix' ? `${n}%` : `%${n}%`;
}

export interface DateValue {
  prefix: Prefix;
  start: string;
  end: string;
  /** For `ap`: the approximation margin in milliseconds (10% of the distance from now, at least a day). */
  margin: number;
}

export function parseDateValue(value: string): DateValue {
  const [prefix, text] = splitPrefix(value);
  const range = parseDateRange(text);
  if (!range) throw new Error(`invalid date ${text}`); // parse.ts already rejected these with a 400
  const margin = Math.max(Math.abs(Date.now() - range.start) * 0.1, 86_400_000);
  return { prefix, start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString(), margin };
}

export interface NumberValue {
  prefix: Prefix;
  value: string;
  /** The implicit range of the written precision: `100` is [99.5, 100.5). */
  lo: string;
  hi: string;
}

export function parseNumberValue(value: string): NumberValue {
  const [prefix, text] = splitPrefix(value);
  const n = Number(text);
  const mantissa = text.split(/[eE]/)[0];
  const exponent = Number(text.split(/[eE]/)[1] ?? 0);
  const decimals = (mantissa.split('.')[1] ?? '').length - exponent;
  const half = 0.5 * 10 ** -decimals;
  return { prefix, value: text, lo: String(n - half), hi: String(n + half) };
}

/** A reference search value as a target type and id (either may be unknown), or a literal reference. */
export function parseReferenceValue(value: string, modifierType?: string): { type?: string; id?: string; literal?: string } {
  const parsed = parseReference(value);
  if (parsed?.kind === 'resource') return { type: parsed.resourceType, id: parsed.id };
  if (/^[A-Za-z0-9\-.]{1,64}$/.test(value)) return { ...(modifierType ? { type: modifierType } : {}), id: value };
  return { literal: value };
}
