import { evalFhirPathTyped, parseFhirPath, toTypedValue, type TypedValue } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { getSearchParameters } from '../definitions/search-parameters';
import { converters } from './convert';
import { compileFastPath } from './fast-path';
import type { ExtractedValue } from './types';

type IndexedType = ExtractedValue['type'];

interface CompiledParam {
  code: string;
  type: IndexedType;
  atom: ReturnType<typeof parseFhirPath>;
  /** A direct JSON walk for simple paths (most parameters); FHIRPath otherwise. */
  fast?: (resource: object) => TypedValue[] | undefined;
}

const compiled = new Map<string, CompiledParam[]>();
let useFastPath = true;

/** Turns the fast path off or on (tests compare both; the results must be identical). */
export function setFastPath(enabled: boolean): void {
  useFastPath = enabled;
  compiled.clear();
}

function isIndexed(type: string): type is IndexedType {
  return type in converters;
}

/** The indexable parameters of a type with their FHIRPath parsed once, kept for the life of the process. */
function compiledParams(resourceType: string): CompiledParam[] {
  let list = compiled.get(resourceType);
  if (list) return list;
  list = [];
  for (const p of getSearchParameters(resourceType)) {
    if (!isIndexed(p.type) || !p.expression) continue;
    const fast = useFastPath ? compileFastPath(resourceType, p.expression) : undefined;
    list.push({ code: p.code, type: p.type, atom: parseFhirPath(p.expression), ...(fast ? { fast } : {}) });
  }
  compiled.set(resourceType, list);
  return list;
}

/**
 * The search index values of a resource: every R4 search parameter of type string, token,
 * reference, date, number, quantity or uri for its type, evaluated with FHIRPath (expressions
 * parsed once per type and parameter) and converted by the R4 search rules. Duplicates within a
 * parameter are dropped. The record stores these in the same transaction as the resource.
 */
export function extractSearchValues(resource: Resource): ExtractedValue[] {
  const params = compiledParams(resource.resourceType);
  let root: TypedValue[] | undefined;
  const out: ExtractedValue[] = [];
  for (const p of params) {
    let results: TypedValue[] | undefined;
    try {
      results = p.fast?.(resource);
      results ??= evalFhirPathTyped(p.atom, (root ??= [toTypedValue(resource)]));
    } catch {
      // A FHIRPath runtime error means the data does not have the shape the parameter expects
      // (validation reports that); such a parameter simply has no index values.
      continue;
    }
    if (results.length === 0) continue;
    const start = out.length;
    const convert = converters[p.type];
    for (const tv of results) convert(p.code, tv, out);
    if (out.length - start > 1) dedupe(out, start);
  }
  return out;
}

/** Removes repeated values of one parameter (e.g. the same code in two codings) in place. */
function dedupe(out: ExtractedValue[], start: number): void {
  const seen = new Set<string>();
  let w = start;
  for (let r = start; r < out.length; r++) {
    const key = valueKey(out[r]);
    if (seen.has(key)) continue;
    seen.add(key);
    out[w++] = out[r];
  }
  out.length = w;
}

function valueKey(v: ExtractedValue): string {
  switch (v.type) {
    case 'string':
      return v.value;
    case 'token':
      return `${v.system ?? ''}|${v.value ?? ''}|${v.text ?? ''}`;
    case 'reference':
      return v.reference;
    case 'date':
      return `${v.start}/${v.end}`;
    case 'number':
      return String(v.value);
    case 'quantity':
      return `${v.value}|${v.system ?? ''}|${v.qcode ?? ''}|${v.unit ?? ''}`;
    case 'uri':
      return v.value;
  }
}
