import { getExpressionForResourceType, getSearchParameters as medplumSearchParameters } from '@medplum/core';
import type { SearchParameter } from '@medplum/fhirtypes';
import type { SearchParamInfo, SearchParamType } from '../search/types';
import { ensureDefinitions } from './load';
import { isResourceType } from './resource-types';

const byType = new Map<string, ReadonlyMap<string, SearchParamInfo>>();

/** Parameters @medplum/core adds for its own server that are not part of FHIR R4 (`meta.compartment` is not an R4 element). */
const notR4: ReadonlySet<string> = new Set(['_compartment']);

/**
 * The R4 canonical URLs of the common parameters, which @medplum/core declares without one
 * (a CapabilityStatement's searchParam.definition must be a canonical, never "").
 */
const COMMON_URLS: Readonly<Record<string, string>> = Object.fromEntries(
  ['id', 'lastUpdated', 'profile', 'security', 'source', 'tag'].map((name) => [`_${name}`, `http://hl7.org/fhir/SearchParameter/Resource-${name}`]),
);

const knownTypes: ReadonlySet<string> = new Set<SearchParamType>([
  'string', 'token', 'reference', 'date', 'number', 'quantity', 'uri', 'composite', 'special',
]);

/** Builds (once) the search parameters of one resource type from the R4 SearchParameter definitions. */
function paramsOf(resourceType: string): ReadonlyMap<string, SearchParamInfo> {
  let map = byType.get(resourceType);
  if (map) return map;
  ensureDefinitions();
  const result = new Map<string, SearchParamInfo>();
  if (isResourceType(resourceType)) {
    const defs: Record<string, SearchParameter> = medplumSearchParameters(resourceType) ?? {};
    for (const [code, def] of Object.entries(defs)) {
      if (notR4.has(code)) continue;
      const info = toInfo(resourceType, code, def);
      if (info) result.set(code, info);
    }
  }
  map = result;
  byType.set(resourceType, map);
  return map;
}

function toInfo(resourceType: string, code: string, def: SearchParameter): SearchParamInfo | undefined {
  if (!def.type || !knownTypes.has(def.type)) return undefined;
  const narrowed = def.expression ? getExpressionForResourceType(resourceType, def.expression) : undefined;
  // `_id`, `_lastUpdated` and friends are declared on Resource; keep their expression as written.
  const expression = narrowed ?? def.expression ?? '';
  return {
    code,
    type: def.type as SearchParamType,
    expression,
    ...(def.type === 'reference' ? { targets: [...(def.target ?? [])] } : {}),
    url: def.url || COMMON_URLS[code] || '',
  };
}

/**
 * The R4 search parameters of a resource type (including the common `_id`, `_lastUpdated`,
 * `_tag`, `_profile`, `_security`, `_source`), each with its FHIRPath narrowed to this type.
 * Composite and special parameters are listed; the record indexes the seven simple types.
 * Unknown resource types have none.
 */
export function getSearchParameters(resourceType: string): SearchParamInfo[] {
  return [...paramsOf(resourceType).values()];
}

/** One search parameter by its code (e.g. `birthdate`), or undefined when the type has no such parameter. */
export function getSearchParameter(resourceType: string, code: string): SearchParamInfo | undefined {
  return paramsOf(resourceType).get(code);
}
