import type { SqlParams } from '../db/sql-params';
import type { SortKey } from './model';

/** A sort key compiled to an SQL expression over the row alias, with the type its text form casts back to. */
export interface CompiledSortKey {
  expr: string;
  sqlType: 'text' | 'timestamptz' | 'numeric';
  descending: boolean;
}

/**
 * `_sort` keys as per-row expressions: columns for `_id`/`_lastUpdated`, otherwise the lowest
 * (ascending) or highest (descending) indexed value of the parameter, as FHIR prescribes for
 * repeating elements. Missing values sort last in both directions.
 */
export function compileSort(keys: readonly SortKey[], alias: string, resourceType: string, params: SqlParams): CompiledSortKey[] {
  return keys.map(({ param, descending }) => {
    if (param.column === 'id') return { expr: `${alias}.id`, sqlType: 'text', descending };
    if (param.column === 'last_updated') return { expr: `${alias}.last_updated`, sqlType: 'timestamptz', descending };
    const agg = descending ? 'max' : 'min';
    const where = `s.rid = ${alias}.rid AND s.resource_type = ${params.add(resourceType)} AND s.code = ${params.add(param.code)}`;
    switch (param.type) {
      case 'string':
        return { expr: `(SELECT ${agg}(s.normalized) FROM search_string s WHERE ${where})`, sqlType: 'text', descending };
      case 'token':
        return { expr: `(SELECT ${agg}(s.value) FROM search_token s WHERE ${where})`, sqlType: 'text', descending };
      case 'date':
        return { expr: `(SELECT ${agg}(s.${descending ? 'hi' : 'lo'}) FROM search_date s WHERE ${where})`, sqlType: 'timestamptz', descending };
      case 'number':
        return { expr: `(SELECT ${agg}(s.value) FROM search_number s WHERE ${where})`, sqlType: 'numeric', descending };
      case 'quantity':
        return { expr: `(SELECT ${agg}(s.value) FROM search_quantity s WHERE ${where})`, sqlType: 'numeric', descending };
      case 'reference':
        return { expr: `(SELECT ${agg}(s.reference) FROM search_reference s WHERE ${where})`, sqlType: 'text', descending };
      case 'uri':
        return { expr: `(SELECT ${agg}(s.value) FROM search_uri s WHERE ${where})`, sqlType: 'text', descending };
      default:
        throw new Error(`cannot sort on ${param.type}`);
    }
  });
}

/** ORDER BY for the keys (nulls last either way), then rid as the unique tie-breaker. */
export function orderBy(keys: readonly CompiledSortKey[], ridExpr: string): string {
  const parts = keys.flatMap((k) => [`${k.expr} IS NULL`, `${k.expr}${k.descending ? ' DESC' : ''}`]);
  return [...parts, ridExpr].join(', ');
}

/**
 * The keyset predicate "row comes after the cursor" in the same order as `orderBy`: a
 * lexicographic comparison over (isnull, value) per key, then rid, written out so NULLs behave.
 */
export function afterCursor(keys: readonly CompiledSortKey[], values: ReadonlyArray<string | null>, ridExpr: string, rid: string, params: SqlParams): string {
  let predicate = `${ridExpr} > ${params.add(rid)}::bigint`;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i];
    const v = values[i];
    if (v === null || v === undefined) {
      // Cursor value missing (sorted last): only rows also missing it, with a later tail.
      predicate = `(${k.expr} IS NULL AND ${predicate})`;
    } else {
      const c = `${params.add(v)}::${k.sqlType}`;
      predicate = `(${k.expr} IS NULL OR ${k.expr} ${k.descending ? '<' : '>'} ${c} OR (${k.expr} = ${c} AND ${predicate}))`;
    }
  }
  return predicate;
}
