/**
 * Search-parameter metadata and the values extracted from a resource at write time.
 * packages/fhir computes these from the R4 SearchParameter definitions; packages/record
 * stores them in index tables and compiles searches against them.
 */
export type SearchParamType = 'string' | 'token' | 'reference' | 'date' | 'number' | 'quantity' | 'uri' | 'composite' | 'special';

export interface SearchParamInfo {
  /** The parameter's name in URLs, e.g. `birthdate`. */
  code: string;
  type: SearchParamType;
  /** The FHIRPath expression, narrowed to this resource type. */
  expression: string;
  /** For reference parameters: the resource types it may point at. */
  targets?: string[];
  /** Canonical URL of the SearchParameter definition. */
  url: string;
}

/** One indexed value. Records store these in the same transaction as the resource. */
export type ExtractedValue =
  | { code: string; type: 'string'; value: string; normalized: string }
  | { code: string; type: 'token'; system?: string; value?: string; text?: string }
  | { code: string; type: 'reference'; targetType?: string; targetId?: string; reference: string }
  /** Dates as an inclusive-exclusive range of ISO instants, so `eq`/`ge`/`lt`… compare ranges. */
  | { code: string; type: 'date'; start: string; end: string }
  | { code: string; type: 'number'; value: number }
  | { code: string; type: 'quantity'; value: number; system?: string; unit?: string; qcode?: string }
  | { code: string; type: 'uri'; value: string };
