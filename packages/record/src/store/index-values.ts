import { normalizeSearchString, type ExtractedValue } from '@footprint/fhir';
import type { Statement } from '../db/statement';

/** Parameters held as columns of `resource` rather than as index rows. */
const COLUMN_PARAMS: ReadonlySet<string> = new Set(['_id', '_lastUpdated']);

export const INDEX_TABLES = ['search_string', 'search_token', 'search_date', 'search_number', 'search_quantity', 'search_reference', 'search_uri'] as const;

/** One resource's search values. `rid` is its row id, or omitted when the statement supplies it (see `ridFrom`). */
export interface IndexEntry {
  rid?: string;
  resourceType: string;
  values: readonly ExtractedValue[];
}

interface TableShape {
  table: (typeof INDEX_TABLES)[number];
  /** Columns after (rid, resource_type, code), with their array types. */
  columns: ReadonlyArray<readonly [name: string, type: string]>;
}

const SHAPES: Record<ExtractedValue['type'], TableShape> = {
  string: { table: 'search_string', columns: [['value', 'text'], ['normalized', 'text']] },
  token: { table: 'search_token', columns: [['system', 'text'], ['value', 'text'], ['text', 'text']] },
  date: { table: 'search_date', columns: [['lo', 'timestamptz'], ['hi', 'timestamptz']] },
  number: { table: 'search_number', columns: [['value', 'numeric']] },
  quantity: { table: 'search_quantity', columns: [['value', 'numeric'], ['system', 'text'], ['unit', 'text']] },
  reference: { table: 'search_reference', columns: [['target_type', 'text'], ['target_id', 'text'], ['reference', 'text']] },
  uri: { table: 'search_uri', columns: [['value', 'text']] },
};

/** The columns after (rid, resource_type, code) for one value (token text normalised for `:text`), or undefined when it holds nothing searchable. */
function rowOf(v: ExtractedValue): unknown[] | undefined {
  switch (v.type) {
    case 'string':
      return v.value ? [v.value, v.normalized] : undefined;
    case 'token':
      return v.value || v.system || v.text ? [v.system ?? null, v.value ?? null, v.text ? normalizeSearchString(v.text) : null] : undefined;
    case 'date':
      return [v.start, v.end];
    case 'number':
      return Number.isFinite(v.value) ? [String(v.value)] : undefined;
    case 'quantity':
      return Number.isFinite(v.value) ? [String(v.value), v.system ?? null, v.qcode ?? v.unit ?? null] : undefined;
    case 'reference':
      return [v.targetType ?? null, v.targetId ?? null, v.reference];
    case 'uri':
      return v.value ? [v.value] : undefined;
  }
}

/**
 * Adds to `stmt` one multi-row INSERT per index table (column arrays unnested server-side) for
 * the search values of many resources, dropping duplicate values of a resource. When `ridFrom`
 * names a CTE with a `rid` column (a row just inserted in the same statement), rows take their
 * rid from it and entries need none.
 */
export function addIndexInserts(stmt: Statement, entries: readonly IndexEntry[], ridFrom?: string): void {
  const cols = new Map<ExtractedValue['type'], unknown[][]>();
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const v of entry.values) {
      if (COLUMN_PARAMS.has(v.code)) continue;
      const row = rowOf(v);
      if (!row) continue;
      const key = `${v.type}\u0000${v.code}\u0000${row.join('\u0000')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let target = cols.get(v.type);
      if (!target) {
        target = Array.from({ length: 3 + SHAPES[v.type].columns.length }, () => [] as unknown[]);
        cols.set(v.type, target);
      }
      const values = [entry.rid ?? null, entry.resourceType, v.code, ...row];
      for (let i = 0; i < values.length; i++) target[i].push(values[i]);
    }
  }
  for (const [type, arrays] of cols) {
    const shape = SHAPES[type];
    const names = ['rid', 'resource_type', 'code', ...shape.columns.map((c) => c[0])];
    const types = ['bigint', 'text', 'text', ...shape.columns.map((c) => c[1])];
    const first = ridFrom ? 1 : 0;
    const unnest = arrays
      .slice(first)
      .map((a, i) => `${stmt.add(a)}::${types[i + first]}[]`)
      .join(', ');
    const alias = names.slice(first).map((n) => `u_${n}`);
    const select = ridFrom
      ? `SELECT ${ridFrom}.rid, ${alias.join(', ')} FROM ${ridFrom}, unnest(${unnest}) AS u(${alias.join(', ')})`
      : `SELECT * FROM unnest(${unnest})`;
    stmt.cte('idx', `INSERT INTO ${shape.table} (${names.join(', ')}) ${select}`);
  }
}

/** Adds DELETEs of the search values of `rids` (resources being re-indexed or deleted). */
export function addIndexDeletes(stmt: Statement, rids: readonly string[] | string): void {
  const p = typeof rids === 'string' ? stmt.add(rids) : stmt.add(rids);
  const condition = typeof rids === 'string' ? `rid = ${p}::bigint` : `rid = ANY(${p}::bigint[])`;
  for (const table of INDEX_TABLES) stmt.cte('del', `DELETE FROM ${table} WHERE ${condition}`);
}
