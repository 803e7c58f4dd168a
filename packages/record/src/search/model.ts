import type { SearchParamInfo } from '@footprint/fhir';

/** Date/number/quantity comparison prefixes (FHIR R4 search §3.1.1.4.x). */
export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';
export const PREFIXES: readonly Prefix[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'];

/** The modifiers the record supports, by parameter type. */
export type Modifier = 'exact' | 'contains' | 'missing' | 'not' | 'text' | 'below' | 'type';

/** A search parameter as resolved for one resource type, including the column-backed `_id` and `_lastUpdated`. */
export type ResolvedParam = Pick<SearchParamInfo, 'code' | 'type' | 'targets'> & { column?: 'id' | 'last_updated' };

/** One condition: a parameter with its modifier and OR-ed values; several conditions are AND-ed. */
export interface Condition {
  param: ResolvedParam;
  modifier?: Modifier;
  /** For `ref:Type=…` (the `type` modifier): the target type named. */
  modifierType?: string;
  values: string[];
  /** One level of chaining (`subject:Patient.name=…`): the condition applied to the referenced resources. */
  chain?: { targetTypes: string[]; conditionByType: Map<string, Condition> };
  /** Reverse chaining (`_has:Observation:subject:code=…`): some `sourceType` resource referring to the row by `code` matches `condition`. */
  has?: { sourceType: string; code: string; condition: Condition };
}

export interface SortKey {
  param: ResolvedParam;
  descending: boolean;
}

/** `_include` (`Type:param[:target]`) or `_revinclude`, optionally `:iterate`. */
export interface IncludeSpec {
  sourceType: string;
  code: string;
  targetType?: string;
  iterate: boolean;
}

export interface SearchRequestModel {
  resourceType: string;
  conditions: Condition[];
  sort: SortKey[];
  count: number;
  includes: IncludeSpec[];
  revincludes: IncludeSpec[];
  summaryCount: boolean;
  total: boolean;
  elements?: string[];
  cursor?: string;
  applied: Array<[string, string]>;
  warnings: string[];
}
